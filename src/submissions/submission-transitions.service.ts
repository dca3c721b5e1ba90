import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { CfpService } from '../cfp/cfp.service.js';
import type { CfpSettings } from '../cfp/cfp-settings.js';
import type { MailTemplate } from '../mail/mail-template.js';
import { MailService } from '../mail/mail.service.js';
import { SpeakersService } from '../speakers/speakers.service.js';
import type { SpeakerSummary } from '../speakers/speaker-summary.js';
import type { SubmissionResponse } from './dto/submission.response.js';
import type { TransitionDto } from './dto/transition.dto.js';
import { eventNameIn, fullName, mailLocaleOf, titleIn } from './submission-mail.js';
import { SubmissionRecordsService } from './submission-records.service.js';
import type { SubmissionSpeaker } from './submission-speaker.entity.js';
import type { SubmissionAction } from './submission-state.js';
import { SubmissionTransitionHooks } from './submission-transition-hooks.js';
import { SubmissionTransition } from './submission-transition.entity.js';
import { nextState } from './submission-transitions.js';
import { SubmissionViewsService } from './submission-views.service.js';
import { Submission } from './submission.entity.js';
import { ChangeFeedService } from '../change-feed/change-feed.service.js';

/** The mail each action sends to the proposal's signers who accepted, if any. */
const MAIL_OF_ACTION: Partial<Record<SubmissionAction, MailTemplate>> = {
  submit: 'submission-received',
  accept: 'submission-accepted',
  reject: 'submission-rejected',
  cancel: 'submission-cancelled',
};

/** Someone a mail about the proposal goes to. */
interface Recipient {
  email: string;
  speaker: SpeakerSummary | undefined;
}

/**
 * Moves proposals through their states (submission-transitions.ts decides what is allowed). The
 * row is locked for the transaction, so two moves of one proposal take turns and the second is
 * judged on the state the first left; the state, the history row, the mails and what the listeners
 * of SubmissionTransitionHooks do (the programme's tentative talks) commit together.
 */
@Injectable()
export class SubmissionTransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: SubmissionRecordsService,
    private readonly views: SubmissionViewsService,
    private readonly cfp: CfpService,
    private readonly speakers: SpeakersService,
    private readonly mail: MailService,
    private readonly hooks: SubmissionTransitionHooks,
    private readonly feed: ChangeFeedService,
  ) {}

  async transition(id: string, dto: TransitionDto, caller: RequestUser): Promise<SubmissionResponse> {
    const { submission, signers, capacities } = await this.records.loadVisible(id, caller);
    // Judged first on what was read, so that an illegal move is refused before anything else…
    nextState(submission.state, dto.action, capacities);
    // …speakers submit only while the call is open (organisers resubmit at any time).
    if (dto.action === 'submit') await this.cfp.assertOpen(submission.eventId);
    const template = MAIL_OF_ACTION[dto.action];
    const [settings, recipients] = template
      ? await Promise.all([this.cfp.settings(submission.eventId), this.recipients(signers)])
      : [null, []];
    const note = dto.note?.trim() || null;

    await this.dataSource.transaction(async (manager) => {
      // …and again on the locked row: a concurrent move may have changed it meanwhile.
      const locked = await this.records.lock(manager, id);
      const to = nextState(locked.state, dto.action, capacities);
      const now = new Date();
      const changes: Partial<Submission> = { state: to };
      if (dto.action === 'submit' && locked.submittedAt === null) changes.submittedAt = now;
      await manager.update(Submission, { id }, changes);
      await manager.insert(SubmissionTransition, { submissionId: id, actorId: caller.id, action: dto.action, fromState: locked.state, toState: to, note });
      if (template && settings) await this.sendMails(manager, template, locked, recipients, settings, note);
      await this.hooks.run(manager, { submissionId: id, eventId: locked.eventId, action: dto.action, from: locked.state, to });
    });
    // what this instance keeps of the programme shows proposals' states: forgotten at once here (notified to the others)
    this.feed.changed('submissions');
    return this.views.one(id, caller);
  }

  /** The signers who accepted, with their profiles (read before the transaction). */
  private async recipients(signers: SubmissionSpeaker[]): Promise<Recipient[]> {
    const accepted = signers.filter((s) => s.status === 'accepted' && s.userId);
    const people = await this.speakers.summaries(accepted.map((s) => s.userId as string));
    return accepted.map((s) => {
      const speaker = people.get(s.userId as string);
      return { email: speaker?.email ?? s.email, speaker };
    });
  }

  private async sendMails(
    manager: EntityManager,
    template: MailTemplate,
    submission: Submission,
    recipients: Recipient[],
    settings: CfpSettings,
    note: string | null,
  ): Promise<void> {
    const locale = mailLocaleOf(submission);
    for (const recipient of recipients) {
      await this.mail.enqueue(manager, {
        to: recipient.email,
        toName: recipient.speaker ? fullName(recipient.speaker) : null,
        template,
        locale,
        data: {
          firstName: recipient.speaker?.firstName ?? '',
          lastName: recipient.speaker?.lastName ?? '',
          eventName: eventNameIn(settings, locale),
          submissionTitle: titleIn(submission, locale),
          ...(note ? { note } : {}),
          link: this.mail.linkTo(`/app/proposals/${submission.id}`),
        },
      });
    }
  }
}
