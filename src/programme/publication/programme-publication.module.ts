import { Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module.js';
import { ProgrammeModule } from '../programme.module.js';
import { DraftSnapshotService } from './draft-snapshot.service.js';
import { ProgrammePublishingService } from './programme-publishing.service.js';
import { ProgrammeReleasesController } from './programme-releases.controller.js';
import { ProgrammeReleasesService } from './programme-releases.service.js';
import { PublicProgrammeController } from './public-programme.controller.js';

/**
 * Publication of the programme: versions frozen as snapshots with their changelog, the public
 * reads of published versions (ETag, 304), the organisers' list and draft preview, and the mail to
 * speakers whose talks a release changes. Exports ProgrammeReleasesService for the exports.
 */
@Module({
  imports: [ProgrammeModule, MailModule],
  controllers: [PublicProgrammeController, ProgrammeReleasesController],
  providers: [DraftSnapshotService, ProgrammeReleasesService, ProgrammePublishingService],
  exports: [ProgrammeReleasesService],
})
export class ProgrammePublicationModule {}
