import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/test-app.js';

/** Helpers of the programme tests (sessions, talks, conflicts) on the 2012 reference data. */

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface Speaker {
  id: string;
  email: string;
  token: string;
  name: string;
}

export async function signUp(t: TestApp, firstName: string, lastName: string): Promise<Speaker> {
  const email = `${firstName.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}-${randomBytes(3).toString('hex')}@example.org`;
  const res = await t.http
    .post('/api/speakers/signup')
    .send({ email, password: 'un-mot-de-passe-2012', firstName, lastName, affiliation: 'CNRS', countryCode: 'FR' });
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email, token: res.body.accessToken, name: `${firstName} ${lastName}` };
}

export interface Colloquium {
  organiser: string;
  vtnId: string;
  labelId: string;
  cnrsId: string;
  cardinId: string;
  typeId: string;
  /** Rooms: CNRS amphitheatre (300), CNRS room 2 (40), Espace Cardin main hall (500). */
  amphi: string;
  salle2: string;
  cardin: string;
}

async function ok<T = Record<string, unknown>>(res: { status: number; body: T }, want: number, what: string): Promise<T> {
  if (res.status !== want) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The colloquium (vtn2012, CNRS) and its ceremony (label2012, Espace Cardin) from the reference
 * data, a call for papers open now with a 20-minute type, and three rooms made here.
 */
export async function setUpColloquium(t: TestApp): Promise<Colloquium> {
  const organiser = await t.adminToken();
  const vtn = (await t.http.get('/api/events?slug=vtn2012')).body.items[0];
  const label = (await t.http.get('/api/events?slug=label2012')).body.items[0];
  const cnrsId = vtn.venues.find((v: { name: string }) => v.name === 'CNRS').id as string;
  const cardinId = label.venues.find((v: { name: string }) => v.name === 'Espace Cardin').id as string;
  await ok(
    await t.http
      .put(`/api/events/${vtn.id}/cfp`)
      .set(bearer(organiser))
      .send({ opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), languages: ['fr', 'en'] }),
    200,
    'cfp',
  );
  const type = await ok(
    await t.http.post(`/api/events/${vtn.id}/submission-types`).set(bearer(organiser)).send({ code: 'communication', nameFr: 'Communication', nameEn: 'Paper', defaultMinutes: 20 }),
    201,
    'type',
  );
  const room = async (venueId: string, name: string, capacity: number) =>
    (await ok(await t.http.post(`/api/venues/${venueId}/rooms`).set(bearer(organiser)).send({ name, capacity }), 201, 'room')).id as string;
  return {
    organiser,
    vtnId: vtn.id,
    labelId: label.id,
    cnrsId,
    cardinId,
    typeId: type.id as string,
    amphi: await room(cnrsId, `Amphithéâtre ${randomBytes(2).toString('hex')}`, 300),
    salle2: await room(cnrsId, `Salle 2 ${randomBytes(2).toString('hex')}`, 40),
    cardin: await room(cardinId, `Grande salle ${randomBytes(2).toString('hex')}`, 500),
  };
}

/** A proposal by `speaker` (co-signed by `co` when given), submitted and accepted, and confirmed unless told. */
export async function acceptedProposal(
  t: TestApp,
  c: Colloquium,
  speaker: Speaker,
  title: string,
  options: { confirm?: boolean; co?: Speaker; accept?: boolean } = {},
): Promise<string> {
  const created = await ok(
    await t.http
      .post(`/api/events/${c.vtnId}/submissions`)
      .set(bearer(speaker.token))
      .send({ titleFr: title, abstractFr: 'Résumé.', typeId: c.typeId, ...(options.co ? { coSpeakers: [options.co.email] } : {}) }),
    201,
    'proposal',
  );
  const id = created.id as string;
  const move = async (token: string, action: string) => ok(await t.http.post(`/api/submissions/${id}/transitions`).set(bearer(token)).send({ action }), 200, action);
  await move(speaker.token, 'submit');
  if (options.co) await ok(await t.http.post(`/api/submissions/${id}/invitation/accept`).set(bearer(options.co.token)), 200, 'co-accept');
  if (options.accept === false) return id;
  await move(c.organiser, 'accept');
  if (options.confirm !== false) await move(speaker.token, 'confirm');
  return id;
}

/** Row counts of the programme's tables. */
export async function programmeCounts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['sessions', 'session_chairs', 'talks', 'programme_conflict_settings', 'programme_conflict_acknowledgements']) {
    out[table] = Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  }
  return out;
}
