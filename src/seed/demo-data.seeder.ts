import { Injectable } from '@nestjs/common';
import { EventOrganisationsService } from '../organisations/event-organisations.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { UsersService } from '../users/users.service.js';
import { RoomsService } from '../venues/rooms.service.js';
import { TravelTimesService } from '../venues/travel-times.service.js';
import { COLLOQUIUM_2012 } from './reference-data-2012.js';
import { SeedLedger } from './seed-ledger.js';

/** Rooms for trying the programme later: invented, and named so (« démo »). */
const DEMO_ROOMS = [
  { venue: 'venue:cnrs-michel-ange', name: 'Amphithéâtre (démo)', capacity: 150, equipment: ['vidéoprojecteur', 'micros'] },
  { venue: 'venue:cnrs-michel-ange', name: 'Salle 1 (démo)', capacity: 40, equipment: ['vidéoprojecteur'] },
  { venue: 'venue:cnrs-michel-ange', name: 'Salle 2 (démo)', capacity: 40, equipment: [] },
  { venue: 'venue:espace-cardin', name: 'Grande salle (démo)', capacity: 700, equipment: ['scène', 'sonorisation'] },
];

/**
 * A small, clearly fictitious data set for trying the back-office (`npm run seed:demo`): a
 * reception account, rooms, a travel time between the two venues and a sponsor. Every name says
 * « démo »; nothing here is a fact of 2012. It builds on the reference data, and like it each
 * item is loaded once.
 */
@Injectable()
export class DemoDataSeeder {
  constructor(
    private readonly ledger: SeedLedger,
    private readonly users: UsersService,
    private readonly rooms: RoomsService,
    private readonly travelTimes: TravelTimesService,
    private readonly organisations: OrganisationsService,
    private readonly eventRoles: EventOrganisationsService,
  ) {}

  /** Loads what is not loaded yet; returns one line per item loaded. */
  async seed(): Promise<string[]> {
    const report: string[] = [];
    const load = async (key: string, line: string, create: () => Promise<string>) => {
      const before = await this.ledger.idOf(key);
      const id = await this.ledger.once(key, create);
      if (!before && id) report.push(line);
      return id;
    };
    await load('demo:reception-account', 'reception account accueil.demo@example.org / accueil-demo-2012', async () =>
      (
        await this.users.createAccount({
          email: 'accueil.demo@example.org',
          password: 'accueil-demo-2012',
          displayName: 'Accueil (démo)',
          roles: ['reception'],
        })
      ).id,
    );
    for (const room of DEMO_ROOMS) {
      const venueId = await this.ledger.idOf(room.venue);
      if (!venueId) continue;
      await load(`demo:room:${room.name}`, `room ${room.name}`, async () =>
        (await this.rooms.create(venueId, { name: room.name, capacity: room.capacity, equipment: room.equipment })).id,
      );
    }
    const cnrs = await this.ledger.idOf('venue:cnrs-michel-ange');
    const cardin = await this.ledger.idOf('venue:espace-cardin');
    if (cnrs && cardin) {
      await load('demo:travel:cnrs-cardin', 'travel time CNRS ↔ Espace Cardin (démo: 30 min by transit, 60 on foot)', async () => {
        await this.travelTimes.put({ fromVenueId: cnrs, toVenueId: cardin, transitMinutes: 30, walkingMinutes: 60 });
        return cnrs;
      });
    }
    const sponsorId = await load('demo:org:sponsor', 'organisation Exemple SARL (démo)', async () =>
      (await this.organisations.create({ name: 'Exemple SARL (démo)', kind: 'company', website: 'https://example.org' })).id,
    );
    const colloquiumId = await this.ledger.idOf(COLLOQUIUM_2012.key);
    if (sponsorId && colloquiumId) {
      await load('demo:role:sponsor', 'Exemple SARL (démo) as gold sponsor of the colloquium', async () =>
        (await this.eventRoles.add(colloquiumId, { organisationId: sponsorId, role: 'sponsor', sponsorTier: 'or (démo)', displayOrder: 1 })).id,
      );
    }
    return report;
  }
}
