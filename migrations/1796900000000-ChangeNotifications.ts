import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the instances keep in memory (src/change-feed/) is dropped when PostgreSQL says it changed:
 * a statement-level trigger on each table read that way sends `pg_notify('app_changes', <table>)`
 * in the transaction that writes it, so the notification leaves at COMMIT and never for a rollback
 * (identical notifications of one transaction are folded into one by PostgreSQL).
 * Rows that only appear (a new token, a new account) change nothing already kept in memory:
 * auth_tokens and users notify on UPDATE, DELETE and TRUNCATE only. Participants are not kept (a
 * badge token's holder is read with each scan), so their table does not notify.
 */
const EVERY_WRITE = ['programme_releases', 'events', 'event_venues', 'venues', 'rooms', 'venue_openings', 'organisations', 'organisation_logos', 'event_organisations'];
const CHANGES_ONLY = ['users', 'auth_tokens'];

export class ChangeNotifications1796900000000 implements MigrationInterface {
  name = 'ChangeNotifications1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('app_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$`);
    for (const table of EVERY_WRITE) {
      await queryRunner.query(`CREATE TRIGGER "TR_${table}_notify" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_change"()`);
      await queryRunner.query(`CREATE TRIGGER "TR_${table}_notify_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_change"()`);
    }
    for (const table of CHANGES_ONLY) {
      await queryRunner.query(`CREATE TRIGGER "TR_${table}_notify" AFTER UPDATE OR DELETE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_change"()`);
      await queryRunner.query(`CREATE TRIGGER "TR_${table}_notify_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_change"()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...EVERY_WRITE, ...CHANGES_ONLY]) {
      await queryRunner.query(`DROP TRIGGER "TR_${table}_notify_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "TR_${table}_notify" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "notify_change"()`);
  }
}
