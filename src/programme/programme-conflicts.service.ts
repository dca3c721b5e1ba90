import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { detectConflicts } from './conflicts.js';
import { evaluation, type ConflictEvaluation } from './conflict-views.js';
import { ProgrammeInputLoader } from './programme-input.loader.js';

export type { ConflictEvaluation, ConflictView } from './conflict-views.js';

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
    const loaded = await this.loader.load(eventId, manager);
    const conflicts = detectConflicts(loaded.input, { timeZone: loaded.timeZone, severities: loaded.severities });
    return evaluation(conflicts, loaded.acknowledgedKeys);
  }
}
