import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { encodeBody, type EncodedBody } from '../../common/http/encoded-body.js';
import { ChangeFeedService } from '../../change-feed/change-feed.service.js';
import type { KeptReads } from '../../change-feed/kept-reads.js';
import { pageOffset, toPage, type Page, type PageQueryDto } from '../../common/pagination/page-query.dto.js';
import type { ProgrammeSnapshot } from '../programme-snapshot.js';
import type { ProgrammeChangelog } from './programme-changelog.js';
import { canonicalJson } from './programme-etag.js';

/** A published version as the exports read it. */
export interface PublishedRelease {
  version: number;
  publishedAt: Date;
  /** Strong entity tag of this version, quoted as the ETag header wants it (`"…"`). */
  etag: string;
  snapshot: ProgrammeSnapshot;
}

/** A version as the public endpoints serve it: its canonical JSON text, plain and precompressed, ready to send. */
export interface ServedRelease {
  version: number;
  etag: string;
  body: EncodedBody;
}

/** Which version a read names, and its ETag. */
export interface ReleaseTag {
  version: number;
  etag: string;
}

/** The tables a release's tag is read from: a change to either forgets the kept tags. */
const TAG_TABLES = ['programme_releases', 'events'];

/** One line of the organisers' list of versions. */
export interface ReleaseSummary {
  version: number;
  publishedAt: Date;
  note: string | null;
  publishedBy: { id: string; name: string | null } | null;
  etag: string;
  changelog: ProgrammeChangelog;
}

interface ReleaseRow {
  version: number;
  published_at: Date;
  etag: string;
  snapshot: ProgrammeSnapshot;
}

/** How many serialised versions one process keeps (a few events × latest and recent versions). */
const CACHE_SIZE = 64;

/** Versions count from 1 and fit programme_releases.version (integer). */
export function isVersionNumber(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1 && value <= 2_147_483_647;
}

export function programmeNotPublished(): DomainError {
  return new DomainError(404, 'PROGRAMME_NOT_PUBLISHED', 'No version of this programme has been published yet');
}

/**
 * Reads the published versions of a programme (programme_releases). Versions never change once
 * written, so their serialised text is kept per (event, version), with its gzip and brotli forms.
 * Which version is the latest (and a slug's event) is kept in memory too (src/change-feed): a
 * publication, on any instance, notifies programme_releases in its transaction and every instance
 * forgets what it kept; until an instance listens, it reads each time.
 */
