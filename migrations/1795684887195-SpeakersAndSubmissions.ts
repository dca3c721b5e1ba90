import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SpeakersAndSubmissions1795684887195 implements MigrationInterface {
  name = 'SpeakersAndSubmissions1795684887195';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Accent-insensitive search of names and titles (« helene dupre » finds « Hélène Dupré »).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE TABLE "calls_for_papers" ("event_id" uuid NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "languages" text array NOT NULL, "max_abstract_length" integer NOT NULL DEFAULT '3000', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_calls_for_papers_abstract" CHECK ("max_abstract_length" BETWEEN 100 AND 20000), CONSTRAINT "CHK_calls_for_papers_languages" CHECK (cardinality("languages") > 0 AND "languages" <@ ARRAY['fr','en']::text[]), CONSTRAINT "CHK_calls_for_papers_window" CHECK ("closes_at" > "opens_at"), CONSTRAINT "PK_calls_for_papers" PRIMARY KEY ("event_id"))`);
    await queryRunner.query(`CREATE TABLE "submission_types" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "code" character varying(40) NOT NULL, "name_fr" character varying(200) NOT NULL, "name_en" character varying(200), "default_minutes" integer NOT NULL, CONSTRAINT "UQ_submission_types_event_code" UNIQUE ("event_id", "code"), CONSTRAINT "CHK_submission_types_code" CHECK ("code" ~ '^[a-z0-9-]{1,40}$'), CONSTRAINT "CHK_submission_types_duration" CHECK ("default_minutes" BETWEEN 1 AND 600), CONSTRAINT "PK_5c6bbeebbf4927f03447ba9b4e7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "tracks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "name_fr" character varying(200) NOT NULL, "name_en" character varying(200), "display_order" integer NOT NULL DEFAULT '0', CONSTRAINT "UQ_tracks_event_name" UNIQUE ("event_id", "name_fr"), CONSTRAINT "PK_242a37ffc7870380f0e611986e8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "to_address" character varying(254) NOT NULL, "to_name" character varying(300), "template" character varying(100) NOT NULL, "locale" character(2) NOT NULL, "subject" character varying(500) NOT NULL, "text_body" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_outbox_messages_attempts" CHECK ("attempts" >= 0), CONSTRAINT "CHK_outbox_messages_locale" CHECK ("locale" IN ('fr','en')), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_outbox_messages_due" ON "outbox_messages"  ("sent_at", "next_attempt_at") `);
    await queryRunner.query(`CREATE TABLE "submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "state" character varying(20) NOT NULL DEFAULT 'draft', "type_id" uuid NOT NULL, "track_id" uuid, "title_fr" character varying(300), "title_en" character varying(300), "abstract_fr" text, "abstract_en" text, "keywords" text array NOT NULL DEFAULT '{}', "duration_minutes" integer, "created_by" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_submissions_language" CHECK (("title_fr" IS NOT NULL AND "abstract_fr" IS NOT NULL) OR ("title_en" IS NOT NULL AND "abstract_en" IS NOT NULL)), CONSTRAINT "CHK_submissions_state" CHECK ("state" IN ('draft','submitted','accepted','rejected','confirmed','withdrawn','cancelled')), CONSTRAINT "PK_10b3be95b8b2fb1e482e07d706b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_submissions_event_state" ON "submissions"  ("event_id", "state") `);
    await queryRunner.query(`CREATE TABLE "reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "score" smallint NOT NULL, "comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_reviews_submission_reviewer" UNIQUE ("submission_id", "reviewer_id"), CONSTRAINT "CHK_reviews_score" CHECK ("score" BETWEEN 1 AND 5), CONSTRAINT "PK_231ae565c273ee700b283f15c1d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "speaker_profiles" ("user_id" uuid NOT NULL, "first_name" character varying(200) NOT NULL, "last_name" character varying(200) NOT NULL, "affiliation" character varying(300) NOT NULL, "country_code" character(2) NOT NULL, "orcid" character varying(19), "bio_fr" text, "bio_en" text, "photo" bytea, "photo_media_type" character varying(40), "photo_sha256" character(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_speaker_profiles_photo_type" CHECK ("photo_media_type" IS NULL OR "photo_media_type" IN ('image/png','image/jpeg')), CONSTRAINT "CHK_speaker_profiles_photo" CHECK (("photo" IS NULL) = ("photo_media_type" IS NULL)), CONSTRAINT "CHK_speaker_profiles_country" CHECK ("country_code" ~ '^[A-Z]{2}$'), CONSTRAINT "CHK_speaker_profiles_orcid" CHECK ("orcid" IS NULL OR "orcid" ~ '^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$'), CONSTRAINT "PK_speaker_profiles" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE TABLE "speaker_unavailabilities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "event_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_speaker_unavailabilities_period" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_f10667f789e2acc410540da2a59" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_speaker_unavailabilities_speaker_event" ON "speaker_unavailabilities"  ("user_id", "event_id") `);
    await queryRunner.query(`CREATE TABLE "submission_revisions" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "submission_id" uuid NOT NULL, "actor_id" uuid, "state" character varying(20) NOT NULL, "changes" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fedd4fb41964d4d325b64a8843f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_submission_revisions_submission" ON "submission_revisions"  ("submission_id", "at") `);
    await queryRunner.query(`CREATE TABLE "submission_speakers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "user_id" uuid, "email" character varying(254) NOT NULL, "role" character varying(10) NOT NULL, "status" character varying(10) NOT NULL, "position" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_submission_speakers_email" UNIQUE ("submission_id", "email"), CONSTRAINT "CHK_submission_speakers_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "CHK_submission_speakers_status" CHECK ("status" IN ('invited','accepted','declined')), CONSTRAINT "CHK_submission_speakers_role" CHECK ("role" IN ('main','co')), CONSTRAINT "PK_24e059f2541575e217307b7b3b4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_submission_speakers_user" ON "submission_speakers"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "submission_transitions" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "submission_id" uuid NOT NULL, "actor_id" uuid, "action" character varying(20) NOT NULL, "from_state" character varying(20) NOT NULL, "to_state" character varying(20) NOT NULL, "note" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1fb7d453ffbdae337a4470ca89" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_submission_transitions_submission" ON "submission_transitions"  ("submission_id", "at") `);
    await queryRunner.query(`ALTER TABLE "calls_for_papers" ADD CONSTRAINT "FK_calls_for_papers_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submission_types" ADD CONSTRAINT "FK_submission_types_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tracks" ADD CONSTRAINT "FK_tracks_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submissions" ADD CONSTRAINT "FK_submissions_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submissions" ADD CONSTRAINT "FK_submissions_type" FOREIGN KEY ("type_id") REFERENCES "submission_types"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submissions" ADD CONSTRAINT "FK_submissions_track" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submissions" ADD CONSTRAINT "FK_submissions_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reviews" ADD CONSTRAINT "FK_reviews_submission" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reviews" ADD CONSTRAINT "FK_reviews_reviewer" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "speaker_profiles" ADD CONSTRAINT "FK_speaker_profiles_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "speaker_unavailabilities" ADD CONSTRAINT "FK_speaker_unavailabilities_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "speaker_unavailabilities" ADD CONSTRAINT "FK_speaker_unavailabilities_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submission_revisions" ADD CONSTRAINT "FK_submission_revisions_submission" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submission_revisions" ADD CONSTRAINT "FK_submission_revisions_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submission_speakers" ADD CONSTRAINT "FK_submission_speakers_submission" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submission_speakers" ADD CONSTRAINT "FK_submission_speakers_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submission_transitions" ADD CONSTRAINT "FK_submission_transitions_submission" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submission_transitions" ADD CONSTRAINT "FK_submission_transitions_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "submission_transitions" DROP CONSTRAINT "FK_submission_transitions_actor"`);
    await queryRunner.query(`ALTER TABLE "submission_transitions" DROP CONSTRAINT "FK_submission_transitions_submission"`);
    await queryRunner.query(`ALTER TABLE "submission_speakers" DROP CONSTRAINT "FK_submission_speakers_user"`);
    await queryRunner.query(`ALTER TABLE "submission_speakers" DROP CONSTRAINT "FK_submission_speakers_submission"`);
    await queryRunner.query(`ALTER TABLE "submission_revisions" DROP CONSTRAINT "FK_submission_revisions_actor"`);
    await queryRunner.query(`ALTER TABLE "submission_revisions" DROP CONSTRAINT "FK_submission_revisions_submission"`);
    await queryRunner.query(`ALTER TABLE "speaker_unavailabilities" DROP CONSTRAINT "FK_speaker_unavailabilities_event"`);
    await queryRunner.query(`ALTER TABLE "speaker_unavailabilities" DROP CONSTRAINT "FK_speaker_unavailabilities_user"`);
    await queryRunner.query(`ALTER TABLE "speaker_profiles" DROP CONSTRAINT "FK_speaker_profiles_user"`);
    await queryRunner.query(`ALTER TABLE "reviews" DROP CONSTRAINT "FK_reviews_reviewer"`);
    await queryRunner.query(`ALTER TABLE "reviews" DROP CONSTRAINT "FK_reviews_submission"`);
    await queryRunner.query(`ALTER TABLE "submissions" DROP CONSTRAINT "FK_submissions_created_by"`);
    await queryRunner.query(`ALTER TABLE "submissions" DROP CONSTRAINT "FK_submissions_track"`);
    await queryRunner.query(`ALTER TABLE "submissions" DROP CONSTRAINT "FK_submissions_type"`);
    await queryRunner.query(`ALTER TABLE "submissions" DROP CONSTRAINT "FK_submissions_event"`);
    await queryRunner.query(`ALTER TABLE "tracks" DROP CONSTRAINT "FK_tracks_event"`);
    await queryRunner.query(`ALTER TABLE "submission_types" DROP CONSTRAINT "FK_submission_types_event"`);
    await queryRunner.query(`ALTER TABLE "calls_for_papers" DROP CONSTRAINT "FK_calls_for_papers_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_submission_transitions_submission"`);
    await queryRunner.query(`DROP TABLE "submission_transitions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_submission_speakers_user"`);
    await queryRunner.query(`DROP TABLE "submission_speakers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_submission_revisions_submission"`);
    await queryRunner.query(`DROP TABLE "submission_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_speaker_unavailabilities_speaker_event"`);
    await queryRunner.query(`DROP TABLE "speaker_unavailabilities"`);
    await queryRunner.query(`DROP TABLE "speaker_profiles"`);
    await queryRunner.query(`DROP TABLE "reviews"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_submissions_event_state"`);
    await queryRunner.query(`DROP TABLE "submissions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_messages_due"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP TABLE "tracks"`);
    await queryRunner.query(`DROP TABLE "submission_types"`);
    await queryRunner.query(`DROP TABLE "calls_for_papers"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS unaccent`);
  }
}
