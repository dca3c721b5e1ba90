import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guest chairs of the published programme become participants: email nullable for them only
 * (CHK_participants_email_or_guest), their name as typed and its key, unique per event. The unique
 * (event, email) stays as it is: PostgreSQL lets several NULLs through it.
 */
export class ProgrammeGuests1795696289978 implements MigrationInterface {
  name = 'ProgrammeGuests1795696289978';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" ADD "guest_name" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "participants" ADD "guest_key" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "participants" ALTER COLUMN "email" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "participants" ADD CONSTRAINT "CHK_participants_email_or_guest" CHECK ("email" IS NOT NULL OR ("source" = 'programme' AND "guest_key" IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE "participants" ADD CONSTRAINT "UQ_participants_event_guest_key" UNIQUE ("event_id", "guest_key")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "UQ_participants_event_guest_key"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "CHK_participants_email_or_guest"`);
    // the schema before cannot hold a participant without an email: guests nobody gave one are removed (with their seats)
    await queryRunner.query(`DELETE FROM "participants" WHERE "email" IS NULL`);
    await queryRunner.query(`ALTER TABLE "participants" ALTER COLUMN "email" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "guest_key"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "guest_name"`);
  }
}