@Injectable()
export class ProgrammeReleasesService {
  private readonly cache = new Map<string, Promise<ServedRelease>>();
  private readonly latestTags: KeptReads<string, ReleaseTag | null>;
  private readonly versionTags: KeptReads<string, ReleaseTag | null>;
  private readonly slugTags: KeptReads<string, { eventId: string; version: number; etag: string } | null>;
  private readonly latestByEvent: KeptReads<string, Map<string, number>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feed: ChangeFeedService,
  ) {
    this.latestTags = feed.cache('latest release per event', TAG_TABLES);
    this.versionTags = feed.cache('release tags', TAG_TABLES);
    this.slugTags = feed.cache('releases by slug', TAG_TABLES);
    this.latestByEvent = feed.cache('latest versions', TAG_TABLES);
  }

  /** This instance committed a publication: forget the tags now, before its own notification comes back. */
  forgetTags(): void {
    this.feed.changed('programme_releases');
  }

  /**
   * The latest published version of the event's programme, or version `version`. 404
   * NOT_FOUND for an unknown event or version, 404 PROGRAMME_NOT_PUBLISHED when none is published.
   */
  async find(eventId: string, version?: number): Promise<PublishedRelease> {
    if (version !== undefined && !isVersionNumber(version)) throw await this.missing(eventId, version);
    const rows = await this.dataSource.query<ReleaseRow[]>(
      version === undefined
        ? `SELECT version, published_at, etag, snapshot FROM programme_releases WHERE event_id = $1 ORDER BY version DESC LIMIT 1`
        : `SELECT version, published_at, etag, snapshot FROM programme_releases WHERE event_id = $1 AND version = $2`,
      version === undefined ? [eventId] : [eventId, version],
    );
    if (!rows.length) throw await this.missing(eventId, version);
    const row = rows[0];
    return { version: row.version, publishedAt: row.published_at, etag: row.etag, snapshot: row.snapshot };
  }

  /** The latest version's number and ETag: kept in memory, else one indexed query (no snapshot read). */
  async latestTag(eventId: string): Promise<ReleaseTag> {
    const row = await this.latestTags.get(eventId.toLowerCase(), async () => {
      const [found] = await this.dataSource.query<ReleaseTag[]>(
        `SELECT version, etag FROM programme_releases WHERE event_id = $1 ORDER BY version DESC LIMIT 1`,
        [eventId],
      );
      return found ? { version: found.version, etag: found.etag } : null;
    });
    if (!row) throw await this.missing(eventId, undefined);
    return row;
  }

  /** Version `version`'s ETag (kept, else one indexed query). */
  async versionTag(eventId: string, version: number): Promise<ReleaseTag> {
    if (!isVersionNumber(version)) throw await this.missing(eventId, version);
    const row = await this.versionTags.get(`${eventId.toLowerCase()}:${version}`, async () => {
      const [found] = await this.dataSource.query<ReleaseTag[]>(
        `SELECT version, etag FROM programme_releases WHERE event_id = $1 AND version = $2`,
        [eventId, version],
      );
      return found ? { version: found.version, etag: found.etag } : null;
    });
    if (!row) throw await this.missing(eventId, version);
    return row;
  }

  /**
   * The event with slug `slug` and its latest published version (or version `version`): one indexed
   * query, no snapshot read. Null when the slug is unknown, nothing is published, or not that version.
   */
  async tagBySlug(slug: string, version?: number): Promise<{ eventId: string; version: number; etag: string } | null> {
    if (version !== undefined && !isVersionNumber(version)) return null;
    return this.slugTags.get(`${slug}:${version ?? 'latest'}`, async () => {
      const [row] = await this.dataSource.query<Array<{ event_id: string; version: number; etag: string }>>(
        version === undefined
          ? `SELECT r.event_id, r.version, r.etag FROM events e JOIN programme_releases r ON r.event_id = e.id WHERE e.slug = $1 ORDER BY r.version DESC LIMIT 1`
          : `SELECT r.event_id, r.version, r.etag FROM events e JOIN programme_releases r ON r.event_id = e.id WHERE e.slug = $1 AND r.version = $2`,
        version === undefined ? [slug] : [slug, version],
      );
      return row ? { eventId: row.event_id, version: row.version, etag: row.etag } : null;
    });
  }

  /** A published version with its changelog (the public pages show both), or null. */
  async findWithChangelog(eventId: string, version: number): Promise<(PublishedRelease & { changelog: ProgrammeChangelog }) | null> {
    const [row] = await this.dataSource.query<Array<ReleaseRow & { changelog: ProgrammeChangelog }>>(
      `SELECT version, published_at, etag, snapshot, changelog FROM programme_releases WHERE event_id = $1 AND version = $2`,
      [eventId, version],
    );
    return row ? { version: row.version, publishedAt: row.published_at, etag: row.etag, snapshot: row.snapshot, changelog: row.changelog } : null;
  }

  /** The latest published version of every event that has one (the home page links them). */
  async latestVersions(): Promise<Map<string, number>> {
    return this.latestByEvent.get('all', async () => {
      const rows = await this.dataSource.query<Array<{ event_id: string; version: number }>>(
        `SELECT event_id, max(version)::int AS version FROM programme_releases GROUP BY event_id`,
      );
      return new Map(rows.map((r) => [r.event_id, r.version]));
    });
  }

  /** The serialised text of a version whose tag was just read, plain, gzip and brotli: from the cache, else read and compressed once. */
  served(eventId: string, tag: ReleaseTag): Promise<ServedRelease> {
    const key = `${eventId.toLowerCase()}:${tag.version}:${tag.etag}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const entry = this.find(eventId, tag.version).then(async (release) => ({
      version: release.version,
      etag: release.etag,
      body: await encodeBody(Buffer.from(canonicalJson(release.snapshot), 'utf8')),
    }));
    // a failed read is not kept
    entry.catch(() => this.cache.delete(key));
    this.cache.set(key, entry);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return entry;
  }

  /** The latest version with its snapshot, read through `manager` (publication, inside its lock). */
  async latestIn(manager: EntityManager, eventId: string): Promise<PublishedRelease | null> {
    const [row] = await manager.query<ReleaseRow[]>(
      `SELECT version, published_at, etag, snapshot FROM programme_releases WHERE event_id = $1 ORDER BY version DESC LIMIT 1`,
      [eventId],
    );
    return row ? { version: row.version, publishedAt: row.published_at, etag: row.etag, snapshot: row.snapshot } : null;
  }

  /** The organisers' list: versions with notes and changelogs, by version (query.order). */
  async list(eventId: string, query: PageQueryDto): Promise<Page<ReleaseSummary>> {
    await this.assertEventExists(eventId);
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const rows = await this.dataSource.query<
      Array<{ version: number; published_at: Date; note: string | null; published_by: string | null; publisher_name: string | null; etag: string; changelog: ProgrammeChangelog; total: number }>
    >(
      `SELECT r.version, r.published_at, r.note, r.published_by, r.etag, r.changelog,
              coalesce(nullif(concat_ws(' ', sp.first_name, sp.last_name), ''), u.display_name) AS publisher_name,
              count(*) OVER ()::int AS total
       FROM programme_releases r
       LEFT JOIN users u ON u.id = r.published_by
       LEFT JOIN speaker_profiles sp ON sp.user_id = r.published_by
       WHERE r.event_id = $1
       ORDER BY r.version ${direction}
       LIMIT $2 OFFSET $3`,
      [eventId, query.pageSize, pageOffset(query)],
    );
    const total = rows.length
      ? rows[0].total
      : (await this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM programme_releases WHERE event_id = $1`, [eventId]))[0].n;
    return toPage(
      rows.map((r) => ({
        version: r.version,
        publishedAt: r.published_at,
        note: r.note,
        publishedBy: r.published_by ? { id: r.published_by, name: r.publisher_name } : null,
        etag: r.etag,
        changelog: r.changelog,
      })),
      total,
      query,
    );
  }

  /** 404 NOT_FOUND for an unknown event; pass the transaction's manager inside one. */
  async assertEventExists(eventId: string, manager?: EntityManager): Promise<void> {
    const [event] = await (manager ?? this.dataSource.manager).query<unknown[]>(`SELECT 1 FROM events WHERE id = $1`, [eventId]);
    if (!event) throw notFound('Event');
  }

  private async missing(eventId: string, version: number | undefined): Promise<DomainError> {
    await this.assertEventExists(eventId);
    if (version === undefined) return programmeNotPublished();
    const [latest] = await this.dataSource.query<Array<{ version: number | null }>>(
      `SELECT max(version) AS version FROM programme_releases WHERE event_id = $1`,
      [eventId],
    );
    if (latest?.version == null) return programmeNotPublished();
    return notFound(`Version ${version} of this programme`, { latestVersion: latest.version });
  }
}
