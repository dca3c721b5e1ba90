import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ChangeFeedService } from '../change-feed/change-feed.service.js';
import type { KeptReads } from '../change-feed/kept-reads.js';
import { encodeBody } from '../common/http/encoded-body.js';
import { EventsService } from '../events/events.service.js';
import { ListEventsQuery } from '../events/dto/list-events.query.js';
import { EventOrganisationsService } from '../organisations/event-organisations.service.js';
import type { ProgrammeChangelog } from '../programme/publication/programme-changelog.js';
import { ProgrammeReleasesService } from '../programme/publication/programme-releases.service.js';
import type { ProgrammeSnapshot } from '../programme/programme-snapshot.js';
import { FreshReads } from './fresh-reads.js';
import { homePageView } from './home-page-view.js';
import type { PageLanguage } from './page-text.js';
import { loadPageTemplates, type PageTemplates } from './page-templates.js';
import { programmePageView, speakerPageView, talkPageView, type PageRelease } from './programme-page-views.js';

/** Raised whenever the templates or the views change what a release renders to: part of every page's ETag. */
export const PAGES_REVISION = 1;

/** Rendered pages one process keeps (programme, talk and speaker pages of recent releases, per language). */
const PAGE_CACHE_SIZE = 2048;
/** Releases (snapshot and changelog) kept to render their pages. */
const RELEASE_CACHE_SIZE = 16;


export type PageKind = 'programme' | 'talk' | 'speaker';

/** The release a page request names, and the logos its page shows. */
export interface PageTag {
  eventId: string;
  version: number;
  /** The release's own ETag. */
  releaseEtag: string;
  /** Asked as /v/<n>: a numbered version never changes. */
  pinned: boolean;
  lang: PageLanguage;
  logos: ReadonlyMap<string, string>;
}

export interface RenderedPage {
  body: Buffer;
  etag: string;
  /** The same bytes gzip-compressed once, with their own strong ETag. */
  gzip: { body: Buffer; etag: string };
  /** The same bytes brotli-compressed once (what browsers prefer), with their own strong ETag. */
  br: { body: Buffer; etag: string };
}

/** What a page's tag is read from: a change to any of them forgets the kept tags (src/change-feed). */
const TAG_TABLES = ['programme_releases', 'events', 'organisations', 'organisation_logos', 'event_organisations'];

interface ReleaseSource {
  snapshot: ProgrammeSnapshot;
  changelog: ProgrammeChangelog;
}

