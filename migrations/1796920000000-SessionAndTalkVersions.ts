import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions and talks carry a version (issue 13): raised by every change of the row, served as the
 * ETag of their answers and compared with If-Match, so that a change based on a stale view is
 * refused with 412 instead of silently overwriting another organiser's.
 */
export class SessionAndTalkVersions1796920000000 implements MigrationInterface {
  name = 'SessionAndTalkVersions1796920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "talks" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "CHK_sessions_version" CHECK ("version" >= 1)`);
    await queryRunner.query(`ALTER TABLE "talks" ADD CONSTRAINT "CHK_talks_version" CHECK ("version" >= 1)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "talks" DROP CONSTRAINT "CHK_talks_version"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "CHK_sessions_version"`);
    await queryRunner.query(`ALTER TABLE "talks" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "version"`);
  }
}
