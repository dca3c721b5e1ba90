import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { ProgrammePublishedHooks, type ProgrammePublishedListener, type NewRelease } from '../programme/publication/programme-published-hooks.js';
import { ProgrammeReleasesService } from '../programme/publication/programme-releases.service.js';
import type { ProgrammeSnapshot } from '../programme/programme-snapshot.js';
import type { ProgrammeSyncResponse } from './dto/programme-sync.response.js';
import { affectedCount } from './participant-sql.js';
import { AdmissionsService, type ProgrammePlace } from './admissions.service.js';
import { programmeGuests, programmePeople, stageAppearances, type ProgrammeGuest, type ProgrammePerson } from './programme-sync.js';

/** At most `max` characters (never half a surrogate pair). */
const cut = (text: string, max: number) => Array.from(text).slice(0, max).join('');

/** Syncs of one event take turns on this advisory lock (class, then hashtext(event id)). */
const SYNC_LOCK_CLASS = 0x50535943; // 'PSYC'

/**
 * Makes the speakers and chairs of the latest published programme participants of the event
 * (source `programme`, `programme_roles`), and takes the roles away from people the programme no
 * longer names; the categories organisers set are never touched, and a participant left with
 * nothing keeps its record. Guest chairs (no account) are matched on their `guest_key`, never on
 * an email (they have none until an organiser adds one). Set-based: six statements whatever the
 * number of people, in one transaction under a per-event advisory lock. Then each of them is
 * admitted, outside the public capacity, to the day part of every date they speak or chair on and
 * to any part admitting to their sessions (AdmissionsService.admitProgramme): one statement finds
 * the places, one writes them. Places are only ever added: a release that moves a talk to another
 * day admits its speakers there and leaves them the place they had (it costs the public nothing;
 * organisers cancel it by hand if they wish), so no release can leave a speaker without a place
 * on a day they speak.
 *
 * The programme does not know this module (programme must not import participants): this service
 * registers itself with publication's ProgrammePublishedHooks at start-up, and each publication
 * runs `afterPublished` right after its transaction commits, on its connection and under its lock:
 * the people of the new version are participants before the publication answers. What catches up
 * when that step failed (logged) or the process stopped between the two: `ensureSynced` before the
 * participants' list and exports are read, which costs one indexed query (the latest version's
 * number) when nothing new was published, and `POST …/participants/sync-programme`. The last
 * version synced is remembered per event in this process; another instance, or a restart, syncs
 * once more on its first read, which changes nothing.
 */
@Injectable()
export class ProgrammeSyncService implements OnModuleInit, ProgrammePublishedListener {
  readonly name = 'participants from the programme';
  private readonly synced = new Map<string, number>();
  private readonly running = new Map<string, Promise<ProgrammeSyncResponse>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly releases: ProgrammeReleasesService,
    private readonly hooks: ProgrammePublishedHooks,
    private readonly admissions: AdmissionsService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  /** A version was just published: its people, in the transaction the publication opens for it. */
  async afterPublished(manager: EntityManager, release: NewRelease): Promise<void> {
    await this.applyRelease(manager, release.eventId, release.snapshot);
  }

  committed(release: NewRelease): void {
    this.markSynced(release.eventId, release.version);
  }

  /** Syncs when a version newer than the last one synced here has been published. */
  async ensureSynced(eventId: string): Promise<void> {
    let latest: number;
    try {
      latest = (await this.releases.latestTag(eventId)).version;
    } catch (error) {
      if (error instanceof DomainError && error.status === 404) return; // nothing published, or no such event (the caller says 404)
      throw error;
    }
    if ((this.synced.get(eventId) ?? 0) >= latest) return;
    await this.sync(eventId);
  }

  /** Reads the latest release and applies it; concurrent calls for one event share one run. */
  sync(eventId: string): Promise<ProgrammeSyncResponse> {
    const current = this.running.get(eventId);
    if (current) return current;
    const run = this.run(eventId).finally(() => this.running.delete(eventId));
    this.running.set(eventId, run);
    return run;
  }

  private markSynced(eventId: string, version: number): void {
    this.synced.set(eventId, Math.max(this.synced.get(eventId) ?? 0, version));
  }

