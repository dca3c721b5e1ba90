import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ChangeFeedService } from '../change-feed/change-feed.service.js';
import type { KeptReads } from '../change-feed/kept-reads.js';
import { DomainError, notFound, validationFailed } from '../common/errors/domain-error.js';
import { isViolation } from '../common/errors/postgres-error.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import { formatInZone, nextLocalDate, parseZonedDateTime, startOfLocalDay } from '../common/time/zoned-time.js';
import type { ChangeWarningsResponse } from './dto/conflict.response.js';
import type { CreateSessionDto } from './dto/create-session.dto.js';
import type { ListSessionsQuery } from './dto/list-sessions.query.js';
import type { SessionChairDto } from './dto/session-chair.dto.js';
import type { SessionChangeResponse, SessionResponse } from './dto/session.response.js';
import type { UpdateSessionDto } from './dto/update-session.dto.js';
import { ProgrammeConflictsService, type ConflictReport } from './programme-conflicts.service.js';
import {
  assertRoomOfEvent,
  assertTrackOfEvent,
  findAccounts,
  loadProgrammeEvent,
  occupyingSession,
  roomOccupied,
  type ProgrammeEvent,
} from './programme-references.js';
import { SessionChair } from './session-chair.entity.js';
import { sessionsCsv } from './sessions-csv.js';
import { chairProblem, duplicateIds, hasTitle, sessionPeriodProblem, type SessionProblem } from './session-rules.js';
import { lockSession, talksTotal } from './session-locks.js';
import { SessionViewsReader } from './session-views.reader.js';
import { Session } from './session.entity.js';
import { ifMatchAllows, staleVersion } from './version-etag.js';

const EXCLUSION = 'EXC_sessions_room_time';
/** What a page of the sessions list reads (each notifies its changes: migrations ChangeNotifications, DraftProgrammeNotifications). */
const LIST_TABLES = ['sessions', 'session_chairs', 'talks', 'submissions', 'submission_speakers', 'speaker_profiles', 'users', 'rooms', 'venues', 'tracks', 'events'];

const PROBLEM_MESSAGES: Record<SessionProblem, string> = {
  INVALID_PERIOD: 'The session must end after it starts',
  SESSION_OUTSIDE_EVENT: 'The session must lie within the event',
  TALKS_OVERFLOW: 'The session is too short for its talks',
};

/**
 * Sessions of the draft programme: a block of time in one room, with chairs and talks. Every change
 * runs in one transaction that locks the session row, checks the rules (session-rules.ts), and
 * compares the conflicts before and after to return those it introduced. PostgreSQL keeps a room
 * from holding two sessions at once (EXC_sessions_room_time): its 23P01 becomes 409 ROOM_OCCUPIED.
 */