/** A page and its gzip- and brotli-compressed twins, whose strong ETags differ (RFC 9110: other representations). */
async function withCompressed(body: Buffer, etag: string): Promise<RenderedPage> {
  const encoded = await encodeBody(body);
  return { body, etag, gzip: { body: encoded.gzip, etag: etag.replace(/"$/, '.gz"') }, br: { body: encoded.br, etag: etag.replace(/"$/, '.br"') } };
}

/** Keeps at most `size` entries, the least recently used leaving first. */
function remember<V>(cache: Map<string, V>, key: string, value: V, size: number): V {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > size) cache.delete(cache.keys().next().value as string);
  return value;
}

/**
 * The public programme pages, rendered from published releases only. Which release a request names,
 * and the logos the page shows, are kept in memory and forgotten when a publication, an event or an
 * organisation's logo changes, on any instance (src/change-feed); while the instance does not listen
 * they are read for each request (two indexed queries), concurrent requests for the same page sharing
 * reads begun after they arrived (FreshReads). A page is rendered once per release, address form, language, page and logos,
 * and its bytes kept in memory: a release never changes, so a kept page is never stale, and its
 * ETag (a hash of the release's ETag and of everything else that shaped it) is known without rendering.
 */
@Injectable()
export class ProgrammePagesService {
  private readonly templates: PageTemplates = loadPageTemplates();
  private readonly pages = new Map<string, Promise<RenderedPage | null>>();
  private readonly sources = new Map<string, Promise<ReleaseSource>>();
  private readonly tags = new FreshReads<Omit<PageTag, 'lang' | 'pinned'> | null>();
  private readonly keptTags: KeptReads<string, Omit<PageTag, 'lang' | 'pinned'> | null>;

  constructor(
    private readonly releases: ProgrammeReleasesService,
    private readonly organisations: EventOrganisationsService,
    private readonly events: EventsService,
    feed: ChangeFeedService,
  ) {
    this.keptTags = feed.cache('programme page tags', TAG_TABLES);
  }

  get css(): Buffer {
    return this.templates.css;
  }

  /** The release of event `slug` a page shows (the latest, or version `version`), or null when there is none. */
  async tag(slug: string, lang: PageLanguage, version?: number): Promise<PageTag | null> {
    if (!/^[a-z0-9]{1,64}$/.test(slug)) return null;
    const key = `${slug}:${version ?? 'latest'}`;
    const found = await this.keptTags.get(key, () =>
      this.tags.read(key, async () => {
        const release = await this.releases.tagBySlug(slug, version);
        if (!release) return null;
        const logos = await this.organisations.logoVersions(release.eventId);
        return { eventId: release.eventId, version: release.version, releaseEtag: release.etag, logos };
      }),
    );
    return found && { ...found, pinned: version !== undefined, lang };
  }

  /** The page's bytes and ETag, or null when the release holds no such talk or person. */
  page(tag: PageTag, kind: PageKind, id = ''): Promise<RenderedPage | null> {
    if (id.length > 200) return Promise.resolve(null);
    const logos = [...tag.logos].map(([org, sha]) => `${org}=${sha}`).join(',');
    const seed = [tag.eventId.toLowerCase(), tag.version, tag.releaseEtag, tag.pinned ? 'v' : 'latest', tag.lang, kind, id, logos, `r${PAGES_REVISION}`].join('\n');
    const key = createHash('sha256').update(seed, 'utf8').digest('base64url');
    const cached = this.pages.get(key);
    if (cached) return remember(this.pages, key, cached, PAGE_CACHE_SIZE);
    const rendered = this.render(tag, kind, id, `"${key}"`);
    // a failed rendering is not kept
    rendered.catch(() => this.pages.delete(key));
    return remember(this.pages, key, rendered, PAGE_CACHE_SIZE);
  }

  /** The home page (a handful of events: rendered on each request), with the SHA-256 of its bytes as ETag. */
  async home(lang: PageLanguage): Promise<RenderedPage> {
    const query = Object.assign(new ListEventsQuery(), { page: 1, pageSize: 100, sort: 'startsAt', order: 'asc' });
    const [events, latest] = await Promise.all([this.events.list(query), this.releases.latestVersions()]);
    const body = Buffer.from(this.templates.render('home', homePageView(events.items, new Set(latest.keys()), lang)), 'utf8');
    return withCompressed(body, `"${createHash('sha256').update(body).digest('base64url')}"`);
  }

  private async render(tag: PageTag, kind: PageKind, id: string, etag: string): Promise<RenderedPage | null> {
    const source = await this.source(tag);
    const release: PageRelease = { ...source, version: tag.version, pinned: tag.pinned, lang: tag.lang, logos: tag.logos };
    const view = kind === 'programme' ? programmePageView(release) : kind === 'talk' ? talkPageView(release, id) : speakerPageView(release, id);
    if (!view) return null;
    return withCompressed(Buffer.from(this.templates.render(kind, view), 'utf8'), etag);
  }

  private source(tag: PageTag): Promise<ReleaseSource> {
    const key = `${tag.eventId.toLowerCase()}:${tag.version}:${tag.releaseEtag}`;
    const cached = this.sources.get(key);
    if (cached) return remember(this.sources, key, cached, RELEASE_CACHE_SIZE);
    const loading = this.releases.findWithChangelog(tag.eventId, tag.version).then((release) => {
      if (!release) throw new Error(`release ${tag.version} of event ${tag.eventId} vanished`);
      return { snapshot: release.snapshot, changelog: release.changelog };
    });
    loading.catch(() => this.sources.delete(key));
    return remember(this.sources, key, loading, RELEASE_CACHE_SIZE);
  }
}
