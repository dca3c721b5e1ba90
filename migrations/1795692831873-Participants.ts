import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Participants1795692831873 implements MigrationInterface {
  name = 'Participants1795692831873';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "event_parts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "code" character varying(40) NOT NULL, "name_fr" character varying(200) NOT NULL, "name_en" character varying(200), "kind" character varying(20) NOT NULL, "admission" character varying(20) NOT NULL, "day" date, "session_id" uuid, "capacity" integer, "admitted_count" integer NOT NULL DEFAULT '0', "badge_ribbon" character varying(40), "display_order" integer NOT NULL DEFAULT '0', CONSTRAINT "UQ_event_parts_code" UNIQUE ("event_id", "code"), CONSTRAINT "CHK_event_parts_capacity" CHECK ("admitted_count" >= 0 AND ("capacity" IS NULL OR ("capacity" > 0 AND "admitted_count" <= "capacity"))), CONSTRAINT "CHK_event_parts_code" CHECK ("code" ~ '^[a-z0-9-]{1,40}$'), CONSTRAINT "CHK_event_parts_admission" CHECK ("admission" IN ('open','sign-up','invitation','on-request')), CONSTRAINT "CHK_event_parts_kind" CHECK ("kind" IN ('day','workshop','ceremony','reception','dinner','other')), CONSTRAINT "PK_707aaee9f10fcbb01da90c7b876" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "idempotency_keys" ("scope" character varying(200) NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character(64) NOT NULL, "status_code" integer, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("scope", "key"))`);
    await queryRunner.query(`CREATE TABLE "participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "user_id" uuid, "email" character varying(254) NOT NULL, "first_name" character varying(200) NOT NULL, "last_name" character varying(200) NOT NULL, "affiliation" character varying(300), "town" character varying(200), "town_insee" character varying(5), "categories" text array NOT NULL DEFAULT '{}', "programme_roles" text array NOT NULL DEFAULT '{}', "days" date array NOT NULL DEFAULT '{}', "dietary_needs" text, "accessibility_needs" text, "consent_public_list" boolean NOT NULL DEFAULT false, "consent_photo" boolean NOT NULL DEFAULT false, "status" character varying(20) NOT NULL DEFAULT 'registered', "source" character varying(20) NOT NULL, "access_token_hash" character(64), "cancelled_at" TIMESTAMP WITH TIME ZONE, "anonymised_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_participants_access_token" UNIQUE ("access_token_hash"), CONSTRAINT "UQ_participants_event_email" UNIQUE ("event_id", "email"), CONSTRAINT "CHK_participants_town_insee" CHECK ("town_insee" IS NULL OR "town_insee" ~ '^[0-9][0-9AB][0-9]{3}$'), CONSTRAINT "CHK_participants_programme_roles" CHECK ("programme_roles" <@ ARRAY['speaker','chair']::text[]), CONSTRAINT "CHK_participants_categories" CHECK ("categories" <@ ARRAY['organiser','speaker','chair','press','city-representative','sponsor-representative','staff','researcher','guest']::text[]), CONSTRAINT "CHK_participants_source" CHECK ("source" IN ('self','organiser','import','programme')), CONSTRAINT "CHK_participants_status" CHECK ("status" IN ('registered','cancelled')), CONSTRAINT "CHK_participants_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "PK_1cda06c31eec1c95b3365a0283f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_participants_user" ON "participants"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "part_admissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "part_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "queue_no" BIGSERIAL NOT NULL, "admitted_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_part_admissions_participant" UNIQUE ("part_id", "participant_id"), CONSTRAINT "CHK_part_admissions_status" CHECK ("status" IN ('admitted','waiting','requested','cancelled')), CONSTRAINT "PK_cd9258bc42b766cd8f5cc680248" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_part_admissions_participant" ON "part_admissions"  ("participant_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_part_admissions_queue" ON "part_admissions"  ("part_id", "status", "queue_no") `);
    await queryRunner.query(`CREATE TABLE "participant_settings" ("event_id" uuid NOT NULL, "registration_open" boolean NOT NULL DEFAULT true, "retention_until" date, "public_list" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_participant_settings" PRIMARY KEY ("event_id"))`);
    await queryRunner.query(`ALTER TABLE "event_parts" ADD CONSTRAINT "FK_event_parts_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_parts" ADD CONSTRAINT "FK_event_parts_session" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "participants" ADD CONSTRAINT "FK_participants_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "participants" ADD CONSTRAINT "FK_participants_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "part_admissions" ADD CONSTRAINT "FK_part_admissions_part" FOREIGN KEY ("part_id") REFERENCES "event_parts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "part_admissions" ADD CONSTRAINT "FK_part_admissions_participant" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "participant_settings" ADD CONSTRAINT "FK_participant_settings_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participant_settings" DROP CONSTRAINT "FK_participant_settings_event"`);
    await queryRunner.query(`ALTER TABLE "part_admissions" DROP CONSTRAINT "FK_part_admissions_participant"`);
    await queryRunner.query(`ALTER TABLE "part_admissions" DROP CONSTRAINT "FK_part_admissions_part"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "FK_participants_user"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "FK_participants_event"`);
    await queryRunner.query(`ALTER TABLE "event_parts" DROP CONSTRAINT "FK_event_parts_session"`);
    await queryRunner.query(`ALTER TABLE "event_parts" DROP CONSTRAINT "FK_event_parts_event"`);
    await queryRunner.query(`DROP TABLE "participant_settings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_part_admissions_queue"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_part_admissions_participant"`);
    await queryRunner.query(`DROP TABLE "part_admissions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_participants_user"`);
    await queryRunner.query(`DROP TABLE "participants"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP TABLE "event_parts"`);
  }
}
