import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Walk-ins registered at the reception desk: source 'desk', and an email optional for them
 * (CHK_participants_email_or_guest), as the desk registers someone by name, affiliation and
 * category and prints at once. The unique (event, email) stays: walk-ins with an email are unique
 * per event as anyone, and PostgreSQL lets several NULLs through it.
 */
export class WalkIns1795703000000 implements MigrationInterface {
  name = 'WalkIns1795703000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "CHK_participants_source"`);
    await queryRunner.query(`ALTER TABLE "participants" ADD CONSTRAINT "CHK_participants_source" CHECK ("source" IN ('self','organiser','import','programme','desk'))`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "CHK_participants_email_or_guest"`);
    await queryRunner.query(
      `ALTER TABLE "participants" ADD CONSTRAINT "CHK_participants_email_or_guest" CHECK ("email" IS NOT NULL OR ("source" = 'programme' AND "guest_key" IS NOT NULL) OR "source" = 'desk')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "CHK_participants_email_or_guest"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "CHK_participants_source"`);
    // the schema before cannot hold a participant without an email outside the programme's guests:
    // walk-ins nobody gave one are removed (with their seats, check-ins and prints), as the guests' own down does;
    // the others become what the desk wrote before, source 'organiser'
    await queryRunner.query(`DELETE FROM "participants" WHERE "source" = 'desk' AND "email" IS NULL`);
    await queryRunner.query(`UPDATE "participants" SET "source" = 'organiser' WHERE "source" = 'desk'`);
    await queryRunner.query(`ALTER TABLE "participants" ADD CONSTRAINT "CHK_participants_source" CHECK ("source" IN ('self','organiser','import','programme'))`);
    await queryRunner.query(`ALTER TABLE "participants" ADD CONSTRAINT "CHK_participants_email_or_guest" CHECK ("email" IS NOT NULL OR ("source" = 'programme' AND "guest_key" IS NOT NULL))`);
  }
}
