import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { encodeBody, type EncodedBody } from '../common/http/encoded-body.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { ProgrammeSnapshot } from '../programme/programme-snapshot.js';
import { ProgrammeReleasesService } from '../programme/publication/programme-releases.service.js';
import type { ExportLanguage } from './export-language.js';
import { renderScheduleJson } from './frab-schedule-json.js';
import { renderScheduleXml } from './frab-schedule-xml.js';
import type { ScheduleOptions } from './frab-schedule.js';
import { EXPORT_FORMATS, EXPORTS_REVISION, type ExportFormat } from './programme-export-format.js';
import { renderProgrammeIcs } from './programme-ics.js';
import { renderProgrammePdf } from './programme-pdf.js';

/** Which rendering a request asks for, and the validators that answer it without rendering. */
export interface ExportTag {
  eventId: string;
  format: ExportFormat;
  lang: ExportLanguage;
  /** The published version served (the latest when none was asked for). */
  version: number;
  /** Whether the request named its version (a numbered version never changes). */
  pinned: boolean;
  /** Strong ETag of this rendering: derived from the release's ETag, the format, the language and the renderers' revision. */
  etag: string;
}

export interface ExportFile {
  body: Buffer;
  /** The text formats, also gzip- and brotli-compressed once (null for the PDF, compressed already). */
  encoded: EncodedBody | null;
  contentType: string;
  /** `attachment; filename="vtn2012-programme-v2.ics"` */
  disposition: string;
}

interface Rendered {
  body: Buffer;
  encoded: EncodedBody | null;
  filename: string;
}

/** Rendered exports one process keeps (they are immutable per version, format and language). */
const CACHE_SIZE = 48;

const EXTENSIONS: Record<ExportFormat, string> = { ics: 'ics', xml: 'xml', 'xml-pentabarf': 'xml', json: 'json', pdf: 'pdf' };

/** A file name made only of safe characters (the slug is the organisers'). */
function fileName(snapshot: ProgrammeSnapshot, tag: ExportTag): string {
  const slug = snapshot.event.slug.replace(/[^A-Za-z0-9_-]/g, '') || 'programme';
  return `${slug}-programme-v${tag.version}${tag.lang === 'fr' ? '' : `-${tag.lang}`}.${EXTENSIONS[tag.format]}`;
}

/**
 * Exports of published programme versions: the release is found through the publication's
 * service (only published versions exist there), the export is rendered from its snapshot by a
 * pure function, and kept per (event, version, format, language, ETag), since a version never
 * changes. The ETag comes from the release's alone, so a conditional request is answered from one
 * indexed query without reading or rendering the snapshot.
 */
@Injectable()
export class ProgrammeExportsService {
  private readonly cache = new Map<string, Promise<Rendered>>();

  constructor(
    private readonly releases: ProgrammeReleasesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The version and ETag of the export asked for (404 when nothing, or not that version, is published). */
  async tag(eventId: string, format: ExportFormat, lang: ExportLanguage, version?: number): Promise<ExportTag> {
    const release = version === undefined ? await this.releases.latestTag(eventId) : await this.releases.versionTag(eventId, version);
    return { eventId, format, lang, version: release.version, pinned: version !== undefined, etag: this.etagOf(release.etag, format, lang) };
  }

  /** The export's bytes, rendered once per version, format and language (the snapshot is read only then). */
  async file(tag: ExportTag): Promise<ExportFile> {
    const key = `${tag.eventId.toLowerCase()}:${tag.version}:${tag.format}:${tag.lang}:${tag.etag}`;
    let rendered = this.cache.get(key);
    if (rendered) {
      this.cache.delete(key);
    } else {
      rendered = this.renderRelease(tag);
      // a failed rendering is not kept
      rendered.catch(() => this.cache.delete(key));
    }
    this.cache.set(key, rendered);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    const { body, encoded, filename } = await rendered;
    const { contentType, disposition } = EXPORT_FORMATS[tag.format];
    return { body, encoded, contentType, disposition: `${disposition}; filename="${filename}"` };
  }

  private async renderRelease(tag: ExportTag): Promise<Rendered> {
    const release = await this.releases.find(tag.eventId, tag.version);
    const body = await this.render(release.snapshot, tag.format, tag.lang);
    return { body, encoded: tag.format === 'pdf' ? null : await encodeBody(body), filename: fileName(release.snapshot, tag) };
  }

  private async render(snapshot: ProgrammeSnapshot, format: ExportFormat, lang: ExportLanguage): Promise<Buffer> {
    const schedule: ScheduleOptions = {
      lang,
      publicUrl: this.config.publicUrl,
      generator: { name: 'colloquium-back-office', version: `exports-${EXPORTS_REVISION}` },
    };
    switch (format) {
      case 'ics':
        return Buffer.from(renderProgrammeIcs(snapshot, lang, this.config.publicUrl), 'utf8');
      case 'xml':
        return Buffer.from(renderScheduleXml(snapshot, schedule), 'utf8');
      case 'xml-pentabarf':
        return Buffer.from(renderScheduleXml(snapshot, schedule, 'pentabarf'), 'utf8');
      case 'json':
        return Buffer.from(renderScheduleJson(snapshot, schedule), 'utf8');
      case 'pdf':
        return renderProgrammePdf(snapshot, lang);
    }
  }

  /** `"<base64url SHA-256 of release ETag, format, language, renderers' revision, public URL>"`. */
  private etagOf(releaseEtag: string, format: ExportFormat, lang: ExportLanguage): string {
    const seed = [releaseEtag.replace(/^W\//, ''), format, lang, `r${EXPORTS_REVISION}`, this.config.publicUrl].join('\n');
    return `"${createHash('sha256').update(seed, 'utf8').digest('base64url')}"`;
  }
}
