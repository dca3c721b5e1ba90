import { Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module.js';
import { ProgrammeModule } from '../programme.module.js';
import { DraftSnapshotService } from './draft-snapshot.service.js';
import { ProgrammePublishedHooks } from './programme-published-hooks.js';
import { ProgrammePublishingService } from './programme-publishing.service.js';
import { ProgrammeReleasesController } from './programme-releases.controller.js';
import { ProgrammeReleasesService } from './programme-releases.service.js';
import { PublicProgrammeController } from './public-programme.controller.js';

/**
 * Publication of the programme: versions frozen as snapshots with their changelog, the public
 * reads of published versions (ETag, 304), the organisers' list and draft preview, and the mail to
 * speakers whose talks a release changes. Exports ProgrammeReleasesService for the exports, and
 * ProgrammePublishedHooks, where another capability registers what it does on each release
 * (participants) without the programme importing it.
 */
@Module({
  imports: [ProgrammeModule, MailModule],
  controllers: [PublicProgrammeController, ProgrammeReleasesController],
  providers: [DraftSnapshotService, ProgrammeReleasesService, ProgrammePublishingService, ProgrammePublishedHooks],
  exports: [ProgrammeReleasesService, ProgrammePublishedHooks],
})
export class ProgrammePublicationModule {}
