import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling per (account, address) pair (src/auth/login-throttle.ts): an index for counting
 * a pair's failures in the window and finding its latest one.
 */
export class LoginThrottle1796400000000 implements MigrationInterface {
  name = 'LoginThrottle1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_login_failures_pair" ON "login_failures" ("email", "address", "failed_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_login_failures_pair"`);
  }
}
