import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, conflict, notFound, validationFailed } from '../common/errors/domain-error.js';
import { nextStatus, type AdmissionOutcome, type AdmissionStatus } from './admission-rules.js';
import type { AdmissionQuota } from './part-admission.entity.js';
import { AdmissionMailer } from './admission-mailer.service.js';
import { inDisplayOrder, type AdmissionView } from './admission-view.js';
import { newcomerAnswers, planNewcomers, writeNewcomers } from './newcomer-placement.js';
import { addAdmitted, lockPart, lockPartFor, lockParts, returned, type LockedPart } from './part-locks.js';
import { positionIn, promoteWaiting } from './waiting-list.js';

export type { AdmissionView } from './admission-view.js';

/** A place the programme gives: this participant in this part. */
export interface ProgrammePlace {
  participantId: string;
  partId: string;
}

export interface RequestSeatOptions {
  /** An organiser admits: any rule, and a waiting or requested person is admitted while seats remain. */
  byOrganiser?: boolean;
}

/**
 * Seats in the parts of an event: the one way to give or take a seat (exported by
 * RegistrationsModule). Every method works inside the caller's transaction (its EntityManager) and
 * takes the part's row lock (part-locks.ts) before it reads the counter, so the check and the
 * admission are one step whatever the concurrency; several parts are locked in the order of their
 * ids, so two transactions never wait on each other in a cycle. The CHK_event_parts_capacity
 * constraint is the backstop. Waiting people are admitted in queue order (waiting-list.ts) and told
 * by mail through the outbox (AdmissionMailer; guests without an email are not mailed). The rules
 * are pure (admission-rules.ts); placing a batch of newcomers is newcomer-placement.ts. Speakers
 * and chairs get places of the programme's quota (admitProgramme), outside the capacity: the
 * counter counts public places only, and releasing a programme place frees no seat.
 */
