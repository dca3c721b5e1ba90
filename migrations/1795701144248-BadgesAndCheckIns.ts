import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Badges and the reception desk: every participant gets a badge token (the QR code) from the SQL
 * function badge_token(), the default of the column, so that every writer of participants (the
 * registrations' group commit, the import, the programme sync) gets one without knowing; the print
 * log; organisers' template per category; check-ins once per participant, part and day.
 */
export class BadgesAndCheckIns1795701144248 implements MigrationInterface {
  name = 'BadgesAndCheckIns1795701144248';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // 32 random bytes from two v4 UUIDs (244 random bits), base64url without padding: 43 characters.
    await queryRunner.query(`CREATE FUNCTION badge_token() RETURNS varchar LANGUAGE sql VOLATILE AS $$
      SELECT rtrim(translate(encode(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '+/', '-_'), '=')
    $$`);
    await queryRunner.query(`CREATE TABLE "badge_prints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "printed_by" uuid, "template" character varying(60) NOT NULL, "reprint" boolean NOT NULL DEFAULT false, "reason" text, "batch_id" uuid, "printed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3689c9a5ddd67f24b6707d13b0e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_badge_prints_event" ON "badge_prints"  ("event_id", "printed_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_badge_prints_participant" ON "badge_prints"  ("participant_id", "printed_at") `);
    await queryRunner.query(`CREATE TABLE "badge_template_choices" ("event_id" uuid NOT NULL, "category" character varying(40) NOT NULL, "template" character varying(60) NOT NULL, CONSTRAINT "PK_badge_template_choices" PRIMARY KEY ("event_id", "category"))`);
    await queryRunner.query(`CREATE TABLE "check_ins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "part_id" uuid NOT NULL, "day" date NOT NULL, "checked_in_by" uuid, "nonce" character varying(100), "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_check_ins_nonce" UNIQUE ("event_id", "nonce"), CONSTRAINT "UQ_check_ins_once" UNIQUE ("participant_id", "part_id", "day"), CONSTRAINT "PK_fac7f27bc829a454ad477c13f62" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_check_ins_stats" ON "check_ins"  ("event_id", "part_id", "day") `);
    await queryRunner.query(`ALTER TABLE "participants" ADD "badge_token" character varying(43) NOT NULL DEFAULT badge_token()`);
    await queryRunner.query(`ALTER TABLE "participants" ADD CONSTRAINT "UQ_participants_badge_token" UNIQUE ("badge_token")`);
    await queryRunner.query(`ALTER TABLE "participants" ADD "badge_token_rotated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "badge_prints" ADD CONSTRAINT "FK_badge_prints_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "badge_prints" ADD CONSTRAINT "FK_badge_prints_participant" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "badge_prints" ADD CONSTRAINT "FK_badge_prints_user" FOREIGN KEY ("printed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "badge_template_choices" ADD CONSTRAINT "CHK_badge_template_choices_template" CHECK ("template" ~ '^[a-z0-9-]{1,60}$')`);
    await queryRunner.query(`ALTER TABLE "badge_template_choices" ADD CONSTRAINT "FK_badge_template_choices_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "check_ins" ADD CONSTRAINT "FK_check_ins_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "check_ins" ADD CONSTRAINT "FK_check_ins_participant" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "check_ins" ADD CONSTRAINT "FK_check_ins_part" FOREIGN KEY ("part_id") REFERENCES "event_parts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "check_ins" ADD CONSTRAINT "FK_check_ins_user" FOREIGN KEY ("checked_in_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "check_ins" DROP CONSTRAINT "FK_check_ins_user"`);
    await queryRunner.query(`ALTER TABLE "check_ins" DROP CONSTRAINT "FK_check_ins_part"`);
    await queryRunner.query(`ALTER TABLE "check_ins" DROP CONSTRAINT "FK_check_ins_participant"`);
    await queryRunner.query(`ALTER TABLE "check_ins" DROP CONSTRAINT "FK_check_ins_event"`);
    await queryRunner.query(`ALTER TABLE "badge_template_choices" DROP CONSTRAINT "FK_badge_template_choices_event"`);
    await queryRunner.query(`ALTER TABLE "badge_template_choices" DROP CONSTRAINT "CHK_badge_template_choices_template"`);
    await queryRunner.query(`ALTER TABLE "badge_prints" DROP CONSTRAINT "FK_badge_prints_user"`);
    await queryRunner.query(`ALTER TABLE "badge_prints" DROP CONSTRAINT "FK_badge_prints_participant"`);
    await queryRunner.query(`ALTER TABLE "badge_prints" DROP CONSTRAINT "FK_badge_prints_event"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "badge_token_rotated_at"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "UQ_participants_badge_token"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "badge_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_check_ins_stats"`);
    await queryRunner.query(`DROP TABLE "check_ins"`);
    await queryRunner.query(`DROP TABLE "badge_template_choices"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_badge_prints_participant"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_badge_prints_event"`);
    await queryRunner.query(`DROP TABLE "badge_prints"`);
    await queryRunner.query(`DROP FUNCTION badge_token()`);
  }
}
