import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { detectConflicts } from './conflicts.js';
import { evaluation, introducedByChange, introducedConflicts, withinCover, type ConflictEvaluation } from './conflict-views.js';
import { ConflictResponse } from './dto/conflict.response.js';
import { ProgrammeInputLoader, type ChangeScope, type CoveredScope, type FixedParts } from './programme-input.loader.js';

export type { ChangeScope } from './programme-input.loader.js';

export type { ConflictEvaluation, ConflictView } from './conflict-views.js';

/** An evaluation with what responses need: the event's zone and people's names. */
export interface ConflictReport extends ConflictEvaluation {
  timeZone: string;
  names: Map<string, string>;
  /** Set when the report covers only a change's neighbourhood (changeReport). */
  covered?: CoveredScope;
  /** changeReport's: the parts of the input a change leaves alone, reused by the report taken after it. */
  fixed?: FixedParts;
}

/**
 * The conflicts of an event's draft programme: loads it (a constant number of queries) and runs the
 * pure engine (conflicts.ts) with the event's zone and the organisers' severities. Exported for the
 * publication, which refuses to publish while `blocking` is not empty.
 */
@Injectable()
export class ProgrammeConflictsService {
  constructor(private readonly loader: ProgrammeInputLoader) {}

  /**
   * Every conflict with whether it is acknowledged, and the blocking ones: severity `error`, and
   * `warning` not acknowledged (`ignore` never blocks). Pass the transaction's manager to see its
   * uncommitted changes (and to stay on its connection). 404 NOT_FOUND for an unknown event.
   */
  async evaluate(eventId: string, manager?: EntityManager): Promise<ConflictEvaluation> {
    const { conflicts, blocking } = await this.report(eventId, manager);
    return { conflicts, blocking };
  }

  /** `evaluate`, with the event's zone and the names of the people concerned. */
  async report(eventId: string, manager?: EntityManager): Promise<ConflictReport> {
    const loaded = await this.loader.load(eventId, manager);
    const conflicts = detectConflicts(loaded.input, { timeZone: loaded.timeZone, severities: loaded.severities });
    return {
      ...evaluation(conflicts, loaded.acknowledgedKeys),
      timeZone: loaded.timeZone,
      names: new Map((loaded.input.people ?? []).map((p) => [p.id, p.name])),
    };
  }

  /**
   * The conflicts of a change's neighbourhood only (its sessions, their people's commitments, the
   * proposals concerned: see ChangeScope), enough to tell which conflicts the change introduced
   * without reading the whole programme. Take one before the change and pass it as `before` to the
   * one taken after: the second then also covers the people and proposals the first covered.
   */
  async changeReport(eventId: string, manager: EntityManager, scope: ChangeScope, before?: ConflictReport): Promise<ConflictReport> {
    const merged: ChangeScope = before?.covered
      ? {
          sessionIds: [...scope.sessionIds, ...before.covered.sessionIds],
          personIds: [...(scope.personIds ?? []), ...before.covered.personIds],
          proposalIds: [...(scope.proposalIds ?? []), ...before.covered.proposalIds],
        }
      : scope;
    // the zone, severities, acknowledgements, venues and travel times are the same after the change as before it
    const loaded = await this.loader.load(eventId, manager, merged, before?.fixed);
    const covered = loaded.covered!;
    const conflicts = detectConflicts(loaded.input, { timeZone: loaded.timeZone, severities: loaded.severities }).filter((c) => withinCover(c, covered));
    return {
      ...evaluation(conflicts, loaded.acknowledgedKeys),
      timeZone: loaded.timeZone,
      names: new Map((loaded.input.people ?? []).map((p) => [p.id, p.name])),
      covered,
      fixed: loaded.fixed,
    };
  }

  /** The conflicts a change introduced, between two reports taken in its transaction, as responses. */
  static warnings(before: ConflictReport, after: ConflictReport): ConflictResponse[] {
    const introduced =
      before.covered && after.covered ? introducedByChange(before.conflicts, after.conflicts, before.covered, after.covered) : introducedConflicts(before.conflicts, after.conflicts);
    return introduced.map((c) => ConflictResponse.from(c, after.timeZone, after.names));
  }
}
