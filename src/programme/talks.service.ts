import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ChangeFeedService } from '../change-feed/change-feed.service.js';
import { conflict, DomainError, notFound } from '../common/errors/domain-error.js';
import { isViolation } from '../common/errors/postgres-error.js';
import type { ChangeWarningsResponse } from './dto/conflict.response.js';
import type { CreateTalkDto } from './dto/create-talk.dto.js';
import type { TalkChangeResponse, TalkResponse } from './dto/session.response.js';
import type { UpdateTalkDto } from './dto/update-talk.dto.js';
import { ProgrammeConflictsService, type ConflictReport } from './programme-conflicts.service.js';
import { loadProposal } from './programme-references.js';
import { placementProblem, type PlacementProblem } from './session-rules.js';
import { SessionViewsReader } from './session-views.reader.js';
import { bumpSessionVersions, lockSession } from './session-locks.js';
import type { Session } from './session.entity.js';
import { reorder, talksFit, talksMinutes } from './talk-schedule.js';
import { Talk } from './talk.entity.js';
import { ifMatchAllows, staleVersion } from './version-etag.js';

/** How often a talk whose session changed under us is looked up again before giving up (409). */
const RELOCK_ATTEMPTS = 3;

/**
 * Talks inside sessions: accepted or confirmed proposals placed in order. Each change locks the
 * session rows concerned (SELECT … FOR UPDATE, in id order so that two changes never wait on each
 * other in a cycle), renumbers positions 0..n-1 in the same transaction (UQ_talks_session_position
 * is checked at commit), refuses a session overflowing (422 TALKS_OVERFLOW), and returns the
 * conflicts the change introduced.
 */
@Injectable()
export class TalksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conflicts: ProgrammeConflictsService,
    private readonly views: SessionViewsReader,
    private readonly feed: ChangeFeedService,
  ) {}

  async add(sessionId: string, dto: CreateTalkDto): Promise<TalkChangeResponse> {
    try {
      return await this.committed(this.dataSource.transaction(async (em) => {
        const session = await lockSession(em, sessionId);
        const proposal = await loadProposal(em, dto.submissionId);
        if (proposal.eventId !== session.eventId) {
          throw new DomainError(422, 'PROPOSAL_NOT_IN_EVENT', 'The proposal belongs to another event than the session', { submissionId: proposal.id });
        }
        const tentative = dto.tentative ?? false;
        const problem = placementProblem(proposal.state, tentative);
        if (problem) throw placementRefused(problem, proposal.id, proposal.state);
        await assertNotPlaced(em, proposal.id);
        const before = await this.conflicts.changeReport(session.eventId, em, { sessionIds: [sessionId], proposalIds: [proposal.id] });
        const talks = await sessionTalks(em, sessionId);
        const duration = dto.durationMinutes ?? proposal.defaultMinutes;
        assertFits(session, talksMinutes(talks) + duration);
        const inserted = await em.insert(Talk, { sessionId, submissionId: proposal.id, position: talks.length, durationMinutes: duration, tentative });
        const id = (inserted.identifiers[0] as { id: string }).id;
        await renumber(em, reorder(talks.map((t) => t.id), id, dto.position), id);
        await bumpSessionVersions(em, [sessionId]);
        return this.changed(em, session.eventId, id, [sessionId], before);
      }));
    } catch (error) {
      if (isViolation(error, '23505', 'UQ_talks_submission')) throw alreadyPlaced(dto.submissionId, null);
      throw error;
    }
  }

  /** `ifMatch`: the If-Match header; a stale version is 412 PRECONDITION_FAILED with the talk's current state. */
  async update(id: string, dto: UpdateTalkDto, ifMatch?: string): Promise<TalkChangeResponse> {
    return this.committed(this.dataSource.transaction(async (em) => {
      const { talk, sessions } = await this.lockTalk(em, id, dto.sessionId);
      if (!ifMatchAllows(ifMatch, talk.version)) throw staleVersion('talk', await this.timedTalk(em, talk));
      const source = sessions.get(talk.sessionId)!;
      const target = sessions.get(dto.sessionId ?? talk.sessionId);
      if (!target) throw new DomainError(422, 'SESSION_NOT_FOUND', 'sessionId does not name a session', { sessionId: dto.sessionId });
      if (target.eventId !== source.eventId) {
        throw new DomainError(422, 'SESSION_NOT_IN_EVENT', 'A talk moves only to another session of the same event', { sessionId: target.id });
      }
      const scope = { sessionIds: [source.id, target.id] };
      const before = await this.conflicts.changeReport(source.eventId, em, scope);
      const duration = dto.durationMinutes ?? talk.durationMinutes;
      const targetTalks = await sessionTalks(em, target.id);
      const others = targetTalks.filter((t) => t.id !== id);
      assertFits(target, talksMinutes(others) + duration);
      await em.update(Talk, { id }, { sessionId: target.id, durationMinutes: duration, version: () => 'version + 1' });
      const moving = target.id !== source.id;
      await renumber(em, reorder(targetTalks.map((t) => t.id), id, dto.position ?? (moving ? undefined : talk.position)), id);
      if (moving) await renumber(em, (await sessionTalks(em, source.id)).map((t) => t.id));
      await bumpSessionVersions(em, [source.id, target.id]);
      return this.changed(em, source.eventId, id, scope.sessionIds, before);
    }));
  }

  async remove(id: string): Promise<ChangeWarningsResponse> {
    return this.committed(this.dataSource.transaction(async (em) => {
      const { talk, sessions } = await this.lockTalk(em, id, undefined);
      const session = sessions.get(talk.sessionId)!;
      const scope = { sessionIds: [session.id] };
      const before = await this.conflicts.changeReport(session.eventId, em, scope);
      await em.delete(Talk, { id });
      await renumber(em, (await sessionTalks(em, session.id)).map((t) => t.id));
      await bumpSessionVersions(em, [session.id]);
      const after = await this.conflicts.changeReport(session.eventId, em, scope, before);
      return { warnings: ProgrammeConflictsService.warnings(before, after) };
    }));
  }

  /** After a committed change: this instance forgets at once what it kept of the talks (the notification tells the others). */
  private async committed<T>(transaction: Promise<T>): Promise<T> {
    const result = await transaction;
    this.feed.changed('talks');
    return result;
  }

  /**
   * Locks the talk's session (and the target session, in id order), then reads the talk again under
   * the lock: when another change moved it meanwhile, the right sessions are locked on a new round.
   */
  private async lockTalk(em: EntityManager, id: string, targetId: string | undefined): Promise<{ talk: Talk; sessions: Map<string, Session> }> {
    for (let attempt = 0; attempt < RELOCK_ATTEMPTS; attempt++) {
      const seen = await em.findOne(Talk, { where: { id } });
      if (!seen) throw notFound('Talk');
      const ids = [...new Set([seen.sessionId, ...(targetId ? [targetId] : [])])].sort();
      const sessions = new Map<string, Session>();
      for (const sessionId of ids) {
        const locked = await lockSession(em, sessionId).catch((error: unknown) => {
          if (sessionId === targetId && error instanceof DomainError && error.status === 404) return null;
          throw error;
        });
        if (locked) sessions.set(sessionId, locked);
      }
      const talk = await em.findOne(Talk, { where: { id } });
      if (!talk) throw notFound('Talk');
      if (talk.sessionId === seen.sessionId) return { talk, sessions };
    }
    throw conflict('The talk was moved by another change meanwhile; try again');
  }

  /** The talk as it now is, with the conflicts the change introduced (its sessions' neighbourhood read again, see changeReport). */
  private async changed(em: EntityManager, eventId: string, talkId: string, sessionIds: string[], before: ConflictReport): Promise<TalkChangeResponse> {
    const after = await this.conflicts.changeReport(eventId, em, { sessionIds }, before);
    const talk = await em.findOneByOrFail(Talk, { id: talkId });
    return { ...(await this.timedTalk(em, talk)), warnings: ProgrammeConflictsService.warnings(before, after) };
  }

  /** The talk as the API shows it, with its computed times. */
  private async timedTalk(em: EntityManager, talk: Talk): Promise<TalkResponse> {
    const view = await this.views.readOne(em, talk.sessionId);
    return view!.talks.find((t) => t.id === talk.id)!;
  }
}

