import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisers' list of draft sessions is kept in memory (src/programme/sessions.service.ts), so
 * that the grid's poll every two seconds answers 304 without reading the programme again: the
 * tables that list reads and that did not notify yet now do, with the trigger function of
 * ChangeNotifications (statement-level, sent at COMMIT, folded per transaction).
 */
const TABLES = ['sessions', 'session_chairs', 'talks', 'submissions', 'submission_speakers', 'speaker_profiles', 'tracks'];

export class DraftProgrammeNotifications1796960000000 implements MigrationInterface {
  name = 'DraftProgrammeNotifications1796960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`CREATE TRIGGER "TR_${table}_notify" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_change"()`);
      await queryRunner.query(`CREATE TRIGGER "TR_${table}_notify_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_change"()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP TRIGGER "TR_${table}_notify_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "TR_${table}_notify" ON "${table}"`);
    }
  }
}
