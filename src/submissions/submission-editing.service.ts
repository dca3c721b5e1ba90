import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { DomainError, validationFailed } from '../common/errors/domain-error.js';
import { CfpService } from '../cfp/cfp.service.js';
import type { CfpSettings } from '../cfp/cfp-settings.js';
import { SpeakersService } from '../speakers/speakers.service.js';
import type { SubmissionResponse } from './dto/submission.response.js';
import type { UpdateSubmissionDto } from './dto/update-submission.dto.js';
import { InvitationsService, type Invitee } from './invitations.service.js';
import { isMainSpeaker } from './submission-access.js';
import { assertContent, normaliseEmails, textOrNull } from './submission-content.js';
import { assertEditable, diffFields, REVISED_STATES, TEXT_FIELDS } from './submission-edit-rules.js';
import { fullName } from './submission-mail.js';
import { SubmissionRecordsService } from './submission-records.service.js';
import { SubmissionRevision } from './submission-revision.entity.js';
import { SubmissionSpeaker } from './submission-speaker.entity.js';
import { SubmissionViewsService } from './submission-views.service.js';
import { Submission } from './submission.entity.js';

/** The columns of a proposal an edit can change. */
const COLUMNS = ['titleFr', 'titleEn', 'abstractFr', 'abstractEn', 'keywords', 'typeId', 'trackId', 'durationMinutes'] as const;
type Column = (typeof COLUMNS)[number];
type Values = Pick<Submission, Column>;

/** The values of `submission` once `dto` is applied (fields not sent keep their value). */
function applied(submission: Submission, dto: UpdateSubmissionDto): Values {
  return {
    titleFr: dto.titleFr !== undefined ? textOrNull(dto.titleFr) : submission.titleFr,
    titleEn: dto.titleEn !== undefined ? textOrNull(dto.titleEn) : submission.titleEn,
    abstractFr: dto.abstractFr !== undefined ? textOrNull(dto.abstractFr) : submission.abstractFr,
    abstractEn: dto.abstractEn !== undefined ? textOrNull(dto.abstractEn) : submission.abstractEn,
    keywords: dto.keywords !== undefined ? (dto.keywords ?? []) : submission.keywords,
    typeId: dto.typeId ?? submission.typeId,
    trackId: dto.trackId !== undefined ? (dto.trackId ?? null) : submission.trackId,
    durationMinutes: dto.durationMinutes !== undefined ? (dto.durationMinutes ?? null) : submission.durationMinutes,
  };
}

/**
 * Changes proposals: speakers everything while draft or submitted and only the text once accepted
 * (submission-edit-rules.ts), organisers anything at any time. An edit of an accepted or confirmed
 * proposal is recorded as a revision (field → {from, to}) that organisers read.
 */
@Injectable()
export class SubmissionEditingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: SubmissionRecordsService,
    private readonly views: SubmissionViewsService,
    private readonly cfp: CfpService,
    private readonly speakers: SpeakersService,
    private readonly invitations: InvitationsService,
  ) {}

  async update(id: string, dto: UpdateSubmissionDto, caller: RequestUser): Promise<SubmissionResponse> {
    const { submission, signers, capacities } = await this.records.loadVisible(id, caller);
    const fields = (Object.keys(dto) as (keyof UpdateSubmissionDto)[]).filter((field) => dto[field] !== undefined);
    const organiser = capacities.includes('organiser');
    if (fields.includes('durationMinutes') && !organiser) throw new DomainError(403, 'FORBIDDEN', 'Only organisers set the duration of a proposal');
    if (fields.includes('coSpeakers') && !organiser && !isMainSpeaker(caller, signers)) {
      throw new DomainError(403, 'FORBIDDEN', 'Only the main speaker and organisers change the co-speakers');
    }
    assertEditable(submission.state, capacities, fields);
    if (fields.length === 0) return this.views.one(id, caller);

    const settings = await this.cfp.settings(submission.eventId);
    const values = applied(submission, dto);
    if (fields.some((f) => (TEXT_FIELDS as readonly string[]).includes(f))) assertContent(values, settings);
    if (dto.typeId !== undefined || dto.trackId !== undefined) await this.cfp.assertTypeAndTrack(submission.eventId, values.typeId, values.trackId);
    const coSpeakers = dto.coSpeakers !== undefined ? await this.prepareCoSpeakers(dto.coSpeakers, signers) : null;

    await this.dataSource.transaction(async (manager) => {
      const locked = await this.records.lock(manager, id);
      assertEditable(locked.state, capacities, fields);
      const after = applied(locked, dto);
      const changes = diffFields<Values>(locked, after, COLUMNS.filter((c) => fields.includes(c)));
      if (Object.keys(changes).length) await manager.update(Submission, { id }, after);
      if (coSpeakers) {
        const change = await this.replaceCoSpeakers(manager, locked, coSpeakers, settings);
        if (change) changes.coSpeakers = change;
      }
      if (REVISED_STATES.includes(locked.state) && Object.keys(changes).length) {
        await manager.save(manager.create(SubmissionRevision, { submissionId: id, actorId: caller.id, state: locked.state, changes }));
      }
    });
    return this.views.one(id, caller);
  }

  /** The wanted co-speakers, looked up among speakers before the transaction, and who invites them. */
  private async prepareCoSpeakers(emails: string[] | null, signers: SubmissionSpeaker[]): Promise<{ wanted: string[]; invitees: Invitee[]; inviterName: string }> {
    const wanted = normaliseEmails(emails);
    const main = signers.find((s) => s.role === 'main');
    if (main && wanted.includes(main.email)) throw validationFailed('The main speaker cannot also be a co-speaker', { field: 'coSpeakers' });
    const known = new Set(signers.map((s) => s.email));
    const invitees = await this.invitations.resolve(wanted.filter((email) => !known.has(email)));
    const mainSpeaker = main?.userId ? (await this.speakers.summaries([main.userId])).get(main.userId) : undefined;
    return { wanted, invitees, inviterName: mainSpeaker ? fullName(mainSpeaker) : (main?.email ?? '') };
  }

  /**
   * Inside the transaction: removes the co-speakers no longer wanted and invites the new ones
   * (judged on the signers as they are now). Returns the change of the co-speaker list, or null.
   */
  private async replaceCoSpeakers(
    manager: EntityManager,
    submission: Submission,
    coSpeakers: { wanted: string[]; invitees: Invitee[]; inviterName: string },
    settings: CfpSettings,
  ): Promise<{ from: string[]; to: string[] } | null> {
    const signers = await this.records.signersOf(submission.id, manager);
    const current = signers.filter((s) => s.role === 'co').map((s) => s.email);
    const removed = current.filter((email) => !coSpeakers.wanted.includes(email));
    const added = coSpeakers.invitees.filter((i) => !current.includes(i.email));
    if (removed.length === 0 && added.length === 0) return null;
    if (removed.length) await manager.delete(SubmissionSpeaker, { submissionId: submission.id, role: 'co', email: In(removed) });
    const position = Math.max(0, ...signers.map((s) => s.position)) + 1;
    await this.invitations.invite(manager, submission, added, position, coSpeakers.inviterName, settings);
    return { from: current, to: [...current.filter((e) => !removed.includes(e)), ...added.map((i) => i.email)] };
  }
}
