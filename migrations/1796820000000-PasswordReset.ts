import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * « Forgotten password » (src/auth/password-reset/): the reset links (only their SHA-256, one hour,
 * single use) and the requests of the last day, counted per account and per client address.
 */
export class PasswordReset1796820000000 implements MigrationInterface {
  name = 'PasswordReset1796820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "password_reset_requests" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "email" character varying(254) NOT NULL, "address" character varying(64) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mailed" boolean NOT NULL, CONSTRAINT "PK_4aa83fc224280f3c94c3e214d65" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_password_reset_requests_address" ON "password_reset_requests"  ("address", "requested_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_password_reset_requests_email" ON "password_reset_requests"  ("email", "requested_at") `);
    await queryRunner.query(`CREATE TABLE "password_reset_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_password_reset_tokens_token_hash" UNIQUE ("token_hash"), CONSTRAINT "CHK_password_reset_tokens_expiry" CHECK ("expires_at" > "created_at"), CONSTRAINT "PK_d16bebd73e844c48bca50ff8d3d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_password_reset_tokens_user" ON "password_reset_tokens"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "FK_password_reset_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset_tokens" DROP CONSTRAINT "FK_password_reset_tokens_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_password_reset_tokens_user"`);
    await queryRunner.query(`DROP TABLE "password_reset_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_password_reset_requests_email"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_password_reset_requests_address"`);
    await queryRunner.query(`DROP TABLE "password_reset_requests"`);
  }
}
