import { Module } from '@nestjs/common';
import { DraftSnapshotService } from './draft-snapshot.service.js';
import { ProgrammeReleasesService } from './programme-releases.service.js';

/**
 * Publication of the programme: versions frozen as snapshots with their changelog, the public
 * reads of published versions (ETag, 304), the organisers' list and draft preview, and the mail to
 * speakers whose talks a release changes. Exports ProgrammeReleasesService for the exports.
 */
@Module({
  providers: [DraftSnapshotService, ProgrammeReleasesService],
  exports: [ProgrammeReleasesService],
})
export class ProgrammePublicationModule {}
