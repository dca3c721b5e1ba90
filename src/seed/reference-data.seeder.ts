import { Injectable } from '@nestjs/common';
import { EventsService } from '../events/events.service.js';
import { EventOrganisationsService } from '../organisations/event-organisations.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { VenuesService } from '../venues/venues.service.js';
import { CEREMONY_2012, COLLOQUIUM_2012, ORGANISATIONS_2012, PRESS_CONTACT, VENUES_2012 } from './reference-data-2012.js';
import { SeedLedger } from './seed-ledger.js';

/** Loads the 2012 reference data (venues, organisations, the two events and their roles) once. */
@Injectable()
export class ReferenceDataSeeder {
  constructor(
    private readonly ledger: SeedLedger,
    private readonly venues: VenuesService,
    private readonly events: EventsService,
    private readonly organisations: OrganisationsService,
    private readonly eventRoles: EventOrganisationsService,
  ) {}

  async seed(): Promise<void> {
    const venueIds = new Map<string, string | null>();
    for (const venue of VENUES_2012) {
      const { key, ...fields } = venue;
      venueIds.set(key, await this.ledger.once(key, async () => (await this.venues.create({ ...fields, countryCode: 'FR', timeZone: 'Europe/Paris' })).id));
    }
    const present = (key: string) => {
      const id = venueIds.get(key);
      return id ? [id] : [];
    };
    const colloquiumId = await this.ledger.once(COLLOQUIUM_2012.key, async () => {
      const c = COLLOQUIUM_2012;
      const event = await this.events.create({
        slug: c.slug,
        kind: c.kind,
        nameFr: c.nameFr,
        themeFr: c.themeFr,
        startDate: c.startDate,
        endDate: c.endDate,
        timeZone: c.timeZone,
        website: c.website,
        contactEmail: PRESS_CONTACT.email,
        contactPhone: PRESS_CONTACT.phone,
        venueIds: await this.existingVenues(present(c.venue)),
      });
      return event.id;
    });
    const ceremonyId = await this.ledger.once(CEREMONY_2012.key, async () => {
      const c = CEREMONY_2012;
      const event = await this.events.create({
        slug: c.slug,
        kind: c.kind,
        parentEventId: colloquiumId && (await this.eventExists(colloquiumId)) ? colloquiumId : null,
        nameFr: c.nameFr,
        startsAt: c.startsAt,
        endsAt: c.endsAt,
        timeZone: c.timeZone,
        website: c.website,
        contactEmail: PRESS_CONTACT.email,
        contactPhone: PRESS_CONTACT.phone,
        venueIds: await this.existingVenues(present(c.venue)),
      });
      return event.id;
    });
    const organisationIds = new Map<string, string | null>();
    for (const organisation of ORGANISATIONS_2012) {
      const { key, ...fields } = organisation;
      organisationIds.set(key, await this.ledger.once(key, async () => (await this.organisations.create(fields)).id));
    }
    for (const [event, eventId] of [
      [COLLOQUIUM_2012, colloquiumId],
      [CEREMONY_2012, ceremonyId],
    ] as const) {
      for (const role of event.roles) {
        const organisationId = organisationIds.get(role.organisation);
        if (!eventId || !organisationId) continue;
        // A DomainError (the event or the organisation was deleted since) skips the role for good.
        await this.ledger.once(`role:${event.slug}:${role.organisation}:${role.role}`, async () => {
          const created = await this.eventRoles.add(eventId, {
            organisationId,
            role: role.role,
            displayOrder: role.displayOrder,
            note: role.note ?? null,
          });
          return created.id;
        });
      }
    }
  }

  private async existingVenues(ids: string[]): Promise<string[]> {
    try {
      await this.venues.assertAllExist(ids);
      return ids;
    } catch {
      return [];
    }
  }

  private async eventExists(id: string): Promise<boolean> {
    try {
      await this.events.assertExists(id);
      return true;
    } catch {
      return false;
    }
  }
}
