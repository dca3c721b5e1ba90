import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../../events/events.module.js';
import { Review } from '../review.entity.js';
import { SubmissionSpeaker } from '../submission-speaker.entity.js';
import { Submission } from '../submission.entity.js';
import { EventSubmissionsController } from './event-submissions.controller.js';
import { ReviewsService } from './reviews.service.js';
import { ReviewsController } from './reviews.controller.js';
import { SubmissionListService } from './submission-list.service.js';

/**
 * The organisers' side of proposals: reviews (score and comment), and the list and CSV export of
 * an event's proposals with their review statistics. Reads the proposals' tables (same
 * capability) and, in the list query, the speaker profiles, types and tracks through joins.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Submission, SubmissionSpeaker, Review]), EventsModule],
  controllers: [ReviewsController, EventSubmissionsController],
  providers: [ReviewsService, SubmissionListService],
})
export class SubmissionReviewModule {}
