import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, conflict, notFound, validationFailed } from '../common/errors/domain-error.js';
import { MailService } from '../mail/mail.service.js';
import { nextStatus, promotable, type AdmissionOutcome, type AdmissionRule, type AdmissionStatus } from './admission-rules.js';

/** The rows of an UPDATE … RETURNING: TypeORM's postgres driver answers such a query with [rows, affected]. */
function returned<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

/** A part's row as read under its lock. */
interface LockedPart {
  id: string;
  eventId: string;
  code: string;
  nameFr: string;
  nameEn: string | null;
  admission: AdmissionRule;
  capacity: number | null;
  admittedCount: number;
  displayOrder: number;
}

/** A participant's place in one part, as the registration and the organisers see it. */
export interface AdmissionView {
  partId: string;
  code: string;
  nameFr: string;
  nameEn: string | null;
  status: AdmissionStatus;
  /** Waiting only: 1 for the head of the queue. */
  position: number | null;
}

export interface RequestSeatOptions {
  /** An organiser admits: any rule, and a waiting or requested person is admitted while seats remain. */
  byOrganiser?: boolean;
}

/**
 * Seats in the parts of an event. Every method works inside the caller's transaction (its
 * EntityManager) and takes the part's row lock (SELECT … FOR UPDATE) before it reads the counter,
 * so the check and the admission are one step whatever the concurrency; several parts are locked in
 * the order of their ids, so two transactions never wait on each other in a cycle. The
 * CHK_event_parts_capacity constraint is the backstop. Waiting people are admitted in queue order
 * (queue_no, given when the row is written under the lock) and told by mail through the outbox.
 */
@Injectable()
export class AdmissionsService {
  constructor(private readonly mail: MailService) {}

  /** Asks for a seat in one part: 'admitted', 'waiting' or 'requested' (unchanged when already held). */
  async requestSeat(manager: EntityManager, partId: string, participantId: string, options: RequestSeatOptions = {}): Promise<AdmissionOutcome> {
    const outcomes = await this.requestSeats(manager, participantId, [partId], options);
    return outcomes.get(partId)!;
  }

  /** Asks for seats in several parts at once (locked in id order); the outcome per part id. */
  async requestSeats(manager: EntityManager, participantId: string, partIds: string[], options: RequestSeatOptions = {}): Promise<Map<string, AdmissionOutcome>> {
    const places = await this.placeInParts(manager, participantId, partIds, options);
    return new Map(places.map((p) => [p.partId, p.status as AdmissionOutcome]));
  }

