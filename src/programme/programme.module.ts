import { Module } from '@nestjs/common';
import { ProgrammeConflictsService } from './programme-conflicts.service.js';
import { ProgrammeInputLoader } from './programme-input.loader.js';

/**
 * The draft programme: sessions in rooms, their chairs and talks, and the conflicts detected over it
 * (the pure engine in conflicts.ts). Exports ProgrammeConflictsService for the publication.
 */
@Module({
  providers: [ProgrammeInputLoader, ProgrammeConflictsService],
  exports: [ProgrammeConflictsService],
})
export class ProgrammeModule {}
