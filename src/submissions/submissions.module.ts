import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CfpModule } from '../cfp/cfp.module.js';
import { MailModule } from '../mail/mail.module.js';
import { SpeakersModule } from '../speakers/speakers.module.js';
import { UsersModule } from '../users/users.module.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { MySubmissionsController } from './my-submissions.controller.js';
import { SubmissionCreationService } from './submission-creation.service.js';
import { SubmissionEditingService } from './submission-editing.service.js';
import { SubmissionHistoryService } from './submission-history.service.js';
import { SubmissionRecordsService } from './submission-records.service.js';
import { SubmissionRevision } from './submission-revision.entity.js';
import { SubmissionSpeaker } from './submission-speaker.entity.js';
import { SubmissionTransitionHooks } from './submission-transition-hooks.js';
import { SubmissionTransition } from './submission-transition.entity.js';
import { SubmissionTransitionsService } from './submission-transitions.service.js';
import { SubmissionViewsService } from './submission-views.service.js';
import { Submission } from './submission.entity.js';
import { SubmissionsController } from './submissions.controller.js';
import { SubmissionsService } from './submissions.service.js';

/**
 * Proposals: filing, editing, co-speakers' invitations, the state machine with its history and
 * mails, and who may see what. Reviews and the organisers' list live in ./review.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Submission, SubmissionSpeaker, SubmissionTransition, SubmissionRevision]),
    CfpModule,
    SpeakersModule,
    MailModule,
    UsersModule,
  ],
  controllers: [SubmissionsController, InvitationsController, MySubmissionsController],
  providers: [
    SubmissionRecordsService,
    SubmissionViewsService,
    InvitationsService,
    SubmissionCreationService,
    SubmissionEditingService,
    SubmissionTransitionsService,
    SubmissionTransitionHooks,
    SubmissionHistoryService,
    SubmissionsService,
  ],
  exports: [SubmissionsService, SubmissionTransitionsService, SubmissionTransitionHooks],
})
export class SubmissionsModule {}
