import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Print jobs as a resource (issue 11): a job and its items (the people fixed at creation, with the
 * page and slot of each badge), and on the print log the failures the operator reports. A badge of
 * a job is logged only once its PDF was delivered whole.
 */
export class PrintJobs1796500000000 implements MigrationInterface {
  name = 'PrintJobs1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "badge_print_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "created_by" uuid, "filter" jsonb NOT NULL, "template" character varying(60), "reason" text, "state" character varying(20) NOT NULL DEFAULT 'pending', "badges" integer NOT NULL, "pages" integer NOT NULL, "deliveries" integer NOT NULL DEFAULT '0', "delivered_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, "failure_reason" text, "reserved_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_badge_print_jobs_template" CHECK ("template" IS NULL OR "template" ~ '^[a-z0-9-]{1,60}$'), CONSTRAINT "CHK_badge_print_jobs_counts" CHECK ("badges" > 0 AND "pages" >= 1 AND "deliveries" >= 0), CONSTRAINT "CHK_badge_print_jobs_failed" CHECK (("state" = 'failed') = ("failed_at" IS NOT NULL)), CONSTRAINT "CHK_badge_print_jobs_delivered" CHECK ("state" <> 'delivered' OR "delivered_at" IS NOT NULL), CONSTRAINT "CHK_badge_print_jobs_state" CHECK ("state" IN ('pending','delivered','failed')), CONSTRAINT "PK_badge_print_jobs" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_badge_print_jobs_event" ON "badge_print_jobs"  ("event_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "badge_print_job_items" ("job_id" uuid NOT NULL, "position" integer NOT NULL, "participant_id" uuid NOT NULL, "template" character varying(60) NOT NULL, "page" integer NOT NULL, "back_page" integer, "slot" integer NOT NULL, "failed_at" TIMESTAMP WITH TIME ZONE, "failure_reason" text, CONSTRAINT "UQ_badge_print_job_items_participant" UNIQUE ("job_id", "participant_id"), CONSTRAINT "CHK_badge_print_job_items_place" CHECK ("position" >= 0 AND "page" >= 1 AND "slot" >= 1 AND ("back_page" IS NULL OR "back_page" = "page" + 1)), CONSTRAINT "PK_badge_print_job_items" PRIMARY KEY ("job_id", "position"))`);
    await queryRunner.query(`CREATE INDEX "IDX_badge_print_job_items_participant" ON "badge_print_job_items"  ("participant_id") `);
    await queryRunner.query(`ALTER TABLE "badge_prints" ADD "failed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "badge_prints" ADD "failure_reason" text`);
    await queryRunner.query(`CREATE INDEX "IDX_badge_prints_batch" ON "badge_prints"  ("batch_id") `);
    await queryRunner.query(`ALTER TABLE "badge_print_jobs" ADD CONSTRAINT "FK_badge_print_jobs_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "badge_print_jobs" ADD CONSTRAINT "FK_badge_print_jobs_user" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "badge_print_job_items" ADD CONSTRAINT "FK_badge_print_job_items_job" FOREIGN KEY ("job_id") REFERENCES "badge_print_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "badge_print_job_items" ADD CONSTRAINT "FK_badge_print_job_items_participant" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "badge_print_job_items" DROP CONSTRAINT "FK_badge_print_job_items_participant"`);
    await queryRunner.query(`ALTER TABLE "badge_print_job_items" DROP CONSTRAINT "FK_badge_print_job_items_job"`);
    await queryRunner.query(`ALTER TABLE "badge_print_jobs" DROP CONSTRAINT "FK_badge_print_jobs_user"`);
    await queryRunner.query(`ALTER TABLE "badge_print_jobs" DROP CONSTRAINT "FK_badge_print_jobs_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_badge_prints_batch"`);
    // before, a row meant « printed »: a print reported as failed did not come out, so it goes
    await queryRunner.query(`DELETE FROM "badge_prints" WHERE "failed_at" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "badge_prints" DROP COLUMN "failure_reason"`);
    await queryRunner.query(`ALTER TABLE "badge_prints" DROP COLUMN "failed_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_badge_print_job_items_participant"`);
    await queryRunner.query(`DROP TABLE "badge_print_job_items"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_badge_print_jobs_event"`);
    await queryRunner.query(`DROP TABLE "badge_print_jobs"`);
  }
}