@Injectable()
export class SessionsService {
  /** Pages of the sessions list by event and query, until one of LIST_TABLES changes (the grid polls them every two seconds). */
  private readonly pages: KeptReads<string, Page<SessionResponse>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conflicts: ProgrammeConflictsService,
    private readonly views: SessionViewsReader,
    private readonly feed: ChangeFeedService,
  ) {
    this.pages = feed.cache('draft sessions pages', LIST_TABLES, 2_000);
  }

  async create(eventId: string, dto: CreateSessionDto): Promise<SessionChangeResponse> {
    const attempt: { roomId?: string; startsAt?: Date; endsAt?: Date } = {};
    return this.guardRoom(attempt, null, () =>
      this.dataSource.transaction(async (em) => {
        const event = await loadProgrammeEvent(em, eventId);
        const period = this.period(dto.startsAt, dto.endsAt, event);
        const titles = { titleFr: dto.titleFr ?? null, titleEn: dto.titleEn ?? null };
        if (!hasTitle(titles)) throw validationFailed('Give titleFr, titleEn or both');
        this.assertPeriod(period, event, 0);
        await assertRoomOfEvent(em, dto.roomId, event);
        if (dto.trackId) await assertTrackOfEvent(em, dto.trackId, eventId);
        const chairs = await this.resolveChairs(em, dto.chairs ?? []);
        // the chairs' other commitments are read before the session exists, to tell what it adds
        const chairIds = chairs.flatMap((c) => (c.userId ? [c.userId] : []));
        const before = await this.conflicts.changeReport(eventId, em, { sessionIds: [], personIds: chairIds });
        Object.assign(attempt, { roomId: dto.roomId, ...period });
        const session = await em.save(
          em.create(Session, {
            eventId,
            roomId: dto.roomId,
            kind: dto.kind,
            trackId: dto.trackId ?? null,
            ...titles,
            descriptionFr: dto.descriptionFr ?? null,
            descriptionEn: dto.descriptionEn ?? null,
            ...period,
            expectedAttendance: dto.expectedAttendance ?? null,
          }),
        );
        await this.replaceChairs(em, session.id, chairs);
        return this.changed(em, eventId, session.id, before);
      }),
    );
  }

  /** A page of the event's draft sessions, kept in memory until the programme (or what it shows) changes. */
  list(eventId: string, query: ListSessionsQuery): Promise<Page<SessionResponse>> {
    const key = JSON.stringify([eventId, query.page, query.pageSize, query.day ?? null, query.roomId ?? null, query.kind ?? null, query.order ?? null]);
    return this.pages.get(key, () => this.readPage(eventId, query));
  }

  private async readPage(eventId: string, query: ListSessionsQuery): Promise<Page<SessionResponse>> {
    const em = this.dataSource.manager;
    const event = await loadProgrammeEvent(em, eventId);
    const where = ['s.event_id = $1'];
    const params: unknown[] = [eventId];
    if (query.day) {
      params.push(startOfLocalDay(query.day, event.timeZone, 'day'), startOfLocalDay(nextLocalDate(query.day, event.timeZone), event.timeZone, 'day'));
      where.push(`s.starts_at >= $${params.length - 1} AND s.starts_at < $${params.length}`);
    }
    if (query.roomId) {
      params.push(query.roomId);
      where.push(`s.room_id = $${params.length}`);
    }
    if (query.kind) {
      params.push(query.kind);
      where.push(`s.kind = $${params.length}`);
    }
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    params.push(query.pageSize, pageOffset(query));
    const rows = await em.query<Array<{ id: string; total: string }>>(
      `SELECT s.id, count(*) OVER () AS total FROM sessions s WHERE ${where.join(' AND ')}
       ORDER BY s.starts_at ${direction}, s.room_id, s.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && query.page > 1) {
      const [count] = await em.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM sessions s WHERE ${where.join(' AND ')}`, params.slice(0, -2));
      total = count.n;
    }
    return toPage(await this.views.read(em, rows.map((r) => r.id)), total, query);
  }

  /** The draft programme as CSV (sessions in time order, each followed by its talks), times in the event's zone. */
  async exportCsv(eventId: string): Promise<{ filename: string; content: Buffer }> {
    const em = this.dataSource.manager;
    const event = await loadProgrammeEvent(em, eventId);
    const rows = await em.query<Array<{ id: string }>>(`SELECT id FROM sessions WHERE event_id = $1 ORDER BY starts_at, ends_at, id`, [eventId]);
    const sessions = await this.views.read(em, rows.map((r) => r.id));
    return { filename: `programme-${event.slug}.csv`, content: Buffer.from(sessionsCsv(sessions), 'utf8') };
  }

  async get(id: string): Promise<SessionResponse> {
    const view = await this.views.readOne(this.dataSource.manager, id);
    if (!view) throw notFound('Session');
    return view;
  }

  /** `ifMatch`: the If-Match header; a stale version is 412 PRECONDITION_FAILED with the current state. */
  async update(id: string, dto: UpdateSessionDto, ifMatch?: string): Promise<SessionChangeResponse> {
    const attempt: { roomId?: string; startsAt?: Date; endsAt?: Date } = {};
    return this.guardRoom(attempt, id, () =>
      this.dataSource.transaction(async (em) => {
        const session = await lockSession(em, id);
        if (!ifMatchAllows(ifMatch, session.version)) throw staleVersion('session', (await this.views.readOne(em, id))!);
        const event = await loadProgrammeEvent(em, session.eventId);
        const period = {
          startsAt: dto.startsAt !== undefined ? parseZonedDateTime(dto.startsAt, event.timeZone, 'startsAt') : session.startsAt,
          endsAt: dto.endsAt !== undefined ? parseZonedDateTime(dto.endsAt, event.timeZone, 'endsAt') : session.endsAt,
        };
        const titles = {
          titleFr: dto.titleFr !== undefined ? (dto.titleFr ?? null) : session.titleFr,
          titleEn: dto.titleEn !== undefined ? (dto.titleEn ?? null) : session.titleEn,
        };
        if (!hasTitle(titles)) throw validationFailed('A session keeps at least one title (titleFr or titleEn)');
        this.assertPeriod(period, event, await talksTotal(em, id));
        const roomId = dto.roomId ?? session.roomId;
        if (dto.roomId !== undefined && dto.roomId !== session.roomId) await assertRoomOfEvent(em, dto.roomId, event);
        if (dto.trackId) await assertTrackOfEvent(em, dto.trackId, session.eventId);
        const chairs = dto.chairs !== undefined ? await this.resolveChairs(em, dto.chairs) : null;
        const before = await this.conflicts.changeReport(session.eventId, em, { sessionIds: [id] });
        Object.assign(attempt, { roomId, ...period });
        await em.update(Session, { id }, {
          roomId,
          ...(dto.kind !== undefined ? { kind: dto.kind } : {}),
          ...(dto.trackId !== undefined ? { trackId: dto.trackId ?? null } : {}),
          ...titles,
          ...(dto.descriptionFr !== undefined ? { descriptionFr: dto.descriptionFr ?? null } : {}),
          ...(dto.descriptionEn !== undefined ? { descriptionEn: dto.descriptionEn ?? null } : {}),
          ...period,
          ...(dto.expectedAttendance !== undefined ? { expectedAttendance: dto.expectedAttendance ?? null } : {}),
          version: () => 'version + 1',
        });
        if (chairs) await this.replaceChairs(em, id, chairs);
        return this.changed(em, session.eventId, id, before);
      }),
    );
  }

  /** Deletes the session with its chairs and talks (their proposals become unplaced). */
  async remove(id: string): Promise<ChangeWarningsResponse> {
    const removed = await this.dataSource.transaction(async (em) => {
      const session = await lockSession(em, id);
      const scope = { sessionIds: [id] };
      const before = await this.conflicts.changeReport(session.eventId, em, scope);
      await em.delete(Session, { id });
      const after = await this.conflicts.changeReport(session.eventId, em, scope, before);
      return { warnings: ProgrammeConflictsService.warnings(before, after) };
    });
    this.feed.changed('sessions');
    return removed;
  }

  /** The session as it now is, with the conflicts the change introduced (its neighbourhood read again, see changeReport). */
  private async changed(em: EntityManager, eventId: string, id: string, before: ConflictReport): Promise<SessionChangeResponse> {
    const after = await this.conflicts.changeReport(eventId, em, { sessionIds: [id] }, before);
    const view = await this.views.readOne(em, id);
    return { ...view!, warnings: ProgrammeConflictsService.warnings(before, after) };
  }

  /** Runs a write; a room double-booked (23P01 on the exclusion constraint) becomes 409 ROOM_OCCUPIED naming the other session. */
  private async guardRoom<T>(attempt: { roomId?: string; startsAt?: Date; endsAt?: Date }, selfId: string | null, write: () => Promise<T>): Promise<T> {
    try {
      const written = await write();
      // this instance forgets at once what it kept (the notification tells the others, and this one again)
      this.feed.changed('sessions');
      return written;
    } catch (error) {
      if (!isViolation(error, '23P01', EXCLUSION) || !attempt.roomId || !attempt.startsAt || !attempt.endsAt) throw error;
      const other = await occupyingSession(this.dataSource.manager, attempt.roomId, { startsAt: attempt.startsAt, endsAt: attempt.endsAt }, selfId);
      throw roomOccupied(other);
    }
  }

  private period(startsAt: string, endsAt: string, event: ProgrammeEvent): { startsAt: Date; endsAt: Date } {
    return { startsAt: parseZonedDateTime(startsAt, event.timeZone, 'startsAt'), endsAt: parseZonedDateTime(endsAt, event.timeZone, 'endsAt') };
  }

  private assertPeriod(period: { startsAt: Date; endsAt: Date }, event: ProgrammeEvent, talksMinutes: number): void {
    const problem = sessionPeriodProblem(period, event, talksMinutes);
    if (!problem) return;
    const zone = event.timeZone;
    throw new DomainError(422, problem, PROBLEM_MESSAGES[problem] + detail(problem, period, event, talksMinutes), {
      startsAt: formatInZone(period.startsAt, zone),
      endsAt: formatInZone(period.endsAt, zone),
      eventStartsAt: formatInZone(event.startsAt, zone),
      eventEndsAt: formatInZone(event.endsAt, zone),
      talksMinutes,
    });
  }

  /** The chairs as rows to insert: accounts by id or email (422 when none), guests by name; no account twice. */
  private async resolveChairs(em: EntityManager, chairs: SessionChairDto[]): Promise<Array<Pick<SessionChair, 'userId' | 'guestName' | 'guestAffiliation'>>> {
    const problems = chairs.map((c, i) => ({ i, problem: chairProblem(c) })).filter((p) => p.problem);
    if (problems.length) {
      throw validationFailed('Each chair is one of {userId}, {email} or {guestName, guestAffiliation?}', {
        errors: problems.map((p) => ({ field: `chairs[${p.i}]`, errors: [p.problem] })),
      });
    }
    const ids = chairs.flatMap((c) => (c.userId ? [c.userId] : []));
    const emails = chairs.flatMap((c) => (c.email ? [c.email.toLowerCase()] : []));
    const found = await findAccounts(em, ids, emails);
    const missing = [...ids.filter((id) => !found.byId.has(id)), ...emails.filter((e) => !found.byEmail.has(e))];
    if (missing.length) throw new DomainError(422, 'CHAIR_NOT_FOUND', `No account for: ${missing.join(', ')}`, { missing });
    const rows = chairs.map((c) => ({
      userId: c.userId ?? (c.email ? found.byEmail.get(c.email.toLowerCase())! : null),
      guestName: c.guestName ?? null,
      guestAffiliation: c.guestName ? (c.guestAffiliation ?? null) : null,
    }));
    const twice = duplicateIds(rows.flatMap((r) => (r.userId ? [r.userId] : [])));
    if (twice.length) throw validationFailed('A person chairs a session once', { duplicates: twice });
    return rows;
  }

  private async replaceChairs(em: EntityManager, sessionId: string, chairs: Array<Pick<SessionChair, 'userId' | 'guestName' | 'guestAffiliation'>>): Promise<void> {
    await em.delete(SessionChair, { sessionId });
    if (chairs.length) await em.insert(SessionChair, chairs.map((c, position) => ({ ...c, sessionId, position })));
  }
}

function detail(problem: SessionProblem, period: { startsAt: Date; endsAt: Date }, event: ProgrammeEvent, talksMinutes: number): string {
  const zone = event.timeZone;
  if (problem === 'SESSION_OUTSIDE_EVENT') return `, from ${formatInZone(event.startsAt, zone)} to ${formatInZone(event.endsAt, zone)}`;
  if (problem === 'TALKS_OVERFLOW') {
    const minutes = Math.round((period.endsAt.getTime() - period.startsAt.getTime()) / 60_000);
    return `: they last ${talksMinutes} minutes, the session ${minutes}`;
  }
  return '';
}
