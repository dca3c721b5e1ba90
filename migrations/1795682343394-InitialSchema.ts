import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795682343394 implements MigrationInterface {
  name = 'InitialSchema1795682343394';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" character varying(255) NOT NULL, "display_name" character varying(200), "roles" text array NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_users_email" UNIQUE ("email"), CONSTRAINT "CHK_users_roles" CHECK (cardinality("roles") > 0 AND "roles" <@ ARRAY['organiser','reception','speaker']::text[]), CONSTRAINT "CHK_users_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "auth_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_auth_tokens_token_hash" UNIQUE ("token_hash"), CONSTRAINT "PK_41e9ddfbb32da18c4e85e45c2fd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_auth_tokens_user" ON "auth_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "login_failures" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "email" character varying(254) NOT NULL, "address" character varying(64) NOT NULL, "failed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8211e8ec810fd7f976b98ce97a0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_login_failures_address" ON "login_failures"  ("address", "failed_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_login_failures_email" ON "login_failures"  ("email", "failed_at") `);
    await queryRunner.query(`CREATE TABLE "venues" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "street_address" character varying(300) NOT NULL, "postcode" character varying(20) NOT NULL, "city" character varying(120) NOT NULL, "country_code" character(2) NOT NULL DEFAULT 'FR', "latitude" double precision, "longitude" double precision, "time_zone" character varying(64) NOT NULL DEFAULT 'Europe/Paris', "accessibility_notes" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_venues_coordinates_pair" CHECK (("latitude" IS NULL) = ("longitude" IS NULL)), CONSTRAINT "CHK_venues_longitude" CHECK ("longitude" IS NULL OR ("longitude" BETWEEN -180 AND 180)), CONSTRAINT "CHK_venues_latitude" CHECK ("latitude" IS NULL OR ("latitude" BETWEEN -90 AND 90)), CONSTRAINT "PK_cb0f885278d12384eb7a81818be" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(40) NOT NULL, "kind" character varying(20) NOT NULL, "parent_event_id" uuid, "name_fr" character varying(300) NOT NULL, "name_en" character varying(300), "theme_fr" text, "theme_en" text, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "all_day" boolean NOT NULL DEFAULT false, "time_zone" character varying(64) NOT NULL DEFAULT 'Europe/Paris', "website" character varying(500), "contact_email" character varying(254), "contact_phone" character varying(40), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_events_slug" UNIQUE ("slug"), CONSTRAINT "CHK_events_not_own_parent" CHECK ("parent_event_id" IS NULL OR "parent_event_id" <> "id"), CONSTRAINT "CHK_events_kind" CHECK ("kind" IN ('colloquium','ceremony','conference','workshop','other')), CONSTRAINT "CHK_events_slug" CHECK ("slug" ~ '^[a-z0-9]{2,40}$'), CONSTRAINT "CHK_events_period" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "event_venues" ("event_id" uuid NOT NULL, "venue_id" uuid NOT NULL, CONSTRAINT "PK_event_venues" PRIMARY KEY ("event_id", "venue_id"))`);
    await queryRunner.query(`CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(300) NOT NULL, "acronym" character varying(50), "kind" character varying(40) NOT NULL, "website" character varying(500), "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_organisations_kind" CHECK ("kind" IN ('institution','university','research-institute','research-project','association','ministry','public-agency','local-authority','company','media','other')), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_organisations_name_lower" ON "organisations" (lower("name"))`);
    await queryRunner.query(`CREATE TABLE "event_organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" character varying(20) NOT NULL, "sponsor_tier" character varying(40), "display_order" integer NOT NULL DEFAULT '0', "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_event_organisations_role" UNIQUE ("event_id", "organisation_id", "role"), CONSTRAINT "CHK_event_organisations_order" CHECK ("display_order" >= 0), CONSTRAINT "CHK_event_organisations_tier" CHECK ("sponsor_tier" IS NULL OR "role" = 'sponsor'), CONSTRAINT "CHK_event_organisations_role" CHECK ("role" IN ('co-organiser','patron','supporter','sponsor','partner','media')), CONSTRAINT "PK_c77dd0f8526c53eb74c7bb75551" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_event_organisations_organisation" ON "event_organisations"  ("organisation_id") `);
    await queryRunner.query(`CREATE TABLE "organisation_logos" ("organisation_id" uuid NOT NULL, "content" bytea NOT NULL, "media_type" character varying(40) NOT NULL, "uploaded_media_type" character varying(40) NOT NULL, "byte_size" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "sha256" character(64) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_organisation_logos_size" CHECK ("byte_size" > 0 AND "byte_size" <= 2097152), CONSTRAINT "CHK_organisation_logos_media_type" CHECK ("media_type" IN ('image/png','image/jpeg')), CONSTRAINT "PK_organisation_logos" PRIMARY KEY ("organisation_id"))`);
    await queryRunner.query(`CREATE TABLE "applied_seeds" ("key" character varying(120) NOT NULL, "entity_id" uuid, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_applied_seeds" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE TABLE "rooms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "venue_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "capacity" integer NOT NULL, "floor" character varying(50), "equipment" text array NOT NULL DEFAULT '{}', "accessibility_notes" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_rooms_venue_name" UNIQUE ("venue_id", "name"), CONSTRAINT "CHK_rooms_capacity" CHECK ("capacity" > 0), CONSTRAINT "PK_0368a2d7c215f2d0458a54933f2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "venue_travel_times" ("venue_a_id" uuid NOT NULL, "venue_b_id" uuid NOT NULL, "walking_minutes" integer, "transit_minutes" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_venue_travel_times_transit" CHECK ("transit_minutes" IS NULL OR "transit_minutes" >= 0), CONSTRAINT "CHK_venue_travel_times_walking" CHECK ("walking_minutes" IS NULL OR "walking_minutes" >= 0), CONSTRAINT "CHK_venue_travel_times_some" CHECK ("walking_minutes" IS NOT NULL OR "transit_minutes" IS NOT NULL), CONSTRAINT "CHK_venue_travel_times_order" CHECK ("venue_a_id" < "venue_b_id"), CONSTRAINT "PK_venue_travel_times" PRIMARY KEY ("venue_a_id", "venue_b_id"))`);
    await queryRunner.query(`CREATE TABLE "venue_openings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "venue_id" uuid NOT NULL, "date" date NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_venue_openings_venue_date" UNIQUE ("venue_id", "date"), CONSTRAINT "CHK_venue_openings_order" CHECK ("closes_at" > "opens_at"), CONSTRAINT "PK_bedb08ccbfa31f04b930fd03e57" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "auth_tokens" ADD CONSTRAINT "FK_auth_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "events" ADD CONSTRAINT "FK_events_parent" FOREIGN KEY ("parent_event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_venues" ADD CONSTRAINT "FK_event_venues_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_venues" ADD CONSTRAINT "FK_event_venues_venue" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_organisations" ADD CONSTRAINT "FK_event_organisations_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_organisations" ADD CONSTRAINT "FK_event_organisations_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organisation_logos" ADD CONSTRAINT "FK_organisation_logos_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "rooms" ADD CONSTRAINT "FK_rooms_venue" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "venue_travel_times" ADD CONSTRAINT "FK_venue_travel_times_a" FOREIGN KEY ("venue_a_id") REFERENCES "venues"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "venue_travel_times" ADD CONSTRAINT "FK_venue_travel_times_b" FOREIGN KEY ("venue_b_id") REFERENCES "venues"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "venue_openings" ADD CONSTRAINT "FK_venue_openings_venue" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "venue_openings" DROP CONSTRAINT "FK_venue_openings_venue"`);
    await queryRunner.query(`ALTER TABLE "venue_travel_times" DROP CONSTRAINT "FK_venue_travel_times_b"`);
    await queryRunner.query(`ALTER TABLE "venue_travel_times" DROP CONSTRAINT "FK_venue_travel_times_a"`);
    await queryRunner.query(`ALTER TABLE "rooms" DROP CONSTRAINT "FK_rooms_venue"`);
    await queryRunner.query(`ALTER TABLE "organisation_logos" DROP CONSTRAINT "FK_organisation_logos_organisation"`);
    await queryRunner.query(`ALTER TABLE "event_organisations" DROP CONSTRAINT "FK_event_organisations_organisation"`);
    await queryRunner.query(`ALTER TABLE "event_organisations" DROP CONSTRAINT "FK_event_organisations_event"`);
    await queryRunner.query(`ALTER TABLE "event_venues" DROP CONSTRAINT "FK_event_venues_venue"`);
    await queryRunner.query(`ALTER TABLE "event_venues" DROP CONSTRAINT "FK_event_venues_event"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_events_parent"`);
    await queryRunner.query(`ALTER TABLE "auth_tokens" DROP CONSTRAINT "FK_auth_tokens_user"`);
    await queryRunner.query(`DROP TABLE "venue_openings"`);
    await queryRunner.query(`DROP TABLE "venue_travel_times"`);
    await queryRunner.query(`DROP TABLE "rooms"`);
    await queryRunner.query(`DROP TABLE "applied_seeds"`);
    await queryRunner.query(`DROP TABLE "organisation_logos"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_event_organisations_organisation"`);
    await queryRunner.query(`DROP TABLE "event_organisations"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_organisations_name_lower"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP TABLE "event_venues"`);
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP TABLE "venues"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_failures_email"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_failures_address"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_auth_tokens_user"`);
    await queryRunner.query(`DROP TABLE "auth_tokens"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
