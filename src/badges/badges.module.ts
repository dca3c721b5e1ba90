import { Module } from '@nestjs/common';
import { BadgePrintsController } from './badge-prints.controller.js';
import { BadgeTemplates } from './badge-templates.js';
import { BadgesService } from './badges.service.js';
import { EventBadgesController } from './event-badges.controller.js';
import { ParticipantBadgesController } from './participant-badges.controller.js';
import { PrintJobsController } from './print-jobs.controller.js';
import { PrintJobsService } from './print-jobs.service.js';

/**
 * Badges: templates (templates/badges/*.json, validated at start-up), the desk's single badge,
 * print jobs on sheets (a resource: created, streamed, delivered or failed), the preview, the QR token's rotation, organisers' template per category.
 * Reads participants, parts, events and logos with plain SQL (badge-data.reader.ts); writes only
 * its own tables and the badge token.
 */
@Module({
  controllers: [ParticipantBadgesController, EventBadgesController, PrintJobsController, BadgePrintsController],
  providers: [BadgeTemplates, BadgesService, PrintJobsService],
  exports: [BadgesService],
})
export class BadgesModule {}