@Injectable()
export class AdmissionsService {
  constructor(private readonly mailer: AdmissionMailer) {}

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
    const promotedByOrganiser: string[] = [];
    for (const partId of [...new Set(partIds)].sort()) {
      // one round trip: the part locked, with the participant's current place in it
      const { part, current } = await lockPartFor(manager, partId, participantId);
      if (part.eventId !== participant.eventId) throw validationFailed('This part belongs to another event', { partId });
      const place = (status: AdmissionStatus, position: number | null) =>
        places.push({ partId, code: part.code, nameFr: part.nameFr, nameEn: part.nameEn, status, position, displayOrder: part.displayOrder });
      const next = nextStatus(current, part, byOrganiser);
      if (next === null) {
        place(current as AdmissionStatus, current === 'waiting' ? await positionIn(manager, partId, participantId) : null);
        continue;
      }
      if (typeof next !== 'string') {
        throw new DomainError(409, 'INVITATION_ONLY', `« ${part.nameFr} » is by invitation: only the organisers admit to it`, { partId, code: part.code });
      }
      if (current === null) {
        place(next, await this.writeFirstPlace(manager, part, participantId, next));
        continue;
      }
      if (current === 'cancelled') {
        // back at the end of the queue
        await manager.query(
          `UPDATE part_admissions SET status = $3::varchar, quota = 'public', queue_no = nextval(pg_get_serial_sequence('part_admissions', 'queue_no')),
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
      if (next === 'admitted') await addAdmitted(manager, part, 1);
      place(next, next === 'waiting' ? await positionIn(manager, partId, participantId) : null);
    }
    for (const partId of promotedByOrganiser) await this.mailer.tellAdmitted(manager, partId, [participantId]);
    return inDisplayOrder(places);
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
    const parts = await lockParts(manager, ids);
    const foreign = parts.find((p) => p.eventId !== eventId);
    if (foreign) throw validationFailed('This part belongs to another event', { partId: foreign.id });
    const plan = planNewcomers(parts, participantIds);
    const waitingBefore = await writeNewcomers(manager, parts, plan);
    return newcomerAnswers(parts, plan, participantIds.length, waitingBefore);
  }

  /**
   * Cancels a participant's place in a part (nothing happens if they hold none). A freed seat of the
   * public capacity goes at once to the head of the waiting list, who is mailed; a place of the
   * programme's quota frees none.
   */
  async releaseSeat(manager: EntityManager, partId: string, participantId: string): Promise<void> {
    const part = await lockPart(manager, partId);
    const released = returned<{ status: AdmissionStatus; quota: AdmissionQuota }>(
      await manager.query(
        `UPDATE part_admissions a SET status = 'cancelled', cancelled_at = now()
         FROM (SELECT id, status, quota FROM part_admissions WHERE part_id = $1 AND participant_id = $2 AND status <> 'cancelled' FOR UPDATE) old
         WHERE a.id = old.id RETURNING old.status, old.quota`,
        [partId, participantId],
      ),
    );
    if (released[0]?.status !== 'admitted' || released[0].quota !== 'public') return;
    await addAdmitted(manager, part, -1);
    await this.admitWaiting(manager, part);
  }

  /**
   * Admits speakers and chairs to parts outside the public capacity (the programme's quota), whatever
   * the parts' rules and however full they are: nobody's seat is taken, nobody goes to the waiting
   * list. Someone waiting or asking leaves the queue admitted; someone holding a public seat keeps
   * the place, now in the programme's quota, and the seat freed goes at once to the head of the
   * waiting list (mailed). Places already of the programme are left as they are. Participants whose
   * registration is cancelled, or anonymised, are left out. The parts are locked in id order; one
   * statement writes the places and gives back the freed seats. Answers how many places it wrote.
   */
  async admitProgramme(manager: EntityManager, places: readonly ProgrammePlace[]): Promise<number> {
    if (!places.length) return 0;
    const parts = await lockParts(manager, [...new Set(places.map((p) => p.partId))].sort());
    const [result]: { placed: number; freed: Array<{ part_id: string; n: number }> | null }[] = await manager.query(
      `WITH x AS (
         SELECT DISTINCT x.part_id, x.participant_id
         FROM unnest($1::uuid[], $2::uuid[]) AS x(part_id, participant_id)
         JOIN participants p ON p.id = x.participant_id
         JOIN event_parts e ON e.id = x.part_id AND e.event_id = p.event_id
         WHERE p.status = 'registered' AND p.anonymised_at IS NULL),
       freed AS (
         SELECT a.part_id, count(*)::int AS n FROM part_admissions a JOIN x ON x.part_id = a.part_id AND x.participant_id = a.participant_id
         WHERE a.status = 'admitted' AND a.quota = 'public' GROUP BY a.part_id),
       placed AS (
         INSERT INTO part_admissions (part_id, participant_id, status, quota, admitted_at)
         SELECT x.part_id, x.participant_id, 'admitted', 'programme', now() FROM x
         ON CONFLICT ON CONSTRAINT "UQ_part_admissions_participant" DO UPDATE
           SET status = 'admitted', quota = 'programme', cancelled_at = NULL,
               admitted_at = CASE WHEN part_admissions.status = 'admitted' THEN part_admissions.admitted_at ELSE now() END
           WHERE part_admissions.status <> 'admitted' OR part_admissions.quota <> 'programme'
         RETURNING 1),
       counted AS (
         UPDATE event_parts e SET admitted_count = e.admitted_count - f.n FROM freed f WHERE e.id = f.part_id RETURNING e.id)
       SELECT (SELECT count(*)::int FROM placed) AS placed,
              (SELECT json_agg(json_build_object('part_id', f.part_id, 'n', f.n)) FROM freed f WHERE EXISTS (SELECT 1 FROM counted c WHERE c.id = f.part_id)) AS freed`,
      [places.map((p) => p.partId), places.map((p) => p.participantId)],
    );
    for (const { part_id, n } of result.freed ?? []) {
      const part = parts.find((p) => p.id === part_id)!;
      part.admittedCount -= n;
      await this.admitWaiting(manager, part);
    }
    return result.placed;
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
    return this.admitWaiting(manager, await lockPart(manager, partId));
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

  /**
   * A first place in the locked part: the place, the counter and the position in one statement, so
   * the lock is held for as few round trips as possible. The statement's snapshot is taken under the
   * lock, so it sees every waiting place of the part but its own: all of them queued before it.
   * Answers the position of a waiting place (null otherwise).
   */
  private async writeFirstPlace(manager: EntityManager, part: LockedPart, participantId: string, next: AdmissionOutcome): Promise<number | null> {
    const rows: { position: number | null }[] = await manager.query(
      `WITH placed AS (
         INSERT INTO part_admissions (part_id, participant_id, status, admitted_at) VALUES ($1, $2, $3::varchar, CASE WHEN $3::varchar = 'admitted' THEN now() END) RETURNING status),
       counted AS (
         UPDATE event_parts SET admitted_count = admitted_count + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM placed WHERE status = 'admitted') RETURNING id)
       SELECT CASE WHEN $3::varchar = 'waiting' THEN (SELECT count(*)::int FROM part_admissions w WHERE w.part_id = $1 AND w.status = 'waiting') + 1 END AS position,
              (SELECT count(*)::int FROM counted) AS counted`,
      [part.id, participantId, next],
    );
    if (next === 'admitted') part.admittedCount += 1;
    return rows[0]?.position ?? null;
  }

  private async admitWaiting(manager: EntityManager, part: LockedPart): Promise<string[]> {
    const ids = await promoteWaiting(manager, part);
    await this.mailer.tellAdmitted(manager, part.id, ids);
    return ids;
  }

  private async participantOf(manager: EntityManager, participantId: string): Promise<{ eventId: string; status: string }> {
    const rows: { event_id: string; status: string }[] = await manager.query(`SELECT event_id, status FROM participants WHERE id = $1`, [participantId]);
    if (!rows[0]) throw notFound('Participant', { participantId });
    return { eventId: rows[0].event_id, status: rows[0].status };
  }
}
