import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type pg from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { DomainError } from '../common/errors/domain-error.js';
import { CLOCK, type Clock } from '../common/time/clock.js';
import { formatInZone } from '../common/time/zoned-time.js';
import { EventsService } from '../events/events.service.js';
import { categoryLabelFr, type LabelForm, type ParticipantCategory } from '../participants/participant-category.js';
import { badgeCategory } from '../participants/participant-fields.js';
import {
  alreadyCheckedInMessages,
  checkedInMessages,
  decideScan,
  localDay,
  partReference,
  staffName,
  unknownBadge,
  type AdmissionStatus,
} from './check-in-rules.js';
import { assembleStats, quarterHourSeries, type CheckInCountRow, type PartCountRow, type QuarterHourCountRow } from './check-in-stats.js';
import type { CheckInDto } from './dto/check-in.dto.js';
import type { CheckInStatsResponse } from './dto/check-in-stats.response.js';
import type { CheckInResponse } from './dto/check-in.response.js';
import { scanStatement, type PartLookup } from './scan-statement.js';

interface HolderRow {
  id: string;
  event_id: string;
  status: 'registered' | 'cancelled';
  anonymised: boolean;
  first_name: string;
  last_name: string;
  affiliation: string | null;
  categories: string[];
  programme_roles: string[];
  label_form: LabelForm;
  time_zone: string;
  /** The check-in the request's nonce already wrote, if any. */
  nonce_check_in_id: string | null;
}

/** What the scan's one statement answers (scan-statement.ts): the facts, and the check-in written now or already there. */
interface ScanRow extends HolderRow {
  part_id: string | null;
  part_code: string | null;
  part_name_fr: string | null;
  part_kind: string | null;
  part_day: string | null;
  part_admission: AdmissionStatus | null;
  /** The day a check-in counts for (checkInDay, computed by PostgreSQL in the event's zone). */
  check_in_day: string;
  staff_name: string | null;
  written_id: string | null;
  written_at: Date | null;
  earlier_id: string | null;
  earlier_at: Date | null;
  earlier_by: string | null;
  earlier_staff_name: string | null;
  earlier_staff_email: string | null;
}

interface PartRow {
  id: string;
  code: string;
  name_fr: string;
  kind: string;
  day: string | null;
  admission: AdmissionStatus | null;
}

interface CheckInRow {
  id: string;
  participant_id: string;
  part_id: string;
  day: string;
  checked_in_at: Date;
  checked_in_by: string | null;
  staff_name: string | null;
  staff_email: string | null;
}

const CHECK_IN_COLUMNS = `c.id, c.participant_id, c.part_id, c.day::text AS day, c.checked_in_at, c.checked_in_by,
  u.display_name AS staff_name, u.email AS staff_email`;

/**
 * Check-in at the desk. A scan is one statement (scan-statement.ts): it reads the holder by badge
 * token (never kept in memory: a rotated token is refused at once on every instance), the part with
 * the holder's place in it and the check-in already there, and writes the check-in when the holder
 * may go in, with INSERT … ON CONFLICT DO NOTHING: UQ_check_ins_once makes a concurrent double scan
 * write one row (the second waits for the first's commit, writes nothing and reads the first's row),
 * and UQ_check_ins_nonce makes a retried request find its own row. The pure rules
 * (check-in-rules.ts) then decide the answer from the facts read. One statement writes, so nothing
 * is ever half-written. Reads the participants, parts, admissions and users tables as a read model
 * (on the hot path of the desk); writes only check_ins.
 */
