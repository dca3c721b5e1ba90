import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { ConflictSettingsService } from './conflict-settings.service.js';
import { EventSessionsController } from './event-sessions.controller.js';
import { ProgrammeConflictsController } from './programme-conflicts.controller.js';
import { ProgrammeConflictsService } from './programme-conflicts.service.js';
import { ProgrammeInputLoader } from './programme-input.loader.js';
import { SessionViewsReader } from './session-views.reader.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';
import { TalksController } from './talks.controller.js';
import { TalksService } from './talks.service.js';
import { TentativeTalksController } from './tentative/tentative-talks.controller.js';
import { TentativeTalksService } from './tentative/tentative-talks.service.js';

/**
 * The draft programme: sessions in rooms, their chairs and talks, and the conflicts detected over it
 * (the pure engine in conflicts.ts). Reads what sessions name (events, rooms, tracks, accounts,
 * proposals) on the transaction of each change (see programme-references.ts). Talks placed tentatively
 * (tentative/) accept their proposals through SubmissionsModule's transitions. Exports
 * ProgrammeConflictsService for the publication.
 */
@Module({
  imports: [SubmissionsModule],
  controllers: [EventSessionsController, SessionsController, TalksController, ProgrammeConflictsController, TentativeTalksController],
  providers: [ProgrammeInputLoader, ProgrammeConflictsService, SessionViewsReader, SessionsService, TalksService, ConflictSettingsService, TentativeTalksService],
  exports: [ProgrammeConflictsService],
})
export class ProgrammeModule {}
