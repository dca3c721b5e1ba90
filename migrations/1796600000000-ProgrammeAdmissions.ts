import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Speakers' and chairs' places outside the public capacity: `part_admissions.quota` is 'public'
 * (what `event_parts.admitted_count` counts against the capacity, as every place before) or
 * 'programme' (given by the published programme, or by an organiser to a speaker or chair), which
 * is only ever admitted or cancelled: it never waits, so it never stands in anyone's queue.
 */
export class ProgrammeAdmissions1796600000000 implements MigrationInterface {
  name = 'ProgrammeAdmissions1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "part_admissions" ADD "quota" character varying(20) NOT NULL DEFAULT 'public'`);
    await queryRunner.query(
      `ALTER TABLE "part_admissions" ADD CONSTRAINT "CHK_part_admissions_quota" CHECK ("quota" = 'public' OR ("quota" = 'programme' AND "status" IN ('admitted','cancelled')))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "part_admissions" DROP CONSTRAINT "CHK_part_admissions_quota"`);
    // the schema before knows no place outside the capacity: the programme's places go (the public counters never counted them)
    await queryRunner.query(`DELETE FROM "part_admissions" WHERE "quota" = 'programme'`);
    await queryRunner.query(`ALTER TABLE "part_admissions" DROP COLUMN "quota"`);
  }
}
