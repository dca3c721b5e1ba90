import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Talks placed tentatively (issue 13, « provisoire »): a proposal still under review may be placed
 * only as tentative, to see whether the programme fits. The flag is cleared when the proposal is
 * accepted (in the same transaction as the state change); a tentative talk is a blocking conflict
 * (TALK_TENTATIVE) until then, or until it is removed.
 */
export class TentativeTalks1796940000000 implements MigrationInterface {
  name = 'TentativeTalks1796940000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "talks" ADD "tentative" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "talks" DROP COLUMN "tentative"`);
  }
}