  private async run(eventId: string): Promise<ProgrammeSyncResponse> {
    // the latest version is read under the event's sync lock, so a sync never applies a version older than one a publication applied before it
    const outcome = await this.dataSource.transaction(async (manager) => {
      await this.lockEvent(manager, eventId);
      const release = await this.releases.latestIn(manager, eventId);
      if (!release) {
        await this.releases.assertEventExists(eventId, manager);
        return null;
      }
      return { version: release.version, ...(await this.applyLocked(manager, eventId, release.snapshot)) };
    });
    if (!outcome) return { version: null, created: 0, updated: 0 };
    this.markSynced(eventId, outcome.version);
    return outcome;
  }

  /** The release's people applied inside the caller's transaction, under the event's sync lock. */
  private async applyRelease(manager: EntityManager, eventId: string, snapshot: ProgrammeSnapshot): Promise<{ created: number; updated: number }> {
    await this.lockEvent(manager, eventId);
    return this.applyLocked(manager, eventId, snapshot);
  }

  private async lockEvent(manager: EntityManager, eventId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SYNC_LOCK_CLASS, eventId]);
  }

  private async applyLocked(manager: EntityManager, eventId: string, snapshot: ProgrammeSnapshot): Promise<{ created: number; updated: number }> {
    if (await this.retentionPassed(manager, eventId)) return { created: 0, updated: 0 };
    const people = programmePeople(snapshot);
    const guests = programmeGuests(snapshot);
    const persons = await this.apply(manager, eventId, people, guests);
    const guestsOutcome = await this.applyGuests(manager, eventId, guests);
    await this.admitOnStage(manager, eventId, snapshot);
    return { created: persons.created + guestsOutcome.created, updated: persons.updated + guestsOutcome.updated };
  }

  /** After the retention date the event's people are not collected again (they may have been anonymised). */
  private async retentionPassed(manager: EntityManager, eventId: string): Promise<boolean> {
    const [row] = await manager.query<Array<{ passed: boolean }>>(
      `SELECT coalesce(s.retention_until < (now() AT TIME ZONE e.time_zone)::date, false) AS passed
       FROM events e LEFT JOIN participant_settings s ON s.event_id = e.id WHERE e.id = $1`,
      [eventId],
    );
    return row?.passed ?? false;
  }

  private async apply(manager: EntityManager, eventId: string, people: ProgrammePerson[], guests: ProgrammeGuest[]): Promise<{ created: number; updated: number }> {
    const json = JSON.stringify(
      people.map((p) => ({
        user_id: p.userId,
        first_name: p.firstName.slice(0, 200),
        last_name: p.lastName.slice(0, 200),
        affiliation: p.affiliation?.slice(0, 300) ?? null,
        roles: p.roles.join(','),
      })),
    );
    // the people of the release with their account's email (an account deleted since is skipped)
    const people$ = `WITH x AS (
        SELECT x.user_id, x.first_name, x.last_name, x.affiliation, string_to_array(x.roles, ',')::text[] AS roles, lower(u.email) AS email
        FROM jsonb_to_recordset($2::jsonb) AS x(user_id uuid, first_name text, last_name text, affiliation text, roles text)
        JOIN users u ON u.id = x.user_id)`;
    // 1. someone registered (or imported) under their account's email is linked to the account
    await manager.query(
      `${people$}
       UPDATE participants p SET user_id = x.user_id, updated_at = now()
       FROM x
       WHERE p.event_id = $1 AND p.user_id IS NULL AND p.anonymised_at IS NULL AND p.email = x.email
         AND NOT EXISTS (SELECT 1 FROM participants q WHERE q.event_id = $1 AND q.user_id = x.user_id)`,
      [eventId, json],
    );
    // 2. everyone else becomes a participant
    const created = await manager.query<Array<{ id: string }>>(
      `${people$}
       INSERT INTO participants (event_id, user_id, email, first_name, last_name, affiliation, programme_roles, source)
       SELECT $1, x.user_id, x.email, x.first_name, x.last_name, x.affiliation, x.roles, 'programme'
       FROM x
       WHERE NOT EXISTS (SELECT 1 FROM participants q WHERE q.event_id = $1 AND (q.user_id = x.user_id OR q.email = x.email))
       ON CONFLICT ON CONSTRAINT "UQ_participants_event_email" DO NOTHING
       RETURNING id`,
      [eventId, json],
    );
    // 3. the roles of those already there follow the release
    const changed = await manager.query(
      `${people$}
       UPDATE participants p SET programme_roles = x.roles, updated_at = now()
       FROM x
       WHERE p.event_id = $1 AND p.user_id = x.user_id AND p.programme_roles IS DISTINCT FROM x.roles
       RETURNING p.id`,
      [eventId, json],
    );
    // 4. people the release no longer names, by account or as a guest, lose their roles (and keep everything else)
    const stripped = await manager.query(
      `UPDATE participants p SET programme_roles = '{}', updated_at = now()
       WHERE p.event_id = $1 AND p.programme_roles <> '{}'
         AND (p.user_id IS NULL OR NOT (p.user_id = ANY($2::uuid[])))
         AND (p.guest_key IS NULL OR NOT (p.guest_key = ANY($3::text[])))
       RETURNING p.id`,
      [eventId, people.map((p) => p.userId), guests.map((g) => cut(g.guestKey, 200))],
    );
    return { created: created.length, updated: affectedCount(changed) + affectedCount(stripped) };
  }

  /**
   * The places of the people on stage: the day part of each date they speak or chair on, and the
   * parts admitting to their sessions (event_parts.session_id), given outside the public capacity.
   */
  private async admitOnStage(manager: EntityManager, eventId: string, snapshot: ProgrammeSnapshot): Promise<void> {
    const appearances = stageAppearances(snapshot);
    if (!appearances.length) return;
    const json = JSON.stringify(
      appearances.map((a) => ({ user_id: a.userId, guest_key: a.guestKey === null ? null : cut(a.guestKey, 200), day: a.day, session_id: a.sessionId })),
    );
    const places = await manager.query<ProgrammePlace[]>(
      `SELECT DISTINCT ep.id AS "partId", p.id AS "participantId"
       FROM jsonb_to_recordset($2::jsonb) AS x(user_id uuid, guest_key text, day date, session_id text)
       JOIN participants p ON p.event_id = $1 AND (p.user_id = x.user_id OR p.guest_key = x.guest_key)
       JOIN event_parts ep ON ep.event_id = $1 AND ((ep.kind = 'day' AND ep.day = x.day) OR ep.session_id::text = x.session_id)
       WHERE p.status = 'registered' AND p.anonymised_at IS NULL`,
      [eventId, json],
    );
    await this.admissions.admitProgramme(manager, places);
  }

  /**
   * Guest chairs: 5. those not yet there become participants without an email (source programme,
   * « chair », names guessed from the name as typed, which is kept); 6. those already there (an
   * email added by an organiser since included) get « chair » back if a release had taken it.
   */
  private async applyGuests(manager: EntityManager, eventId: string, guests: ProgrammeGuest[]): Promise<{ created: number; updated: number }> {
    if (!guests.length) return { created: 0, updated: 0 };
    const json = JSON.stringify(
      guests.map((g) => ({
        guest_key: cut(g.guestKey, 200),
        guest_name: cut(g.guestName, 200),
        first_name: cut(g.firstName, 200),
        last_name: cut(g.lastName, 200),
        affiliation: g.affiliation === null ? null : cut(g.affiliation, 300),
      })),
    );
    const guests$ = `WITH g AS (
        SELECT * FROM jsonb_to_recordset($2::jsonb) AS g(guest_key text, guest_name text, first_name text, last_name text, affiliation text))`;
    const created = await manager.query<Array<{ id: string }>>(
      `${guests$}
       INSERT INTO participants (event_id, guest_key, guest_name, email, first_name, last_name, affiliation, programme_roles, source)
       SELECT $1, g.guest_key, g.guest_name, NULL, g.first_name, g.last_name, g.affiliation, ARRAY['chair']::text[], 'programme'
       FROM g
       ON CONFLICT ON CONSTRAINT "UQ_participants_event_guest_key" DO NOTHING
       RETURNING id`,
      [eventId, json],
    );
    const changed = await manager.query(
      `${guests$}
       UPDATE participants p SET programme_roles = ARRAY['chair']::text[], updated_at = now()
       FROM g
       WHERE p.event_id = $1 AND p.guest_key = g.guest_key AND p.programme_roles IS DISTINCT FROM ARRAY['chair']::text[]
       RETURNING p.id`,
      [eventId, json],
    );
    return { created: created.length, updated: affectedCount(changed) };
  }
}
