import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Label Ville Internet: years (ceremony, embargo, published figures) and towns' labels, once per town and year. */
export class Labels1795701261880 implements MigrationInterface {
  name = 'Labels1795701261880';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "label_years" ("year" integer NOT NULL, "event_id" uuid, "ceremony_session_id" uuid, "reveal_at" TIMESTAMP WITH TIME ZONE, "revealed_by" uuid, "stats_published" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_label_years_year" CHECK ("year" BETWEEN 1990 AND 2100), CONSTRAINT "PK_label_years" PRIMARY KEY ("year"))`);
    await queryRunner.query(`CREATE TABLE "label_awards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "insee" character varying(5) NOT NULL, "town_name" character varying(200) NOT NULL, "departement" character varying(3) NOT NULL, "region" character varying(80) NOT NULL, "level" smallint NOT NULL, "first_participation" boolean NOT NULL DEFAULT false, "population_band" character varying(40), "comments" text, "contact_email" character varying(254), "contact_token_hash" character(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_label_awards_contact_token" UNIQUE ("contact_token_hash"), CONSTRAINT "UQ_label_awards_town_year" UNIQUE ("year", "insee"), CONSTRAINT "CHK_label_awards_contact_email" CHECK ("contact_email" IS NULL OR "contact_email" = lower("contact_email")), CONSTRAINT "CHK_label_awards_insee" CHECK ("insee" ~ '^[0-9][0-9AB][0-9]{3}$'), CONSTRAINT "CHK_label_awards_level" CHECK ("level" BETWEEN 1 AND 5), CONSTRAINT "PK_51f052c6b2f26020b74dfbaa703" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_label_awards_insee" ON "label_awards"  ("insee") `);
    await queryRunner.query(`ALTER TABLE "label_years" ADD CONSTRAINT "FK_label_years_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "label_years" ADD CONSTRAINT "FK_label_years_session" FOREIGN KEY ("ceremony_session_id") REFERENCES "sessions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "label_years" ADD CONSTRAINT "FK_label_years_revealed_by" FOREIGN KEY ("revealed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "label_awards" ADD CONSTRAINT "FK_label_awards_year" FOREIGN KEY ("year") REFERENCES "label_years"("year") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "label_awards" DROP CONSTRAINT "FK_label_awards_year"`);
    await queryRunner.query(`ALTER TABLE "label_years" DROP CONSTRAINT "FK_label_years_revealed_by"`);
    await queryRunner.query(`ALTER TABLE "label_years" DROP CONSTRAINT "FK_label_years_session"`);
    await queryRunner.query(`ALTER TABLE "label_years" DROP CONSTRAINT "FK_label_years_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_label_awards_insee"`);
    await queryRunner.query(`DROP TABLE "label_awards"`);
    await queryRunner.query(`DROP TABLE "label_years"`);
  }
}
