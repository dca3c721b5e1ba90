import { Module } from '@nestjs/common';
import { ProgrammePublicationModule } from '../programme/publication/programme-publication.module.js';
import { ProgrammeExportsController } from './programme-exports.controller.js';
import { ProgrammeExportsService } from './programme-exports.service.js';

/**
 * Exports of published programme versions (iCalendar, frab schedule XML and JSON, PDF). Reads
 * releases only through ProgrammeReleasesService; renders with pure functions of the snapshot.
 */
@Module({
  imports: [ProgrammePublicationModule],
  controllers: [ProgrammeExportsController],
  providers: [ProgrammeExportsService],
})
export class ProgrammeExportsModule {}
