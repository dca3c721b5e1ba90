import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestUser } from '../../common/auth/access.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { MailService, type OutgoingMail } from '../../mail/mail.service.js';
import { ConflictResponse } from '../dto/conflict.response.js';
import { ProgrammeConflictsService, type ConflictReport } from '../programme-conflicts.service.js';
import { ProgrammeRelease } from '../programme-release.entity.js';
import type { ProgrammeSnapshot } from '../programme-snapshot.js';
import { DraftSnapshotService } from './draft-snapshot.service.js';
import { diffProgrammes, type ProgrammeChangelog } from './programme-changelog.js';
import { canonicalJson, strongEtag } from './programme-etag.js';
import { ProgrammePublishedHooks } from './programme-published-hooks.js';
import { ProgrammeReleasesService } from './programme-releases.service.js';
import { describeChange, speakerNotices } from './release-mail.js';
import { inPageLanguage, programmePagePath } from './programme-page-urls.js';

/** Two publications of one event take turns on this advisory lock (class, then hashtext(event id)). */
const PUBLICATION_LOCK_CLASS = 0x50524f47; // 'PROG'

export interface PublishedVersion {
  version: number;
  publishedAt: Date;
  note: string | null;
  etag: string;
  changelog: ProgrammeChangelog;
  /** How many speakers were mailed about changes to their talks. */
  speakersNotified: number;
}

export interface DraftPreview {
  /** The version the draft would be published as. */
  nextVersion: number;
  /** The latest published version, which the changelog compares against (null: nothing published). */
  basedOnVersion: number | null;
  snapshot: ProgrammeSnapshot;
  changelog: ProgrammeChangelog;
  /** What would refuse the publication now: errors, and warnings not acknowledged. */
  blockingConflicts: ConflictResponse[];
  /** How many mails publishing now would send (one per speaker whose talks move, are removed or retitled): the same computation as publish. */
  mailsToSend: number;
}

/** The blocking conflicts as GET …/programme/conflicts shows them (times in the event's zone, names). */
function blockingResponses(report: ConflictReport): ConflictResponse[] {
  return report.blocking.map((c) => ConflictResponse.from(c, report.timeZone, report.names));
}

interface Recipient {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  display_name: string | null;
}

/**
 * Publishing the draft programme as version N, and previewing what would be published. One
 * transaction under a per-event advisory lock: check the conflicts, freeze the snapshot, compare
 * it with N−1, store it, and queue one mail per speaker whose talks changed (the outbox).
 */
