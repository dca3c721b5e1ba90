import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestUser } from '../../common/auth/access.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { SubmissionTransitionHooks, type SubmissionMoved, type SubmissionTransitionListener } from '../../submissions/submission-transition-hooks.js';
import { SubmissionTransitionsService } from '../../submissions/submission-transitions.service.js';
import { loadProgrammeEvent } from '../programme-references.js';
import { bumpSessionVersions } from '../session-locks.js';
import { isPlaceable } from '../session-rules.js';
import type { TentativeAcceptanceItemResponse, TentativeAcceptanceResponse } from './dto/tentative-acceptance.response.js';

interface TentativeRow {
  talk_id: string;
  session_id: string;
  submission_id: string;
  title_fr: string | null;
  title_en: string | null;
}

/**
 * Talks placed tentatively (« provisoire »): the flag clears when the proposal is accepted, in the
 * transition's own transaction (a listener of SubmissionTransitionHooks, so that proposals import
 * nothing of the programme); and the organisers' bulk « accept the placed proposals », which runs
 * the ordinary accept transition for each (its history row and its mails to the speakers).
 */
@Injectable()
export class TentativeTalksService implements SubmissionTransitionListener, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hooks: SubmissionTransitionHooks,
    private readonly transitions: SubmissionTransitionsService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  /** A proposal accepted (or confirmed): its talk is placed for good; the talk and its session get a new version. */
  async afterTransition(manager: EntityManager, moved: SubmissionMoved): Promise<void> {
    if (!isPlaceable(moved.to)) return;
    const placed = await manager.query<Array<{ session_id: string }>>(`SELECT session_id FROM talks WHERE submission_id = $1 AND tentative`, [moved.submissionId]);
    if (placed.length === 0) return;
    await manager.query(`UPDATE talks SET tentative = false, version = version + 1 WHERE submission_id = $1 AND tentative`, [moved.submissionId]);
    await bumpSessionVersions(manager, placed.map((r) => r.session_id));
  }

  /**
   * Accepts every proposal placed tentatively in the event's draft, one transition each (its own
   * transaction: history, state, mails in the outbox, the flag cleared). A proposal that cannot be
   * accepted (withdrawn meanwhile…) is reported with the transition's error; the others go on.
   */
  async acceptPlaced(eventId: string, caller: RequestUser): Promise<TentativeAcceptanceResponse> {
    await loadProgrammeEvent(this.dataSource.manager, eventId);
    const rows = await this.dataSource.query<TentativeRow[]>(
      `SELECT t.id AS talk_id, t.session_id, t.submission_id, sub.title_fr, sub.title_en
       FROM talks t JOIN sessions s ON s.id = t.session_id JOIN submissions sub ON sub.id = t.submission_id
       WHERE s.event_id = $1 AND t.tentative ORDER BY s.starts_at, s.id, t.position`,
      [eventId],
    );
    const items: TentativeAcceptanceItemResponse[] = [];
    for (const row of rows) {
      const base = { talkId: row.talk_id, sessionId: row.session_id, submissionId: row.submission_id, titleFr: row.title_fr, titleEn: row.title_en };
      try {
        const after = await this.transitions.transition(row.submission_id, { action: 'accept' }, caller);
        items.push({ ...base, outcome: 'accepted', state: after.state });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const [now] = await this.dataSource.query<Array<{ state: string }>>(`SELECT state FROM submissions WHERE id = $1`, [row.submission_id]);
        items.push({ ...base, outcome: 'failed', state: now?.state ?? 'unknown', error: { code: error.code, message: error.message } });
      }
    }
    return { accepted: items.filter((i) => i.outcome === 'accepted').length, failed: items.filter((i) => i.outcome === 'failed').length, items };
  }
}
