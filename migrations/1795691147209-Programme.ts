import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Programme1795691147209 implements MigrationInterface {
  name = 'Programme1795691147209';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // btree_gist lets one exclusion constraint mix "=" on a uuid with "&&" on a range (a trusted
    // extension: a database owner may create it, no superuser needed).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`CREATE TABLE "programme_conflict_acknowledgements" ("event_id" uuid NOT NULL, "conflict_key" character varying(2000) NOT NULL, "acknowledged_by" uuid, "acknowledged_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_programme_conflict_acknowledgements" PRIMARY KEY ("event_id", "conflict_key"))`);
    await queryRunner.query(`CREATE TABLE "programme_conflict_settings" ("event_id" uuid NOT NULL, "code" character varying(40) NOT NULL, "severity" character varying(10) NOT NULL, CONSTRAINT "CHK_programme_conflict_settings_severity" CHECK ("severity" IN ('error','warning','ignore')), CONSTRAINT "PK_programme_conflict_settings" PRIMARY KEY ("event_id", "code"))`);
    await queryRunner.query(`CREATE TABLE "programme_releases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "version" integer NOT NULL, "note" text, "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "snapshot" jsonb NOT NULL, "changelog" jsonb NOT NULL, "etag" character varying(64) NOT NULL, CONSTRAINT "UQ_programme_releases_version" UNIQUE ("event_id", "version"), CONSTRAINT "CHK_programme_releases_version" CHECK ("version" >= 1), CONSTRAINT "PK_54e768e40babb79b752fde24522" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "room_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "track_id" uuid, "title_fr" character varying(300), "title_en" character varying(300), "description_fr" text, "description_en" text, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expected_attendance" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_sessions_attendance" CHECK ("expected_attendance" IS NULL OR "expected_attendance" >= 0), CONSTRAINT "CHK_sessions_title" CHECK ("title_fr" IS NOT NULL OR "title_en" IS NOT NULL), CONSTRAINT "CHK_sessions_kind" CHECK ("kind" IN ('plenary','workshop','round-table','keynote','break','reception','ceremony')), CONSTRAINT "CHK_sessions_period" CHECK ("ends_at" > "starts_at"), CONSTRAINT "EXC_sessions_room_time" EXCLUDE USING gist ("room_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_sessions_event_start" ON "sessions"  ("event_id", "starts_at") `);
    await queryRunner.query(`CREATE TABLE "session_chairs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "user_id" uuid, "guest_name" character varying(200), "guest_affiliation" character varying(300), "position" integer NOT NULL DEFAULT '0', CONSTRAINT "UQ_session_chairs_user" UNIQUE ("session_id", "user_id"), CONSTRAINT "CHK_session_chairs_who" CHECK (("user_id" IS NULL) <> ("guest_name" IS NULL)), CONSTRAINT "PK_1fd6b4f75d17babe900a0510565" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_session_chairs_user" ON "session_chairs"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "talks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "submission_id" uuid NOT NULL, "position" integer NOT NULL, "duration_minutes" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_talks_session_position" UNIQUE ("session_id", "position") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "UQ_talks_submission" UNIQUE ("submission_id"), CONSTRAINT "CHK_talks_duration" CHECK ("duration_minutes" BETWEEN 1 AND 1440), CONSTRAINT "CHK_talks_position" CHECK ("position" >= 0), CONSTRAINT "PK_40335c0a4082e2e036902ac9d3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "programme_conflict_acknowledgements" ADD CONSTRAINT "FK_programme_conflict_acknowledgements_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "programme_conflict_acknowledgements" ADD CONSTRAINT "FK_programme_conflict_acknowledgements_by" FOREIGN KEY ("acknowledged_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "programme_conflict_settings" ADD CONSTRAINT "FK_programme_conflict_settings_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "programme_releases" ADD CONSTRAINT "FK_programme_releases_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "programme_releases" ADD CONSTRAINT "FK_programme_releases_published_by" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_sessions_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_sessions_room" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_sessions_track" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "session_chairs" ADD CONSTRAINT "FK_session_chairs_session" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "session_chairs" ADD CONSTRAINT "FK_session_chairs_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "talks" ADD CONSTRAINT "FK_talks_session" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "talks" ADD CONSTRAINT "FK_talks_submission" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "talks" DROP CONSTRAINT "FK_talks_submission"`);
    await queryRunner.query(`ALTER TABLE "talks" DROP CONSTRAINT "FK_talks_session"`);
    await queryRunner.query(`ALTER TABLE "session_chairs" DROP CONSTRAINT "FK_session_chairs_user"`);
    await queryRunner.query(`ALTER TABLE "session_chairs" DROP CONSTRAINT "FK_session_chairs_session"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_sessions_track"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_sessions_room"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_sessions_event"`);
    await queryRunner.query(`ALTER TABLE "programme_releases" DROP CONSTRAINT "FK_programme_releases_published_by"`);
    await queryRunner.query(`ALTER TABLE "programme_releases" DROP CONSTRAINT "FK_programme_releases_event"`);
    await queryRunner.query(`ALTER TABLE "programme_conflict_settings" DROP CONSTRAINT "FK_programme_conflict_settings_event"`);
    await queryRunner.query(`ALTER TABLE "programme_conflict_acknowledgements" DROP CONSTRAINT "FK_programme_conflict_acknowledgements_by"`);
    await queryRunner.query(`ALTER TABLE "programme_conflict_acknowledgements" DROP CONSTRAINT "FK_programme_conflict_acknowledgements_event"`);
    await queryRunner.query(`DROP TABLE "talks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_session_chairs_user"`);
    await queryRunner.query(`DROP TABLE "session_chairs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sessions_event_start"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "programme_releases"`);
    await queryRunner.query(`DROP TABLE "programme_conflict_settings"`);
    await queryRunner.query(`DROP TABLE "programme_conflict_acknowledgements"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gist`);
  }
}