@Injectable()
export class ProgrammePublishingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conflicts: ProgrammeConflictsService,
    private readonly drafts: DraftSnapshotService,
    private readonly releases: ProgrammeReleasesService,
    private readonly mail: MailService,
    private readonly hooks: ProgrammePublishedHooks,
  ) {}

  /**
   * Publishes the draft as the next version. Publications of one event take turns on a PostgreSQL
   * advisory lock taken before the transaction begins, so that the transaction (REPEATABLE READ)
   * sees the version published by the one before it, and checks the conflicts of exactly the
   * programme it freezes, whatever is edited meanwhile.
   */
  async publish(eventId: string, note: string | null, caller: RequestUser): Promise<PublishedVersion> {
    const { published } = await this.underPublicationLock(
      eventId,
      async (manager) => {
        await this.releases.assertEventExists(eventId, manager);
        const report = await this.conflicts.report(eventId, manager);
        if (report.blocking.length) {
          throw new DomainError(
            409,
            'PROGRAMME_HAS_BLOCKING_CONFLICTS',
            `The programme cannot be published: ${report.blocking.length} conflict(s) must be fixed (errors) or acknowledged (warnings) first`,
            { conflicts: blockingResponses(report) },
          );
        }
        const previous = await this.releases.latestIn(manager, eventId);
        const version = (previous?.version ?? 0) + 1;
        const publishedAt = new Date();
        const draft = await this.drafts.build(manager, eventId, { version, publishedAt, note });
        const { changelog, snapshot } = diffProgrammes(previous?.snapshot ?? null, draft);
        const etag = strongEtag(canonicalJson(snapshot));
        await manager.insert(ProgrammeRelease, { eventId, version, note, publishedBy: caller.id, publishedAt, snapshot, changelog, etag });
        const speakersNotified = await this.notifySpeakers(manager, previous?.snapshot ?? null, snapshot, changelog);
        return { published: { version, publishedAt, note, etag, changelog, speakersNotified }, snapshot };
      },
      // once committed, what other capabilities do on a release (participants from the programme), still under the lock
      (manager, { published, snapshot }) => this.hooks.run(manager, { eventId, version: published.version, snapshot }),
    );
    return published;
  }

  /** What publishing now would freeze, its changelog against the latest version, and what blocks it. */
  async preview(eventId: string): Promise<DraftPreview> {
    await this.releases.assertEventExists(eventId);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const previous = await this.releases.latestIn(manager, eventId);
      const nextVersion = (previous?.version ?? 0) + 1;
      const draft = await this.drafts.build(manager, eventId, { version: nextVersion, publishedAt: new Date(), note: null });
      const { changelog, snapshot } = diffProgrammes(previous?.snapshot ?? null, draft);
      const report = await this.conflicts.report(eventId, manager);
      const mails = await this.speakerMails(manager, previous?.snapshot ?? null, snapshot, changelog);
      return { nextVersion, basedOnVersion: previous?.version ?? null, snapshot, changelog, blockingConflicts: blockingResponses(report), mailsToSend: mails.length };
    });
  }

  /**
   * Runs `work` in a REPEATABLE READ transaction while holding the event's publication lock (a
   * session-level advisory lock on the transaction's own connection, released after commit or
   * rollback), then `afterCommit` on the same connection, outside that transaction, before the lock
   * is released. Taken before BEGIN on purpose: a lock taken inside a REPEATABLE READ transaction
   * would come after its snapshot, which could then miss the version just published.
   */
  private async underPublicationLock<T>(
    eventId: string,
    work: (manager: EntityManager) => Promise<T>,
    afterCommit?: (manager: EntityManager, result: T) => Promise<void>,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const key = [PUBLICATION_LOCK_CLASS, eventId.toLowerCase()];
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1, hashtext($2))', key);
      try {
        await runner.startTransaction('REPEATABLE READ');
        let result: T;
        try {
          result = await work(runner.manager);
          await runner.commitTransaction();
          // this instance reads its own publication at once (the others when its notification reaches them)
          this.releases.forgetTags();
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
        if (afterCommit) await afterCommit(runner.manager, result);
        return result;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', key);
      }
    } finally {
      await runner.release();
    }
  }

  /** Queues one mail per speaker whose talks the release moves, removes or retitles; returns how many. */
  private async notifySpeakers(manager: EntityManager, previous: ProgrammeSnapshot | null, next: ProgrammeSnapshot, changelog: ProgrammeChangelog): Promise<number> {
    const mails = await this.speakerMails(manager, previous, next, changelog);
    if (!mails.length) return 0;
    // one INSERT, inside the publication's transaction (and its lock)
    await this.mail.enqueueAll(manager, mails);
    return mails.length;
  }

  /**
   * The mails a release sends: one per speaker (with an account) whose talks it moves, removes or
   * retitles. Publication queues them; the draft's preview counts them, so the number shown before
   * publishing is the number sent.
   */
  private async speakerMails(manager: EntityManager, previous: ProgrammeSnapshot | null, next: ProgrammeSnapshot, changelog: ProgrammeChangelog): Promise<OutgoingMail[]> {
    const notices = speakerNotices(previous, next, changelog);
    if (!notices.length) return [];
    const recipients = await manager.query<Recipient[]>(
      `SELECT u.id, u.email, sp.first_name, sp.last_name, u.display_name
       FROM users u LEFT JOIN speaker_profiles sp ON sp.user_id = u.id
       WHERE u.id::text = ANY($1::text[])`,
      [notices.map((n) => n.personId)],
    );
    const byId = new Map(recipients.map((r) => [r.id, r]));
    const zone = next.event.timeZone;
    const mails: OutgoingMail[] = [];
    for (const notice of notices) {
      const person = byId.get(notice.personId);
      if (!person) continue;
      const locale = notice.locale;
      const fullName = [person.first_name, person.last_name].filter((p) => p && p.trim()).join(' ') || person.display_name || null;
      mails.push({
        to: person.email,
        toName: fullName,
        template: 'programme-changed',
        locale,
        data: {
          firstName: person.first_name?.trim() || person.display_name?.trim() || (locale === 'fr' ? 'Madame, Monsieur' : 'colleague'),
          eventName: (locale === 'en' ? next.event.nameEn : null) ?? next.event.nameFr,
          version: next.version,
          link: this.mail.linkTo(inPageLanguage(programmePagePath(next.event.slug), locale === 'en' ? 'en' : 'fr')),
          changes: notice.changes.map((change) => describeChange(change, locale, zone)),
          note: next.note ?? '',
        },
      });
    }
    return mails;
  }
}
