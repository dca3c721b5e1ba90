import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module.js';
import { CallForPapers } from './call-for-papers.entity.js';
import { CfpController } from './cfp.controller.js';
import { CfpService } from './cfp.service.js';
import { SubmissionType } from './submission-type.entity.js';
import { SubmissionTypesController } from './submission-types.controller.js';
import { SubmissionTypesService } from './submission-types.service.js';
import { Track } from './track.entity.js';
import { TracksController } from './tracks.controller.js';
import { TracksService } from './tracks.service.js';

/** The call for papers of each event: its window, languages and abstract length, submission types and tracks. */
@Module({
  imports: [TypeOrmModule.forFeature([CallForPapers, SubmissionType, Track]), EventsModule],
  controllers: [CfpController, SubmissionTypesController, TracksController],
  providers: [CfpService, SubmissionTypesService, TracksService],
  exports: [CfpService],
})
export class CfpModule {}
