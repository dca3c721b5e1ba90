import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../common/auth/role.js';
import { notFound } from '../common/errors/domain-error.js';
import { CLOCK, type Clock } from '../common/time/clock.js';
import { canSeeLevels, canSeeStats, embargoEndsAt, isRevealedAt, type EmbargoTimes } from './label-embargo.js';

/** Where a year stands with its embargo, now. */
export interface LabelEmbargoState extends EmbargoTimes {
  year: number;
  eventId: string | null;
  ceremonySessionId: string | null;
  /** When the levels become public (null: until an organiser reveals them). */
  embargoEndsAt: Date | null;
  revealed: boolean;
  statsPublished: boolean;
  /** The ceremony event's time zone (Europe/Paris when no event is linked). */
  timeZone: string;
}

/** Anything with roles: the signed-in caller (RequestUser), or undefined for anonymous. */
export interface EmbargoCaller {
  roles: readonly Role[];
}

/**
 * The embargo as a service, against the CLOCK (tests stand before and after the ceremony). Every
 * method takes an optional EntityManager so that it can run inside the caller's transaction (the
 * embedded engine has one connection: a query outside it would wait forever).
 */
@Injectable()
export class LabelEmbargoService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The year's embargo state, or null when the year does not exist. */
  async find(year: number, manager?: EntityManager): Promise<LabelEmbargoState | null> {
    return (await this.read(manager, year)).get(year) ?? null;
  }

  /** Every year's embargo state, in one query. */
  async findAll(manager?: EntityManager): Promise<Map<number, LabelEmbargoState>> {
    return this.read(manager, null);
  }

  private async read(manager: EntityManager | undefined, year: number | null): Promise<Map<number, LabelEmbargoState>> {
    const rows = await (manager ?? this.dataSource.manager).query<
      Array<{ year: number; event_id: string | null; ceremony_session_id: string | null; reveal_at: Date | null; stats_published: boolean; session_starts_at: Date | null; event_starts_at: Date | null; time_zone: string | null }>
    >(
      `SELECT y.year, y.event_id, y.ceremony_session_id, y.reveal_at, y.stats_published,
              s.starts_at AS session_starts_at, e.starts_at AS event_starts_at, e.time_zone
         FROM label_years y
         LEFT JOIN sessions s ON s.id = y.ceremony_session_id
         LEFT JOIN events e ON e.id = y.event_id
        WHERE $1::int IS NULL OR y.year = $1`,
      [year],
    );
    const now = this.clock.now();
    const states = new Map<number, LabelEmbargoState>();
    for (const row of rows) {
      const times: EmbargoTimes = {
        revealAt: toDate(row.reveal_at),
        sessionStartsAt: toDate(row.session_starts_at),
        eventStartsAt: toDate(row.event_starts_at),
      };
      states.set(row.year, {
        ...times,
        year: row.year,
        eventId: row.event_id,
        ceremonySessionId: row.ceremony_session_id,
        embargoEndsAt: embargoEndsAt(times),
        revealed: isRevealedAt(times, now),
        statsPublished: row.stats_published,
        timeZone: row.time_zone ?? 'Europe/Paris',
      });
    }
    return states;
  }

  /** The state, or 404 when the year does not exist. */
  async get(year: number, manager?: EntityManager): Promise<LabelEmbargoState> {
    const state = await this.find(year, manager);
    if (!state) throw notFound('Label year', { year });
    return state;
  }

  /** True once the year's levels are public (false for a year that does not exist). */
  async isRevealed(year: number, manager?: EntityManager): Promise<boolean> {
    return (await this.find(year, manager))?.revealed ?? false;
  }

  /** Whether this caller (undefined: anonymous) may see the year's levels now. */
  async levelsVisibleTo(year: number, caller: EmbargoCaller | undefined, manager?: EntityManager): Promise<boolean> {
    const state = await this.find(year, manager);
    return state ? canSeeLevels(caller?.roles, state.revealed) : false;
  }

  /** Whether this caller may see the year's aggregate figures now. */
  async statsVisibleTo(year: number, caller: EmbargoCaller | undefined, manager?: EntityManager): Promise<boolean> {
    const state = await this.find(year, manager);
    return state ? canSeeStats(caller?.roles, state.revealed, state.statsPublished) : false;
  }
}

function toDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
