import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { MailService } from '../../mail/mail.service.js';
import { CeremonyDelegatesService } from './ceremony-delegates.service.js';
import { zonedIso } from './ceremony-date.js';
import { CeremonyYearReader } from './ceremony-year.reader.js';
import { contactTokenHash, looksLikeContactToken, newContactToken } from './contact-token.js';
import { MAX_DELEGATES_PER_TOWN } from './delegate-rules.js';
import type { ContactLinkDto } from './dto/contact-link.dto.js';
import type { ContactLinkResponse } from './dto/contact-link.response.js';
import type { TownContactResponse } from './dto/town-contact.response.js';

/**
 * The town contact's personal link: organisers issue it (a new one replaces the old, which stops
 * working at once) and it is mailed through the outbox, in the same transaction; the database keeps
 * only its SHA-256 (label_awards.contact_token_hash). A token opens its own town and year only:
 * any other token, a revoked one or a malformed one is the same 404.
 */
@Injectable()
export class TownContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: CeremonyYearReader,
    private readonly delegates: CeremonyDelegatesService,
    private readonly mail: MailService,
  ) {}

  async issue(year: number, insee: string, dto: ContactLinkDto): Promise<ContactLinkResponse> {
    return this.dataSource.transaction(async (m) => {
      const town = await this.reader.town(m, year, insee, true);
      const email = (dto.email ?? town.contactEmail ?? '').trim().toLowerCase();
      if (!email) {
        throw new DomainError(422, 'CONTACT_EMAIL_REQUIRED', `No contact address is known for ${town.townName}: give one (email)`, { field: 'email' });
      }
      const ceremony = await this.reader.year(m, year);
      const token = newContactToken();
      const [previous] = await m.query<Array<{ had: boolean }>>(
        `SELECT contact_token_hash IS NOT NULL AS had FROM label_awards WHERE id = $1`,
        [town.id],
      );
      await m.query(`UPDATE label_awards SET contact_email = $2, contact_token_hash = $3, updated_at = now() WHERE id = $1`, [town.id, email, contactTokenHash(token)]);
      await this.mail.enqueue(m, {
        to: email,
        template: 'label-contact-link',
        data: {
          firstName: dto.firstName ?? undefined,
          townName: town.townName,
          year: String(year),
          eventName: ceremony.eventNameFr ?? `Label Ville Internet ${year}`,
          link: this.mail.linkTo(`/api/labels/${year}/towns/${town.insee}/contact/${token}`),
          maxDelegates: String(MAX_DELEGATES_PER_TOWN),
        },
      });
      return { year, insee: town.insee, townName: town.townName, contactEmail: email, replacedPrevious: previous?.had ?? false };
    });
  }

  /** The link stops working (the address stays on the label for the next one). */
  async revoke(year: number, insee: string): Promise<void> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `UPDATE label_awards SET contact_token_hash = NULL, updated_at = now() WHERE year = $1 AND insee = $2 RETURNING id`,
      [year, insee],
    );
    const updated = Array.isArray(rows[0]) ? (rows[0] as unknown as unknown[]) : rows;
    if (!updated.length) throw notFound('Labelled town', { year, insee });
  }

  /** The SHA-256 of a token that could be one; 404 at once for anything else. */
  tokenHash(token: string): string {
    if (!looksLikeContactToken(token)) throw notFound('Town contact link');
    return contactTokenHash(token);
  }

  /** What the contact sees: the town, the ceremony, the delegates; the level only once revealed. */
  async view(year: number, insee: string, token: string): Promise<TownContactResponse> {
    const hash = this.tokenHash(token);
    const m = this.dataSource.manager;
    const town = await this.reader.townByContactToken(m, year, insee, hash);
    const ceremony = await this.reader.year(m, year);
    return {
      year,
      insee: town.insee,
      townName: town.townName,
      departement: town.departement,
      region: town.region,
      level: ceremony.revealed ? town.level : null,
      levelRevealed: ceremony.revealed,
      ceremony: {
        eventId: ceremony.eventId,
        name: ceremony.eventNameFr,
        startsAt: ceremony.ceremonyStart ? zonedIso(ceremony.ceremonyStart, ceremony.timeZone) : null,
      },
      delegates: await this.delegates.all(m, ceremony, town),
      maxDelegates: MAX_DELEGATES_PER_TOWN,
    };
  }
}