@Injectable()
export class CheckInsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: EventsService,
  ) {}

  /** The pool under TypeORM's DataSource (the embedded engine's one connection, or the server's pool). */
  private get pool(): pg.Pool {
    return (this.dataSource.driver as unknown as { master: pg.Pool }).master;
  }

  async checkIn(dto: CheckInDto, staff: RequestUser): Promise<CheckInResponse> {
    const now = this.clock.now();
    const named = dto.part ?? null;
    const ref = named === null ? null : partReference(named);
    // 1. one statement (scan-statement.ts) reads the facts and, when they admit the holder and no
    //    check-in is there yet, writes it
    const [scan] = await this.scan(ref === null ? 'today' : 'id' in ref ? 'id' : 'code', [
      dto.token,
      dto.nonce ?? null,
      now,
      staff.id,
      ref === null ? null : 'id' in ref ? ref.id : ref.code,
      dto.eventId ?? null,
    ]);
    if (!scan) throw unknownBadge();
    if (scan.nonce_check_in_id) return this.replay(scan, scan.nonce_check_in_id);

    // 2. the rules decide the answer (the statement wrote only when they admit: see ADMITTED)
    const today = localDay(now, scan.time_zone);
    const part: PartRow | null = scan.part_id
      ? { id: scan.part_id, code: scan.part_code!, name_fr: scan.part_name_fr!, kind: scan.part_kind!, day: scan.part_day, admission: scan.part_admission }
      : null;
    const decision = decideScan({
      participant: { id: scan.id, eventId: scan.event_id, status: scan.status, anonymised: scan.anonymised },
      expectedEventId: dto.eventId ?? null,
      part: part ? { id: part.id, code: part.code, nameFr: part.name_fr, kind: part.kind, day: part.day } : null,
      partNamed: dto.part !== undefined,
      today,
      admission: part?.admission ?? null,
    });
    if (decision instanceof DomainError) {
      if (scan.written_id) throw new Error(`check-in ${scan.written_id} written although the rules refuse it (${decision.code}): ADMITTED and decideScan disagree`);
      throw decision;
    }

    // 3. the answer: the row written now, or the one already there for this part and day
    const day = scan.check_in_day;
    if (scan.written_id) {
      const row: CheckInRow = {
        id: scan.written_id,
        participant_id: scan.id,
        part_id: decision.part.id,
        day,
        checked_in_at: scan.written_at!,
        checked_in_by: staff.id,
        staff_name: scan.staff_name,
        staff_email: staff.email,
      };
      return this.answer(scan, part!, row, true);
    }
    if (scan.earlier_id) {
      const row: CheckInRow = {
        id: scan.earlier_id,
        participant_id: scan.id,
        part_id: decision.part.id,
        day,
        checked_in_at: scan.earlier_at!,
        checked_in_by: scan.earlier_by,
        staff_name: scan.earlier_staff_name,
        staff_email: scan.earlier_staff_email,
      };
      return this.answer(scan, part!, row, false);
    }
    // nothing written and nothing seen: a concurrent scan committed its row after this statement's
    // snapshot (the INSERT waited for it, then did nothing): read the winner's row
    const earlier = await this.read(`c.participant_id = $1 AND c.part_id = $2 AND c.day = $3::date`, [scan.id, decision.part.id, day]);
    if (earlier) return this.answer(scan, part!, earlier, false);
    // the conflict was on the nonce: a concurrent retry of this very request wrote it
    const byNonce = dto.nonce ? await this.read(`c.event_id = $1 AND c.nonce = $2`, [scan.event_id, dto.nonce]) : null;
    if (byNonce) return this.replay(scan, byNonce.id);
    throw new DomainError(409, 'CONFLICT', 'The check-in conflicts with another one; scan again');
  }

  async stats(eventId: string): Promise<CheckInStatsResponse> {
    const event = await this.events.get(eventId);
    const now = this.clock.now();
    const today = localDay(now, event.timeZone);
    const parts = await this.dataSource.query<PartCountRow[]>(
      `SELECT ep.id, ep.code, ep.name_fr, ep.kind, ep.day::text AS day, ep.capacity,
              (SELECT count(*) FROM part_admissions a WHERE a.part_id = ep.id AND a.status = 'admitted')::int AS admitted
         FROM event_parts ep
        WHERE ep.event_id = $1
        ORDER BY ep.display_order, ep.day NULLS LAST, ep.code`,
      [eventId],
    );
    const counts = await this.dataSource.query<CheckInCountRow[]>(
      `SELECT part_id, day::text AS day, count(*)::int AS checked_in FROM check_ins WHERE event_id = $1 GROUP BY part_id, day`,
      [eventId],
    );
    // today's arrivals by quarter hour: the local day's bounds computed by PostgreSQL in the event's zone
    const quarters = await this.dataSource.query<QuarterHourCountRow[]>(
      `SELECT to_timestamp(floor(extract(epoch FROM checked_in_at) / 900) * 900) AS quarter, count(*)::int AS checked_in
         FROM check_ins
        WHERE event_id = $1
          AND checked_in_at >= ($2::date::timestamp AT TIME ZONE $3)
          AND checked_in_at < (($2::date + 1)::timestamp AT TIME ZONE $3)
        GROUP BY 1`,
      [eventId, today, event.timeZone],
    );
    const arrivalsToday = quarterHourSeries(
      quarters.map((q) => ({ quarter: new Date(q.quarter), checked_in: q.checked_in })),
      now,
    ).map((q) => ({ start: formatInZone(q.startUtc, event.timeZone), startUtc: q.startUtc.toISOString(), checkedIn: q.checkedIn }));
    return { eventId, timeZone: event.timeZone, today, generatedAt: formatInZone(now, event.timeZone), parts: assembleStats(parts, counts, today), arrivalsToday };
  }

  /**
   * The answer a request with this nonce got the first time it wrote check-in `id` (a retry answers
   * as the first request did); a nonce that wrote another badge's check-in is 422.
   */
  private async replay(holder: HolderRow, id: string): Promise<CheckInResponse> {
    const row = await this.read(`c.id = $1`, [id]);
    if (!row) throw new DomainError(409, 'CONFLICT', 'The check-in vanished while it was read; scan again');
    if (row.participant_id !== holder.id) {
      throw new DomainError(422, 'NONCE_REUSED', 'This nonce was already used for another badge: send a new one for each scan', {
        messageFr: 'Identifiant de requête déjà utilisé pour un autre badge',
      });
    }
    const [part] = await this.dataSource.query<PartRow[]>(
      `SELECT id, code, name_fr, kind, day::text AS day, 'admitted' AS admission FROM event_parts WHERE id = $1`,
      [row.part_id],
    );
    return this.answer(holder, part, row, true);
  }

  /**
   * The scan's statement as a named prepared statement on the application's pool: each connection
   * parses it once and PostgreSQL keeps its plan (half a millisecond of planning a scan otherwise;
   * TypeORM's query() sends unnamed statements). Logged through TypeORM's logger like every other
   * statement; a PostgreSQL error is wrapped as TypeORM's, so the error filter maps it the same way.
   */
  private async scan(lookup: PartLookup, values: unknown[]): Promise<ScanRow[]> {
    const text = scanStatement(lookup);
    this.dataSource.logger.logQuery(text, values);
    try {
      const result = await this.pool.query<ScanRow>({ name: `check-in-scan-${lookup}`, text, values });
      return result.rows;
    } catch (error) {
      throw new QueryFailedError(text, values, error as Error);
    }
  }

  private async read(where: string, params: unknown[]): Promise<CheckInRow | null> {
    const [row] = await this.dataSource.query<CheckInRow[]>(
      `SELECT ${CHECK_IN_COLUMNS} FROM check_ins c LEFT JOIN users u ON u.id = c.checked_in_by WHERE ${where}`,
      params,
    );
    return row ?? null;
  }

  private answer(holder: HolderRow, part: PartRow, row: CheckInRow, created: boolean): CheckInResponse {
    const zone = holder.time_zone;
    const at = new Date(row.checked_in_at);
    const by = row.checked_in_by || row.staff_email ? staffName({ displayName: row.staff_name, email: row.staff_email }) : staffName(null);
    const messages = created ? checkedInMessages(at, zone, part.name_fr) : alreadyCheckedInMessages(at, zone, by);
    const category = badgeCategory(holder.categories, holder.programme_roles);
    return {
      status: created ? 'checked-in' : 'already-checked-in',
      created,
      message: messages.en,
      messageFr: messages.fr,
      checkInId: row.id,
      participant: {
        id: holder.id,
        firstName: holder.first_name,
        lastName: holder.last_name,
        affiliation: holder.affiliation,
        primaryCategory: category,
        categoryLabelFr: category ? categoryLabelFr(category as ParticipantCategory, holder.label_form) : null,
      },
      part: { id: part.id, code: part.code, nameFr: part.name_fr, kind: part.kind, day: part.day },
      day: row.day,
      checkedInAt: formatInZone(at, zone),
      checkedInAtUtc: at.toISOString(),
      checkedInBy: row.checked_in_by || row.staff_email ? { id: row.checked_in_by, name: by } : null,
    };
  }
}
