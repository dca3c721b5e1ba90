import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SubmissionAction, SubmissionState } from './submission-state.js';

/** A proposal that just moved from one state to another (not committed yet). */
export interface SubmissionMoved {
  submissionId: string;
  eventId: string;
  action: SubmissionAction;
  from: SubmissionState;
  to: SubmissionState;
}

/**
 * Something another capability does when a proposal changes state (the programme: a talk placed
 * tentatively stops being tentative once its proposal is accepted). Proposals own this interface and
 * know nothing of who implements it, so that they import nothing of the capabilities above them.
 */
export interface SubmissionTransitionListener {
  /** Runs inside the transition's transaction, on its manager: a throw rolls the transition back. */
  afterTransition(manager: EntityManager, moved: SubmissionMoved): Promise<void>;
}

/** The listeners of proposals' transitions; a module registers itself at start-up (`onModuleInit`). */
@Injectable()
export class SubmissionTransitionHooks {
  private readonly listeners: SubmissionTransitionListener[] = [];

  register(listener: SubmissionTransitionListener): void {
    if (!this.listeners.includes(listener)) this.listeners.push(listener);
  }

  async run(manager: EntityManager, moved: SubmissionMoved): Promise<void> {
    for (const listener of this.listeners) await listener.afterTransition(manager, moved);
  }
}
