import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { ProgrammePublicationModule } from '../programme/publication/programme-publication.module.js';
import { ParticipantDataController } from './participant-data.controller.js';
import { ParticipantImportController } from './participant-import.controller.js';
import { ParticipantImportJobsController } from './import-jobs/participant-import-jobs.controller.js';
import { ParticipantImportJobsService } from './import-jobs/participant-import-jobs.service.js';
import { ParticipantImportService } from './participant-import.service.js';
import { ParticipantListService } from './participant-list.service.js';
import { ParticipantPrivacyService } from './participant-privacy.service.js';
import { ParticipantSettingsService } from './participant-settings.service.js';
import { ParticipantsEventController } from './participants-event.controller.js';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsService } from './participants.service.js';
import { ProgrammeSyncService } from './programme-sync.service.js';
import { RegistrationsModule } from './registrations.module.js';

/**
 * The participant records, for organisers and reception: create, edit, cancel, list and search,
 * exports, the public list, settings, personal data (download, erasure, anonymisation) and the
 * speakers and chairs of the published programme, and the CSV import (participant-import.*). Seats go through RegistrationsModule's
 * AdmissionsService; the programme is read through ProgrammeReleasesService (programme never
 * imports participants).
 */
@Module({
  imports: [EventsModule, RegistrationsModule, ProgrammePublicationModule],
  controllers: [ParticipantImportController, ParticipantImportJobsController, ParticipantsEventController, ParticipantsController, ParticipantDataController],
  providers: [ParticipantImportService, ParticipantImportJobsService, ParticipantsService, ParticipantListService, ParticipantSettingsService, ParticipantPrivacyService, ProgrammeSyncService],
})
export class ParticipantsModule {}
