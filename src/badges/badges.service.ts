import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { PARTICIPANT_CATEGORIES } from '../participants/participant-category.js';
import { categoryLabel, type BadgePerson } from './badge-fields.js';
import type { BadgePreviewResponse } from './dto/badge-preview.response.js';
import type { BadgeTemplatesResponse } from './dto/badge-templates.response.js';
import type { BadgeFilter } from './badge-filter.js';
import { BadgeDataReader, type BadgeEventRow } from './badge-data.reader.js';
import { logPrints } from './badge-print-log.js';
import { sheetLayout, sheetsFor } from './badge-layout.js';
import { BadgeDocument, type PreparedBadge } from './badge-renderer.js';
import type { BadgeTemplate } from './badge-template.js';
import { BadgeTemplates } from './badge-templates.js';

/** A PDF of badges ready to be written: what it holds, and how to write it. */
export interface BadgeJob {
  /** The print job it comes from (none for a single badge). */
  jobId?: string;
  badges: number;
  sheets: number;
  templates: string[];
  /** Participants whose badge overflowed somewhere (text narrowed to stay in its box). */
  overflows: { participantId: string; elements: string[] }[];
  filename: string;
  /** Writes the PDF into `out`, page by page as it renders, and ends it. */
  write(out: Writable): Promise<void>;
}

interface Group {
  template: BadgeTemplate;
  badges: PreparedBadge[];
}

const OVERFLOW_DETAIL_LIMIT = 1000;

/**
 * Badges: one for the desk printer, the preview, the QR token's rotation and organisers' template
 * per category; print jobs of many badges are PrintJobsService's, on the helpers here. A single
 * badge is logged (badge_prints) before its one page is written.
 */
