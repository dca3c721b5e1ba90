import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The form of the role words on a participant's badge in French: neutral by default
 * (« Présidence de séance », « Intervenant·e »), or feminine or masculine as the person chose.
 */
export class ParticipantLabelForm1796700000000 implements MigrationInterface {
  name = 'ParticipantLabelForm1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" ADD "label_form" character varying(10) NOT NULL DEFAULT 'neutral'`);
    await queryRunner.query(`ALTER TABLE "participants" ADD CONSTRAINT "CHK_participants_label_form" CHECK ("label_form" IN ('neutral','feminine','masculine'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "CHK_participants_label_form"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "label_form"`);
  }
}
