import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProgrammeSnapshot } from '../programme-snapshot.js';

/** A version just published: what a listener is given. */
export interface NewRelease {
  eventId: string;
  version: number;
  snapshot: ProgrammeSnapshot;
}

/**
 * Something another capability does when a version is published (participants: the speakers and
 * chairs become participants). Publication owns this interface and knows nothing of who
 * implements it, so no module of the programme imports theirs (no cycle).
 */
export interface ProgrammePublishedListener {
  /** For the log. */
  readonly name: string;
  /**
   * Runs once the release is committed, on the publication's own connection (the embedded engine
   * has only one), in a READ COMMITTED transaction of its own, while the event's publication lock
   * is still held: the next publication of the event waits for it, so listeners see the versions
   * in order. A throw rolls back only the listener's transaction; the release stays published.
   */
  afterPublished(manager: EntityManager, release: NewRelease): Promise<void>;
  /** Called once the listener's transaction is committed. */
  committed?(release: NewRelease): void;
}

/**
 * The listeners of publications. A module that needs to act on each release registers itself at
 * start-up (`onModuleInit`); ProgrammePublishingService runs them after each publication.
 */
@Injectable()
export class ProgrammePublishedHooks {
  private readonly listeners: ProgrammePublishedListener[] = [];
  private readonly logger = new Logger(ProgrammePublishedHooks.name);

  register(listener: ProgrammePublishedListener): void {
    if (!this.listeners.includes(listener)) this.listeners.push(listener);
  }

  /**
   * Runs every listener, each in a transaction of its own on `manager`'s connection (which must not
   * be in a transaction). A failing listener is logged and does not stop the others: the release is
   * already committed, and the listeners have their own way to catch up (participants re-sync when
   * their list is read).
   */
  async run(manager: EntityManager, release: NewRelease): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('ProgrammePublishedHooks.run needs the publication’s query runner');
    for (const listener of this.listeners) {
      await runner.startTransaction();
      try {
        await listener.afterPublished(runner.manager, release);
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        this.logger.error(`after publishing version ${release.version} of event ${release.eventId}, ${listener.name} failed: ${(error as Error)?.message ?? error}`);
        continue;
      }
      listener.committed?.(release);
    }
  }
}