  /**
   * As requestSeats, but answers each place as admissionsOf shows it (status, and the position of a
   * waiting one, read under the part's lock in the statement that writes the place), in the same
   * order, so that a caller needing them (the registration's answer) sends nothing more while the
   * parts' locks are held: each statement under a lock lengthens the queue of everyone behind it.
   */
  async placeInParts(manager: EntityManager, participantId: string, partIds: string[], options: RequestSeatOptions = {}): Promise<AdmissionView[]> {
    const byOrganiser = options.byOrganiser ?? false;
    const participant = await this.participantOf(manager, participantId);
    if (participant.status !== 'registered') throw conflict('This participant’s registration is cancelled', { participantId }, 'PARTICIPANT_CANCELLED');
    const places: (AdmissionView & { displayOrder: number })[] = [];
    const ids = [...new Set(partIds)].sort();
    const promotedByOrganiser: string[] = [];
    for (const partId of ids) {
      // one round trip: the part locked, with the participant's current place in it
      const { part, current } = await this.lockPartFor(manager, partId, participantId);
      if (part.eventId !== participant.eventId) throw validationFailed('This part belongs to another event', { partId });
      const place = (status: AdmissionStatus, position: number | null) =>
        places.push({ partId, code: part.code, nameFr: part.nameFr, nameEn: part.nameEn, status, position, displayOrder: part.displayOrder });
      const next = nextStatus(current, part, byOrganiser);
      if (next === null) {
        place(current as AdmissionStatus, current === 'waiting' ? await this.positionIn(manager, partId, participantId) : null);
        continue;
      }
      if (typeof next !== 'string') {
        throw new DomainError(409, 'INVITATION_ONLY', `« ${part.nameFr} » is by invitation: only the organisers admit to it`, { partId, code: part.code });
      }
      if (current === null) {
        // the new place, the counter and the position in one statement, so the lock is held for as few round trips as
        // possible. The statement's snapshot is taken under the lock, so it sees every waiting place of the part but its
        // own: all of them queued before it.
        const rows: { position: number | null }[] = await manager.query(
          `WITH placed AS (
             INSERT INTO part_admissions (part_id, participant_id, status, admitted_at) VALUES ($1, $2, $3::varchar, CASE WHEN $3::varchar = 'admitted' THEN now() END) RETURNING status),
           counted AS (
             UPDATE event_parts SET admitted_count = admitted_count + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM placed WHERE status = 'admitted') RETURNING id)
           SELECT CASE WHEN $3::varchar = 'waiting' THEN (SELECT count(*)::int FROM part_admissions w WHERE w.part_id = $1 AND w.status = 'waiting') + 1 END AS position,
                  (SELECT count(*)::int FROM counted) AS counted`,
          [partId, participantId, next],
        );
        if (next === 'admitted') part.admittedCount += 1;
        place(next, rows[0]?.position ?? null);
        continue;
      } else if (current === 'cancelled') {
        // back at the end of the queue
        await manager.query(
          `UPDATE part_admissions SET status = $3::varchar, queue_no = nextval(pg_get_serial_sequence('part_admissions', 'queue_no')),
                  admitted_at = CASE WHEN $3::varchar = 'admitted' THEN now() END, cancelled_at = NULL
           WHERE part_id = $1 AND participant_id = $2`,
          [partId, participantId, next],
        );
      } else {
        // an organiser admits someone waiting or who asked: they keep their queue number
        await manager.query(
          `UPDATE part_admissions SET status = $3::varchar, admitted_at = CASE WHEN $3::varchar = 'admitted' THEN now() END WHERE part_id = $1 AND participant_id = $2`,
          [partId, participantId, next],
        );
        if (next === 'admitted') promotedByOrganiser.push(partId);
      }
      if (next === 'admitted') await this.addAdmitted(manager, part, 1);
      place(next, next === 'waiting' ? await this.positionIn(manager, partId, participantId) : null);
    }
    for (const partId of promotedByOrganiser) await this.tellAdmitted(manager, partId, [participantId]);
    // the order of admissionsOf: display order, then code (codes are [a-z0-9-], compared bytewise as COLLATE "C" does)
    places.sort((a, b) => a.displayOrder - b.displayOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return places.map(({ displayOrder: _order, ...view }) => view);
  }

  /**
   * Places several new participants (just inserted in this transaction, holding no place yet) in the
   * same parts, in the order given (first come, first served): each part is locked once, in id order,
   * then one statement writes every place, the counters and reads the waiting lists (its snapshot is
   * taken under the locks, so it sees every place queued before these). The same rules as placeInParts
   * (admitted while seats remain, then waiting; requested for an on-request part); a part by
   * invitation refuses them all (409 INVITATION_ONLY). Answers each participant's places as
   * placeInParts does, in the order of participantIds.
   */
  async placeNewcomers(manager: EntityManager, eventId: string, participantIds: string[], partIds: string[]): Promise<AdmissionView[][]> {
    const ids = [...new Set(partIds)].sort();
    if (!ids.length || !participantIds.length) return participantIds.map(() => []);
    const rows: { id: string; event_id: string; code: string; name_fr: string; name_en: string | null; admission: AdmissionRule; capacity: number | null; admitted_count: number; display_order: number }[] =
      await manager.query(
        `SELECT p.id, p.event_id, p.code, p.name_fr, p.name_en, p.admission, p.capacity, p.admitted_count, p.display_order
         FROM event_parts p WHERE p.id = ANY($1::uuid[]) ORDER BY p.id FOR UPDATE OF p`,
        [ids],
      );
    const parts: LockedPart[] = ids.map((id) => {
      const r = rows.find((x) => x.id === id);
      if (!r) throw notFound('Part', { partId: id });
      if (r.event_id !== eventId) throw validationFailed('This part belongs to another event', { partId: id });
      return { id: r.id, eventId: r.event_id, code: r.code, nameFr: r.name_fr, nameEn: r.name_en, admission: r.admission, capacity: r.capacity, admittedCount: r.admitted_count, displayOrder: r.display_order };
    });
    const placedPart: string[] = [];
    const placedPerson: string[] = [];
    const placedStatus: AdmissionOutcome[] = [];
    const added: number[] = [];
    for (const part of parts) {
      const before = part.admittedCount;
      for (const participantId of participantIds) {
        const next = nextStatus(null, part, false);
        if (next === null || typeof next !== 'string') {
          throw new DomainError(409, 'INVITATION_ONLY', `« ${part.nameFr} » is by invitation: only the organisers admit to it`, { partId: part.id, code: part.code });
        }
        if (next === 'admitted') part.admittedCount += 1;
        placedPart.push(part.id);
        placedPerson.push(participantId);
        placedStatus.push(next);
      }
      added.push(part.admittedCount - before);
    }
    const [result]: { placed: number; counted: number; waiting: number[] }[] = await manager.query(
      `WITH placed AS (
         INSERT INTO part_admissions (part_id, participant_id, status, admitted_at)
         SELECT x.part_id, x.participant_id, x.status, CASE WHEN x.status = 'admitted' THEN now() END
         FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) WITH ORDINALITY AS x(part_id, participant_id, status, ord)
         ORDER BY x.ord
         RETURNING 1),
       counted AS (
         UPDATE event_parts e SET admitted_count = e.admitted_count + c.n
         FROM unnest($4::uuid[], $5::int[]) AS c(id, n) WHERE e.id = c.id AND c.n > 0 RETURNING 1)
       SELECT (SELECT count(*)::int FROM placed) AS placed, (SELECT count(*)::int FROM counted) AS counted,
              ARRAY(SELECT (SELECT count(*)::int FROM part_admissions w WHERE w.part_id = p.id AND w.status = 'waiting')
                    FROM unnest($4::uuid[]) WITH ORDINALITY AS p(id, ord) ORDER BY p.ord) AS waiting`,
      [placedPart, placedPerson, placedStatus, ids, added],
    );
    if (result.placed !== placedPart.length || result.counted !== added.filter((n) => n > 0).length) {
      throw new Error(`placeNewcomers: ${result.placed} places and ${result.counted} counters written, ${placedPart.length} and ${added.filter((n) => n > 0).length} expected`);
    }
    const answers: (AdmissionView & { displayOrder: number })[][] = participantIds.map(() => []);
    let k = 0;
    parts.forEach((part, i) => {
      let queued = Number(result.waiting[i]);
      participantIds.forEach((_id, j) => {
        const status = placedStatus[k++];
        const position = status === 'waiting' ? ++queued : null;
        answers[j].push({ partId: part.id, code: part.code, nameFr: part.nameFr, nameEn: part.nameEn, status, position, displayOrder: part.displayOrder });
      });
    });
    return answers.map((places) =>
      places
        .sort((a, b) => a.displayOrder - b.displayOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
        .map(({ displayOrder: _order, ...view }) => view),
    );
  }

  /**
   * Cancels a participant's place in a part (nothing happens if they hold none). A freed seat goes at
   * once to the head of the waiting list, who is mailed.
   */
  async releaseSeat(manager: EntityManager, partId: string, participantId: string): Promise<void> {
    const part = await this.lockPart(manager, partId);
    const released = returned<{ status: AdmissionStatus }>(await manager.query(
      `UPDATE part_admissions a SET status = 'cancelled', cancelled_at = now()
       FROM (SELECT id, status FROM part_admissions WHERE part_id = $1 AND participant_id = $2 AND status <> 'cancelled' FOR UPDATE) old
       WHERE a.id = old.id RETURNING old.status`,
      [partId, participantId],
    ));
    if (released[0]?.status !== 'admitted') return;
    await this.addAdmitted(manager, part, -1);
    await this.admitWaiting(manager, part);
  }

  /** Cancels every place of a participant (their registration is cancelled), promoting waiting people. */
  async releaseAll(manager: EntityManager, participantId: string): Promise<void> {
    const rows: { part_id: string }[] = await manager.query(
      `SELECT part_id FROM part_admissions WHERE participant_id = $1 AND status <> 'cancelled' ORDER BY part_id`,
      [participantId],
    );
    for (const { part_id } of rows) await this.releaseSeat(manager, part_id, participantId);
  }

  /**
   * Admits waiting people in queue order while the part has free seats (after a cancellation or a
   * larger capacity); mails each one. Returns the participants admitted.
   */
  async admitWaitingList(manager: EntityManager, partId: string): Promise<string[]> {
    return this.admitWaiting(manager, await this.lockPart(manager, partId));
  }

  /** A participant's places (cancelled ones left out), with the position of each waiting one. */
  async admissionsOf(manager: EntityManager, participantId: string): Promise<AdmissionView[]> {
    const rows: { part_id: string; code: string; name_fr: string; name_en: string | null; status: AdmissionStatus; position: string | null }[] = await manager.query(
      `SELECT a.part_id, p.code, p.name_fr, p.name_en, a.status,
              CASE WHEN a.status = 'waiting' THEN
                (SELECT count(*) FROM part_admissions w WHERE w.part_id = a.part_id AND w.status = 'waiting' AND w.queue_no <= a.queue_no)
              END AS position
       FROM part_admissions a JOIN event_parts p ON p.id = a.part_id
       WHERE a.participant_id = $1 AND a.status <> 'cancelled'
       ORDER BY p.display_order, p.code COLLATE "C"`,
      [participantId],
    );
    return rows.map((r) => ({
      partId: r.part_id,
      code: r.code,
      nameFr: r.name_fr,
      nameEn: r.name_en,
      status: r.status,
      position: r.position === null ? null : Number(r.position),
    }));
  }

  /** Locks the part's row and reads its counter and the participant's current place, in one query. */
  private async lockPartFor(manager: EntityManager, partId: string, participantId: string): Promise<{ part: LockedPart; current: AdmissionStatus | null }> {
    const rows: { id: string; event_id: string; code: string; name_fr: string; name_en: string | null; admission: AdmissionRule; capacity: number | null; admitted_count: number; display_order: number; current: AdmissionStatus | null }[] =
      await manager.query(
        `SELECT p.id, p.event_id, p.code, p.name_fr, p.name_en, p.admission, p.capacity, p.admitted_count, p.display_order,
                (SELECT a.status FROM part_admissions a WHERE a.part_id = p.id AND a.participant_id = $2) AS current
         FROM event_parts p WHERE p.id = $1 FOR UPDATE OF p`,
        [partId, participantId],
      );
    const r = rows[0];
    if (!r) throw notFound('Part', { partId });
    return {
      part: { id: r.id, eventId: r.event_id, code: r.code, nameFr: r.name_fr, nameEn: r.name_en, admission: r.admission, capacity: r.capacity, admittedCount: r.admitted_count, displayOrder: r.display_order },
      current: r.current,
    };
  }

  /** Locks the part's row for the rest of the transaction and reads its counter. */
  private async lockPart(manager: EntityManager, partId: string): Promise<LockedPart> {
    const rows: { id: string; event_id: string; code: string; name_fr: string; name_en: string | null; admission: AdmissionRule; capacity: number | null; admitted_count: number; display_order: number }[] =
      await manager.query(
        `SELECT id, event_id, code, name_fr, name_en, admission, capacity, admitted_count, display_order FROM event_parts WHERE id = $1 FOR UPDATE`,
        [partId],
      );
    const r = rows[0];
    if (!r) throw notFound('Part', { partId });
    return { id: r.id, eventId: r.event_id, code: r.code, nameFr: r.name_fr, nameEn: r.name_en, admission: r.admission, capacity: r.capacity, admittedCount: r.admitted_count, displayOrder: r.display_order };
  }

  private async addAdmitted(manager: EntityManager, part: LockedPart, delta: number): Promise<void> {
    await manager.query(`UPDATE event_parts SET admitted_count = admitted_count + $2 WHERE id = $1`, [part.id, delta]);
    part.admittedCount += delta;
  }

  private async admitWaiting(manager: EntityManager, part: LockedPart): Promise<string[]> {
    const waitingCount = Number((await manager.query(`SELECT count(*) AS n FROM part_admissions WHERE part_id = $1 AND status = 'waiting'`, [part.id]))[0].n);
    const n = promotable(part, waitingCount);
    if (n <= 0) return [];
    const limit = Number.isFinite(n) ? n : waitingCount;
    const admitted = returned<{ participant_id: string }>(await manager.query(
      `UPDATE part_admissions a SET status = 'admitted', admitted_at = now()
       FROM (SELECT id FROM part_admissions WHERE part_id = $1 AND status = 'waiting' ORDER BY queue_no LIMIT $2 FOR UPDATE) head
       WHERE a.id = head.id RETURNING a.participant_id`,
      [part.id, limit],
    ));
    if (!admitted.length) return [];
    await this.addAdmitted(manager, part, admitted.length);
    const ids = admitted.map((r) => r.participant_id);
    await this.tellAdmitted(manager, part.id, ids);
    return ids;
  }

  /** Mails each participant that they now hold a seat in the part (programme guests without an email are skipped). */
  private async tellAdmitted(manager: EntityManager, partId: string, participantIds: string[]): Promise<void> {
    if (!participantIds.length) return;
    // the event's name is read through this transaction's connection (the embedded engine has only one)
    const rows: { email: string; first_name: string; last_name: string; part_name: string; event_name: string; event_id: string }[] = await manager.query(
      `SELECT pa.email, pa.first_name, pa.last_name, p.name_fr AS part_name, e.name_fr AS event_name, e.id AS event_id
       FROM participants pa JOIN event_parts p ON p.id = $1 JOIN events e ON e.id = p.event_id
       WHERE pa.id = ANY($2::uuid[]) AND pa.anonymised_at IS NULL AND pa.email IS NOT NULL`,
      [partId, participantIds],
    );
    // one INSERT for everyone promoted at once (raising a capacity can promote hundreds)
    await this.mail.enqueueAll(
      manager,
      rows.map((r) => ({
        to: r.email,
        toName: `${r.first_name} ${r.last_name}`,
        template: 'admission-granted' as const,
        data: { firstName: r.first_name, eventName: r.event_name, partName: r.part_name, link: this.mail.linkTo(`/api/events/${r.event_id}`) },
      })),
    );
  }

  /** A waiting participant's position in the part's queue (1: the head), as admissionsOf counts it. */
  private async positionIn(manager: EntityManager, partId: string, participantId: string): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM part_admissions w
       WHERE w.part_id = $1 AND w.status = 'waiting' AND w.queue_no <= (SELECT queue_no FROM part_admissions WHERE part_id = $1 AND participant_id = $2)`,
      [partId, participantId],
    );
    return rows[0].n;
  }

  private async participantOf(manager: EntityManager, participantId: string): Promise<{ eventId: string; status: string }> {
    const rows: { event_id: string; status: string }[] = await manager.query(`SELECT event_id, status FROM participants WHERE id = $1`, [participantId]);
    if (!rows[0]) throw notFound('Participant', { participantId });
    return { eventId: rows[0].event_id, status: rows[0].status };
  }
}

