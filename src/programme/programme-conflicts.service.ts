import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { detectConflicts } from './conflicts.js';
import { evaluation, introducedConflicts, type ConflictEvaluation } from './conflict-views.js';
import { ConflictResponse } from './dto/conflict.response.js';
import { ProgrammeInputLoader } from './programme-input.loader.js';

export type { ConflictEvaluation, ConflictView } from './conflict-views.js';

/** An evaluation with what responses need: the event's zone and people's names. */
export interface ConflictReport extends ConflictEvaluation {
  timeZone: string;
  names: Map<string, string>;
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

  /** The conflicts a change introduced, between two reports taken in its transaction, as responses. */
  static warnings(before: ConflictReport, after: ConflictReport): ConflictResponse[] {
    return introducedConflicts(before.conflicts, after.conflicts).map((c) => ConflictResponse.from(c, after.timeZone, after.names));
  }
}
