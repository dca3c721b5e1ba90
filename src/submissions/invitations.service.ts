import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { CfpService } from '../cfp/cfp.service.js';
import type { CfpSettings } from '../cfp/cfp-settings.js';
import { MailService } from '../mail/mail.service.js';
import { SpeakersService } from '../speakers/speakers.service.js';
import type { SpeakerSummary } from '../speakers/speaker-summary.js';
import { normaliseEmail } from '../users/users.service.js';
import type { SubmissionResponse } from './dto/submission.response.js';
import { pendingInvitationFor } from './submission-access.js';
import { eventNameIn, fullName, mailLocaleOf, titleIn, type MailedSubmission } from './submission-mail.js';
import { SubmissionRecordsService } from './submission-records.service.js';
import { SubmissionSpeaker } from './submission-speaker.entity.js';
import { SubmissionViewsService } from './submission-views.service.js';

/** A co-speaker to invite: an existing speaker (linked at once), or an email without a speaker account. */
export interface Invitee {
  email: string;
  speaker: SpeakerSummary | null;
}

/**
 * Co-speakers: inviting them by email (an existing speaker is linked to the proposal, anyone else
 * is mailed a link to sign up), and their answer. A co-speaker sees the proposal only once they
 * have accepted; until then its id answers them 404 on every route but these two.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: SubmissionRecordsService,
    private readonly views: SubmissionViewsService,
    private readonly speakers: SpeakersService,
    private readonly cfp: CfpService,
    private readonly mail: MailService,
  ) {}

  /** Looks the emails up among speakers (before the transaction that invites them). */
  async resolve(emails: string[]): Promise<Invitee[]> {
    const out: Invitee[] = [];
    for (const email of emails) out.push({ email: normaliseEmail(email), speaker: await this.speakers.findSpeakerByEmail(email) });
    return out;
  }

  /**
   * Inside the caller's transaction: adds the invitees as invited co-speakers from `position` on,
   * and queues a 'co-speaker-invited' mail to each (to sign up, or to accept).
   */
  async invite(
    manager: EntityManager,
    submission: MailedSubmission & { id: string },
    invitees: Invitee[],
    position: number,
    inviterName: string,
    settings: CfpSettings,
  ): Promise<void> {
    if (invitees.length === 0) return;
    await manager.insert(
      SubmissionSpeaker,
      invitees.map((invitee, i) => ({
        submissionId: submission.id,
        userId: invitee.speaker?.userId ?? null,
        email: invitee.email,
        role: 'co' as const,
        status: 'invited' as const,
        position: position + i,
      })),
    );
    const locale = mailLocaleOf(submission);
    for (const invitee of invitees) {
      const link = invitee.speaker
        ? this.mail.linkTo(`/app/proposals/${submission.id}/invitation`)
        : this.mail.linkTo(`/app/signup?invitation=${submission.id}&email=${encodeURIComponent(invitee.email)}`);
      await this.mail.enqueue(manager, {
        to: invitee.email,
        toName: invitee.speaker ? fullName(invitee.speaker) : null,
        template: 'co-speaker-invited',
        locale,
        data: {
          ...(invitee.speaker ? { firstName: invitee.speaker.firstName, lastName: invitee.speaker.lastName } : {}),
          inviterName,
          eventName: eventNameIn(settings, locale),
          submissionTitle: titleIn(submission, locale),
          link,
        },
      });
    }
  }

  /**
   * The caller accepts to co-sign: their account is linked to the invitation (found by account or,
   * for someone who signed up after being invited, by email) and the main speaker is told.
   * 404 when the caller has no pending invitation to this proposal.
   */
  async accept(submissionId: string, caller: RequestUser): Promise<SubmissionResponse> {
    const { invitation, signers } = await this.pendingInvitation(submissionId, caller);
    const main = signers.find((s) => s.role === 'main');
    const people = await this.speakers.summaries([caller.id, ...(main?.userId ? [main.userId] : [])]);
    const me = people.get(caller.id);
    const mainSpeaker = main?.userId ? people.get(main.userId) : undefined;
    const settings = await this.cfp.settings((await this.records.loadSubmission(submissionId)).eventId);
    await this.dataSource.transaction(async (manager) => {
      const submission = await this.records.lock(manager, submissionId);
      const answered = await manager.update(SubmissionSpeaker, { id: invitation.id, status: 'invited' }, { userId: caller.id, status: 'accepted' });
      if (!answered.affected) throw notFound('Invitation');
      if (main && mainSpeaker) {
        const locale = mailLocaleOf(submission);
        await this.mail.enqueue(manager, {
          to: mainSpeaker.email,
          toName: fullName(mainSpeaker),
          template: 'co-speaker-accepted',
          locale,
          data: {
            firstName: mainSpeaker.firstName,
            lastName: mainSpeaker.lastName,
            coSpeakerName: me ? fullName(me) : caller.email,
            eventName: eventNameIn(settings, locale),
            submissionTitle: titleIn(submission, locale),
            link: this.mail.linkTo(`/app/proposals/${submission.id}`),
          },
        });
      }
    });
    return this.views.one(submissionId, caller);
  }

  /** The caller declines to co-sign; the proposal stays out of their sight. 404 without a pending invitation. */
  async decline(submissionId: string, caller: RequestUser): Promise<void> {
    const { invitation } = await this.pendingInvitation(submissionId, caller);
    const answered = await this.dataSource.getRepository(SubmissionSpeaker).update({ id: invitation.id, status: 'invited' }, { userId: caller.id, status: 'declined' });
    if (!answered.affected) throw notFound('Invitation');
  }

  private async pendingInvitation(submissionId: string, caller: RequestUser): Promise<{ invitation: SubmissionSpeaker; signers: SubmissionSpeaker[] }> {
    const signers = await this.records.signersOf(submissionId);
    const invitation = pendingInvitationFor(caller, signers);
    if (!invitation) throw notFound('Submission');
    if (signers.some((s) => s.userId === caller.id && s.id !== invitation.id)) {
      throw conflict('You already sign this proposal', undefined, 'ALREADY_SIGNED');
    }
    return { invitation, signers };
  }
}
