import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MailService } from '../mail/mail.service.js';

/**
 * Tells people they now hold a seat (admission-granted), through the outbox, in the caller's transaction.
 * The mail links to the public home page (the happenings, their dates and places, the programme once
 * published): a page a person can read, whether or not a programme is out yet.
 */
@Injectable()
export class AdmissionMailer {
  constructor(private readonly mail: MailService) {}

  /** One mail per participant admitted to the part, in one INSERT; programme guests without an email (and anonymised people) are skipped. */
  async tellAdmitted(manager: EntityManager, partId: string, participantIds: string[]): Promise<void> {
    if (!participantIds.length) return;
    // the event's name is read through this transaction's connection (the embedded engine has only one)
    const rows: { email: string; first_name: string; last_name: string; part_name: string; event_name: string }[] = await manager.query(
      `SELECT pa.email, pa.first_name, pa.last_name, p.name_fr AS part_name, e.name_fr AS event_name
       FROM participants pa JOIN event_parts p ON p.id = $1 JOIN events e ON e.id = p.event_id
       WHERE pa.id = ANY($2::uuid[]) AND pa.anonymised_at IS NULL AND pa.email IS NOT NULL`,
      [partId, participantIds],
    );
    await this.mail.enqueueAll(
      manager,
      rows.map((r) => ({
        to: r.email,
        toName: `${r.first_name} ${r.last_name}`,
        template: 'admission-granted' as const,
        data: { firstName: r.first_name, eventName: r.event_name, partName: r.part_name, link: this.mail.linkTo('/') },
      })),
    );
  }
}
