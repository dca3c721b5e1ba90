import { CLOCK, type SettableClock } from '../../../src/common/time/clock.js';
import type { TestApp } from '../../support/test-app.js';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Labelled towns of a synthetic 2012 palmarès: accents, a hyphen and an apostrophe, Corsica, overseas, a long name. */
export const TOWNS = [
  { insee: '13094', name: 'Saint-Rémy-de-Provence', departement: '13', region: 'Provence-Alpes-Côte d’Azur', level: 3, first: false },
  { insee: '59009', name: 'Villeneuve-d’Ascq', departement: '59', region: 'Nord-Pas-de-Calais', level: 5, first: false },
  { insee: '51513', name: 'Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson', departement: '51', region: 'Champagne-Ardenne', level: 3, first: true },
  { insee: '92040', name: 'Issy-les-Moulineaux', departement: '92', region: 'Île-de-France', level: 5, first: false },
  { insee: '2A004', name: 'Ajaccio', departement: '2A', region: 'Corse', level: 2, first: true },
  { insee: '59350', name: 'Lille', departement: '59', region: 'Nord-Pas-de-Calais', level: 4, first: false },
  { insee: '62041', name: 'Arras', departement: '62', region: 'Nord-Pas-de-Calais', level: 3, first: false },
  { insee: '38185', name: 'Grenoble', departement: '38', region: 'Rhône-Alpes', level: 1, first: true },
  { insee: '33063', name: 'Bordeaux', departement: '33', region: 'Aquitaine', level: 1, first: false },
  { insee: '97411', name: 'Saint-Denis', departement: '974', region: 'La Réunion', level: 2, first: false },
] as const;

/** The order the running order must give: level up, region, name (French order: « Île-de-France » before « Nord… »). */
export const EXPECTED_ORDER = [
  'Bordeaux', 'Grenoble',
  'Ajaccio', 'Saint-Denis',
  'Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson', 'Arras', 'Saint-Rémy-de-Provence',
  'Lille',
  'Issy-les-Moulineaux', 'Villeneuve-d’Ascq',
];

/** Before the ceremony (6 February 2012, 18:00 in Paris = 17:00 UTC) and after it started. */
export const BEFORE = new Date('2012-02-01T10:00:00Z');
export const AFTER = new Date('2012-02-06T17:30:00Z');

export interface CeremonyFixture {
  eventId: string;
  partId: string;
}

export function clock(t: TestApp): SettableClock {
  return t.booted.app.get<SettableClock>(CLOCK);
}

/**
 * The 2012 label year on the seeded ceremony (label2012), its ceremony part with `capacity` seats
 * (by invitation), and the towns above, written directly (the labels' own routes are another
 * capability's).
 */
export async function seedCeremony(t: TestApp, capacity: number): Promise<CeremonyFixture> {
  const db = t.booted.dataSource;
  const event = await t.http.get('/api/events?slug=label2012');
  const eventId = event.body.items[0].id as string;
  await db.query(`INSERT INTO label_years (year, event_id) VALUES (2012, $1)`, [eventId]);
  const [part] = await db.query(
    `INSERT INTO event_parts (event_id, code, name_fr, kind, admission, capacity) VALUES ($1, 'ceremonie', 'Cérémonie du Label', 'ceremony', 'invitation', $2) RETURNING id`,
    [eventId, capacity],
  );
  for (const town of TOWNS) {
    await db.query(
      `INSERT INTO label_awards (year, insee, town_name, departement, region, level, first_participation) VALUES (2012, $1, $2, $3, $4, $5, $6)`,
      [town.insee, town.name, town.departement, town.region, town.level, town.first],
    );
  }
  return { eventId, partId: part.id as string };
}

/** Issues the contact's link through the API and reads the token back from the mail, as the contact would. */
export async function contactToken(t: TestApp, admin: string, insee: string, email = `contact-${insee.toLowerCase()}@mairie.test`): Promise<string> {
  const res = await t.http.post(`/api/labels/2012/towns/${insee}/contact-link`).set(bearer(admin)).send({ email });
  if (res.status !== 200) throw new Error(`contact-link ${insee}: ${res.status} ${JSON.stringify(res.body)}`);
  const [mail] = await t.booted.dataSource.query(
    `SELECT text_body FROM outbox_messages WHERE template = 'label-contact-link' AND to_address = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
    [email],
  );
  const match = /\/api\/labels\/2012\/towns\/[0-9AB]{5}\/contact\/([A-Za-z0-9_-]{43})/.exec(mail.text_body as string);
  if (!match) throw new Error(`no link in the mail: ${mail.text_body}`);
  return match[1];
}

/** Checks a participant in to the ceremony part (as the reception desk's scan writes it). */
export async function checkIn(t: TestApp, fixture: CeremonyFixture, participantId: string): Promise<void> {
  await t.booted.dataSource.query(`INSERT INTO check_ins (event_id, participant_id, part_id, day) VALUES ($1, $2, $3, '2012-02-06')`, [
    fixture.eventId,
    participantId,
    fixture.partId,
  ]);
}

export async function counts(t: TestApp): Promise<Record<string, number>> {
  const [row] = await t.booted.dataSource.query(
    `SELECT (SELECT count(*)::int FROM participants) AS participants, (SELECT count(*)::int FROM part_admissions) AS admissions,
            (SELECT coalesce(sum(admitted_count), 0)::int FROM event_parts) AS seats, (SELECT count(*)::int FROM outbox_messages) AS mails,
            (SELECT count(*)::int FROM label_awards WHERE contact_token_hash IS NOT NULL) AS links`,
  );
  return row;
}

/** A speaker account's token (signs up through the API). */
export async function speakerToken(t: TestApp): Promise<string> {
  const res = await t.http.post('/api/speakers/signup').send({
    email: 'orateur@test.local', password: 'speaker-password-1', firstName: 'Odile', lastName: 'Orateur', affiliation: 'Test', countryCode: 'FR',
  });
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}
