import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { CLOCK, type Clock } from '../../common/time/clock.js';
import type { Role } from '../../common/auth/role.js';
import { mayReadCeremonyDocuments } from './ceremony-access.js';
import { frenchCeremonyDate, zonedIso } from './ceremony-date.js';
import { CeremonyYearReader, type CeremonyYear } from './ceremony-year.reader.js';
import { renderCertificatesPdf } from './certificates-pdf.js';
import type { RunningOrderResponse } from './dto/running-order.response.js';
import { buildRunningOrder, compareTowns, type RunningOrder, type RunningOrderDelegate } from './running-order.js';
import { renderRunningOrderPdf } from './running-order-pdf.js';

/**
 * The last few PDFs drawn, keyed by the SHA-256 of the content they show (kind and canonical JSON of
 * the renderer's input, the file's own date aside): drawing 356 certificates takes most of a second
 * of CPU, and the same file is asked for again and again on the evening. Any change of what a page
 * shows (a check-in, a renamed town, the minute printed on the running order) is another key, so a
 * stale file is never served; each instance keeps its own, which stays right with several. Only
 * asked after the embargo check.
 */
class RenderedPdfs {
  private readonly entries = new Map<string, Promise<Buffer>>();

  constructor(private readonly capacity: number) {}

  get(kind: string, content: unknown, render: () => Promise<Buffer>): Promise<Buffer> {
    const key = createHash('sha256').update(kind).update('\0').update(JSON.stringify(content)).digest('hex');
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const pending = render();
    this.entries.set(key, pending);
    // a failed drawing is not kept
    pending.catch(() => this.entries.delete(key));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return pending;
  }
}

/**
 * The documents of the evening that show levels — the running order (JSON and PDF) and the
 * certificates — behind the embargo: organisers at any time, reception staff once the palmarès is
 * revealed, nobody else. The check comes before anything is read about the towns, so an embargoed
 * answer says nothing of them (403 LABEL_EMBARGOED, the same whatever the data).
 */
@Injectable()
export class CeremonyDocumentsService {
  /** PDFs already drawn, by the hash of exactly what they show (see RenderedPdfs). */
  private readonly rendered = new RenderedPdfs(8);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reader: CeremonyYearReader,
  ) {}

  async runningOrder(year: number, roles: readonly Role[]): Promise<RunningOrderResponse> {
    const ceremony = await this.readable(year, roles);
    const order = await this.buildOrder(ceremony);
    return {
      year,
      eventName: ceremony.eventNameFr,
      ceremonyStartsAt: ceremony.ceremonyStart ? zonedIso(ceremony.ceremonyStart, ceremony.timeZone) : null,
      revealed: ceremony.revealed,
      generatedAt: zonedIso(this.clock.now(), ceremony.timeZone),
      levels: order.levels,
      totals: order.totals,
    };
  }

  async runningOrderPdf(year: number, roles: readonly Role[]): Promise<Buffer> {
    const ceremony = await this.readable(year, roles);
    const order = await this.buildOrder(ceremony);
    const now = this.clock.now();
    const content = {
      year,
      eventName: ceremony.eventNameFr,
      dateFr: this.dateFr(ceremony),
      generatedAtLocal: DateTime.fromJSDate(now, { zone: ceremony.timeZone }).toFormat('dd/LL/yyyy HH:mm'),
      order,
    };
    return this.rendered.get('running-order', content, () => renderRunningOrderPdf({ ...content, producedAt: now }));
  }

  async certificatesPdf(year: number, roles: readonly Role[], insee: string | undefined): Promise<Buffer> {
    const ceremony = await this.readable(year, roles);
    let towns = (await this.reader.towns(this.dataSource.manager, year)).map((t) => ({
      insee: t.insee,
      name: t.townName,
      departement: t.departement,
      region: t.region,
      level: t.level,
      firstParticipation: t.firstParticipation,
    }));
    if (insee !== undefined) {
      towns = towns.filter((t) => t.insee === insee);
      if (!towns.length) throw notFound('Labelled town', { year, insee });
    }
    towns.sort(compareTowns);
    const content = {
      year,
      dateFr: this.dateFr(ceremony),
      eventName: ceremony.eventNameFr,
      certificates: towns.map((t) => ({ townName: t.name, departement: t.departement, region: t.region, level: t.level })),
    };
    return this.rendered.get('certificates', content, () => renderCertificatesPdf({ ...content, producedAt: this.clock.now() }));
  }

  /** The year (404 when it does not exist), once the caller may see its levels (403 LABEL_EMBARGOED before the reveal). */
  private async readable(year: number, roles: readonly Role[]): Promise<CeremonyYear> {
    const ceremony = await this.reader.year(this.dataSource.manager, year);
    if (!mayReadCeremonyDocuments(roles, ceremony.revealed)) {
      throw new DomainError(403, 'LABEL_EMBARGOED', `The palmarès ${year} is not revealed yet: only the organisers may see this document until the ceremony`);
    }
    return ceremony;
  }

  private dateFr(ceremony: CeremonyYear): string {
    return ceremony.ceremonyStart ? frenchCeremonyDate(ceremony.ceremonyStart, ceremony.timeZone) : String(ceremony.year);
  }

  /** Towns of the year with their delegates (two queries whatever the size), delegates present marked. */
  private async buildOrder(ceremony: CeremonyYear): Promise<RunningOrder> {
    const m = this.dataSource.manager;
    const towns = await this.reader.towns(m, ceremony.year);
    let delegates: RunningOrderDelegate[] = [];
    if (ceremony.eventId) {
      const rows: { id: string; town_insee: string; first_name: string; last_name: string; admission: RunningOrderDelegate['admission'] | null; present: boolean }[] =
        await m.query(
          `SELECT p.id, p.town_insee, p.first_name, p.last_name, a.status AS admission,
                  EXISTS (SELECT 1 FROM check_ins c WHERE c.participant_id = p.id AND c.part_id = $2::uuid) AS present
           FROM participants p
           LEFT JOIN part_admissions a ON a.participant_id = p.id AND a.part_id = $2::uuid AND a.status <> 'cancelled'
           WHERE p.event_id = $1 AND p.status = 'registered' AND 'city-representative' = ANY(p.categories)
             AND p.town_insee IN (SELECT insee FROM label_awards WHERE year = $3)`,
          [ceremony.eventId, ceremony.partId, ceremony.year],
        );
      delegates = rows.map((r) => ({
        participantId: r.id,
        insee: r.town_insee,
        firstName: r.first_name,
        lastName: r.last_name,
        admission: r.admission as RunningOrderDelegate['admission'],
        present: r.present,
      }));
    }
    return buildRunningOrder(
      towns.map((t) => ({ insee: t.insee, name: t.townName, departement: t.departement, region: t.region, level: t.level, firstParticipation: t.firstParticipation })),
      delegates,
    );
  }
}