@Injectable()
export class BadgesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: BadgeTemplates,
  ) {}

  /** One badge on a single-badge page (the desk printer), logged as a first print or a reprint. */
  async single(participantId: string, user: RequestUser, options: { template?: string; reason?: string; preview?: boolean }): Promise<BadgeJob> {
    const found = await BadgeDataReader.person(this.dataSource.manager, participantId);
    if (!found) throw notFound('Participant');
    this.assertPrintable(found);
    return this.singleFor(found.person, found.eventId, user, options, null);
  }

  /**
   * A lost badge: the participant gets a new badge token (the old QR code stops working at once)
   * and the new badge is printed, logged as a reprint with the reason — one transaction.
   */
  async rotateAndPrint(participantId: string, user: RequestUser, reason: string): Promise<BadgeJob> {
    const found = await BadgeDataReader.person(this.dataSource.manager, participantId);
    if (!found) throw notFound('Participant');
    this.assertPrintable(found);
    return this.singleFor(found.person, found.eventId, user, { reason }, async (manager) => {
      const [row] = await manager.query(
        `WITH rotated AS (UPDATE participants SET badge_token = badge_token(), badge_token_rotated_at = now()
           WHERE id = $1 AND anonymised_at IS NULL RETURNING badge_token) SELECT badge_token FROM rotated`,
        [participantId],
      );
      if (!row) throw notFound('Participant');
      return row.badge_token as string;
    });
  }

  private assertPrintable(found: { status: string; anonymised: boolean }): void {
    if (found.anonymised) throw new DomainError(409, 'PARTICIPANT_ANONYMISED', 'This participant was anonymised: no badge can be printed');
    if (found.status !== 'registered') throw new DomainError(409, 'PARTICIPANT_CANCELLED', 'This registration is cancelled: register the person again before printing a badge');
  }

  private async singleFor(
    person: BadgePerson,
    eventId: string,
    user: RequestUser,
    options: { template?: string; reason?: string; preview?: boolean },
    rotate: ((manager: EntityManager) => Promise<string>) | null,
  ): Promise<BadgeJob> {
    const event = await this.event(eventId);
    const template = options.template ? this.templates.get(options.template) : this.templates.get(await this.templateNameFor(event, person.category));
    // a preview is not a print: nothing logged, the badge stays « not yet printed »
    if (!options.preview) await this.dataSource.transaction(async (manager) => {
      if (rotate) person = { ...person, token: await rotate(manager) };
      await logPrints(manager, { eventId, user, entries: [{ participantId: person.participantId, template: template.name }], reason: options.reason ?? null, batchId: null });
    });
    const doc = this.document(event, template.title);
    const badge = doc.prepare(person, template);
    return {
      badges: 1,
      sheets: 1,
      templates: [template.name],
      overflows: badge.overflows.length ? [{ participantId: person.participantId, elements: badge.overflows }] : [],
      filename: `badge-${person.participantId}.pdf`,
      write: (out) => this.writeDoc(doc, out, [{ template, badges: [badge] }], true),
    };
  }

  /** What a print job with this filter would give: badges, sheets, and which badges overflow. Nothing is logged. */
  async preview(eventId: string, dto: { filter?: BadgeFilter; template?: string }): Promise<BadgePreviewResponse> {
    const event = await this.event(eventId);
    const explicit = dto.template ? this.templates.get(dto.template) : null;
    const doc = this.document(event, 'preview');
    const people = await BadgeDataReader.people(this.dataSource.manager, eventId, dto.filter ?? {});
    const groups = this.prepare(await this.assign(this.dataSource.manager, event, people, explicit), doc);
    const job = this.job(groups, '', async () => undefined);
    const names = new Map(people.map((p) => [p.participantId, p]));
    return {
      badges: job.badges,
      sheets: job.sheets,
      perTemplate: groups.map((g) => {
        const layout = sheetLayout(g.template);
        return { template: g.template.name, badges: g.badges.length, perSheet: layout.perSheet, sheets: sheetsFor(g.badges.length, layout.perSheet), duplex: g.template.back !== null };
      }),
      overflowCount: job.overflows.length,
      overflows: job.overflows.slice(0, OVERFLOW_DETAIL_LIMIT).map((o) => ({
        participantId: o.participantId,
        firstName: names.get(o.participantId)?.firstName ?? '',
        lastName: names.get(o.participantId)?.lastName ?? '',
        elements: o.elements,
      })),
    };
  }

  /** The templates that exist, the event's default and the template of each category. */
  async templateChoices(eventId: string): Promise<BadgeTemplatesResponse> {
    const event = await this.event(eventId);
    const choices = await BadgeDataReader.choices(this.dataSource.manager, eventId);
    const defaultTemplate = this.templates.defaultFor(event.kind);
    return {
      eventId,
      defaultTemplate,
      templates: this.templates.all().map((t) => ({
        name: t.name,
        title: t.title,
        badgeSize: t.badge.size,
        widthMm: t.badge.width,
        heightMm: t.badge.height,
        sheet: t.sheet.size,
        perSheet: sheetLayout(t).perSheet,
        cutGuides: t.cutGuides,
        duplex: t.back !== null,
      })),
      categories: PARTICIPANT_CATEGORIES.map((category) => {
        const chosen = choices.get(category);
        const usable = chosen !== undefined && this.templates.has(chosen);
        return {
          category,
          label: categoryLabel(category),
          template: usable ? chosen : defaultTemplate,
          chosen: usable,
          ...(chosen !== undefined && !usable ? { missingTemplate: chosen } : {}),
        };
      }),
    };
  }

  /** Replaces the organisers' choices (categories left out go back to the event's default). */
  async setTemplateChoices(eventId: string, choices: { category: string; template: string }[]): Promise<BadgeTemplatesResponse> {
    await this.event(eventId);
    const seen = new Set<string>();
    for (const c of choices) {
      this.templates.get(c.template);
      if (seen.has(c.category)) throw new DomainError(422, 'VALIDATION_FAILED', `Category "${c.category}" is given twice`, { category: c.category });
      seen.add(c.category);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM badge_template_choices WHERE event_id = $1`, [eventId]);
      if (choices.length) {
        await manager.query(`INSERT INTO badge_template_choices (event_id, category, template) SELECT $1, c, t FROM unnest($2::text[], $3::text[]) AS u(c, t)`, [
          eventId,
          choices.map((c) => c.category),
          choices.map((c) => c.template),
        ]);
      }
    });
    return this.templateChoices(eventId);
  }

  /** The event as badges show it, or 404. */
  async event(eventId: string): Promise<BadgeEventRow> {
    const event = await BadgeDataReader.event(this.dataSource.manager, eventId);
    if (!event) throw notFound('Event');
    return event;
  }

  private async templateNameFor(event: BadgeEventRow, category: string | null): Promise<string> {
    const choices = await BadgeDataReader.choices(this.dataSource.manager, event.id);
    const chosen = category ? choices.get(category) : undefined;
    return chosen && this.templates.has(chosen) ? chosen : this.templates.defaultFor(event.kind);
  }

  /** Each person's template: the explicit one, or their category's; groups in template-name order, people in their order. */
  async assign(manager: EntityManager, event: BadgeEventRow, people: BadgePerson[], explicit: BadgeTemplate | null): Promise<{ template: BadgeTemplate; people: BadgePerson[] }[]> {
    const choices = explicit ? new Map<string, string>() : await BadgeDataReader.choices(manager, event.id);
    const fallback = this.templates.defaultFor(event.kind);
    const byName = new Map<string, { template: BadgeTemplate; people: BadgePerson[] }>();
    for (const person of people) {
      let template = explicit;
      if (!template) {
        const chosen = person.category ? choices.get(person.category) : undefined;
        template = this.templates.get(chosen && this.templates.has(chosen) ? chosen : fallback);
      }
      let group = byName.get(template.name);
      if (!group) byName.set(template.name, (group = { template, people: [] }));
      group.people.push(person);
    }
    return [...byName.values()].sort((a, b) => a.template.name.localeCompare(b.template.name));
  }

  /** Measures every badge (text fitting) with its group's template. */
  private prepare(assigned: { template: BadgeTemplate; people: BadgePerson[] }[], doc: BadgeDocument): Group[] {
    return assigned.map((g) => ({ template: g.template, badges: g.people.map((person) => doc.prepare(person, g.template)) }));
  }

  private job(groups: Group[], filename: string, write: (out: Writable) => Promise<void>): BadgeJob {
    return {
      badges: groups.reduce((n, g) => n + g.badges.length, 0),
      sheets: groups.reduce((n, g) => n + sheetsFor(g.badges.length, sheetLayout(g.template).perSheet), 0),
      templates: groups.map((g) => g.template.name),
      overflows: groups.flatMap((g) => g.badges.filter((b) => b.overflows.length).map((b) => ({ participantId: b.person.participantId, elements: b.overflows }))),
      filename,
      write,
    };
  }

  /** A new PDF of badges for the event. */
  document(event: BadgeEventRow, title: string): BadgeDocument {
    return new BadgeDocument(event, this.templates.imageFiles(), { title });
  }

  private async writeDoc(doc: BadgeDocument, out: Writable, groups: Group[], single: boolean): Promise<void> {
    const finished = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('close', resolve);
      out.on('error', reject);
    });
    doc.doc.pipe(out);
    for (const g of groups) await doc.addBadges(g.template, g.badges, single);
    doc.end();
    await finished;
  }
}