/** A session's talks in order (id, position, duration). */
async function sessionTalks(em: EntityManager, sessionId: string): Promise<Talk[]> {
  return em.find(Talk, { where: { sessionId }, order: { position: 'ASC', createdAt: 'ASC' } });
}

/**
 * Sets positions 0..n-1 in the given order, in one statement (the unique pair is checked at commit).
 * A talk whose position changes gets a new version, except `changed`, the talk the request is about
 * (its version was raised once already: one change, one version).
 */
async function renumber(em: EntityManager, orderedIds: string[], changed: string | null = null): Promise<void> {
  if (orderedIds.length === 0) return;
  await em.query(
    `UPDATE talks t SET position = o.ord - 1, version = CASE WHEN t.id = $2::uuid THEN t.version ELSE t.version + 1 END
     FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE t.id = o.id AND t.position <> o.ord - 1`,
    [orderedIds, changed],
  );
}

function assertFits(session: Session, totalMinutes: number): void {
  if (talksFit(totalMinutes, session)) return;
  const minutes = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
  throw new DomainError(422, 'TALKS_OVERFLOW', `The talks would last ${totalMinutes} minutes, longer than the session (${minutes} minutes)`, {
    sessionId: session.id,
    talksMinutes: totalMinutes,
    sessionMinutes: minutes,
  });
}

async function assertNotPlaced(em: EntityManager, submissionId: string): Promise<void> {
  const placed = await em.findOne(Talk, { where: { submissionId } });
  if (placed) throw alreadyPlaced(submissionId, placed);
}

const PLACEMENT_MESSAGES: Record<PlacementProblem, (state: string) => string> = {
  PROPOSAL_NOT_ACCEPTED: (state) => `Only accepted or confirmed proposals are placed (or, tentatively, proposals under review); this one is ${state}`,
  TENTATIVE_REQUIRED: (state) => `A proposal under review (${state}) is placed only tentatively: send tentative: true, or accept it first`,
  TENTATIVE_NOT_UNDER_REVIEW: (state) => `Only proposals under review are placed tentatively; this one is ${state}: place it without tentative`,
};

/** 409 with the placement rule's code (session-rules.ts), the proposal and its state. */
function placementRefused(problem: PlacementProblem, submissionId: string, state: string): DomainError {
  return new DomainError(409, problem, PLACEMENT_MESSAGES[problem](state), { submissionId, state });
}

function alreadyPlaced(submissionId: string, talk: Talk | null): DomainError {
  return new DomainError(409, 'PROPOSAL_ALREADY_PLACED', 'This proposal is already placed in the programme', {
    submissionId,
    ...(talk ? { talkId: talk.id, sessionId: talk.sessionId } : {}),
  });
}
