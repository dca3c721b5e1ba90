import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/test-app.js';

/** Helpers of the publication tests: a small two-day programme built through the API. */

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface Person {
  id: string;
  email: string;
  token: string;
  firstName: string;
  lastName: string;
}

export async function signUp(t: TestApp, firstName: string, lastName: string, affiliation = 'CNRS, LAVUE'): Promise<Person> {
  const email = `${randomBytes(5).toString('hex')}@example.org`;
  const res = await t.http
    .post('/api/speakers/signup')
    .send({ email, password: 'un-mot-de-passe-2012', firstName, lastName, affiliation, countryCode: 'FR' });
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email: res.body.user.email, token: res.body.accessToken, firstName, lastName };
}

export interface Stage {
  eventId: string;
  typeId: string;
  trackId: string;
  venueId: string;
  roomA: string;
  roomB: string;
}

/** An all-day event on 2030-02-06 and 07 (Europe/Paris) at one venue with two rooms, its call open now. */
export async function setUpStage(t: TestApp, organiser: string): Promise<Stage> {
  const venue = await t.http
    .post('/api/venues')
    .set(bearer(organiser))
    .send({ name: 'Campus Michel-Ange du CNRS', streetAddress: '3 rue Michel-Ange', postcode: '75016', city: 'Paris' });
  if (venue.status !== 201) throw new Error(`venue: ${venue.status} ${JSON.stringify(venue.body)}`);
  const room = async (name: string) => {
    const res = await t.http.post(`/api/venues/${venue.body.id}/rooms`).set(bearer(organiser)).send({ name, capacity: 200 });
    if (res.status !== 201) throw new Error(`room: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const roomA = await room('Amphithéâtre Marie Curie');
  const roomB = await room('Salle Émile Durkheim');
  const event = await t.http
    .post('/api/events')
    .set(bearer(organiser))
    .send({
      slug: `pub${randomBytes(4).toString('hex')}`,
      nameFr: 'Villes et territoires numériques',
      nameEn: 'Digital cities and territories',
      startDate: '2030-02-06',
      endDate: '2030-02-07',
      venueIds: [venue.body.id],
    });
  if (event.status !== 201) throw new Error(`event: ${event.status} ${JSON.stringify(event.body)}`);
  const eventId = event.body.id as string;
  const cfp = await t.http
    .put(`/api/events/${eventId}/cfp`)
    .set(bearer(organiser))
    .send({ opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), languages: ['fr', 'en'] });
  if (cfp.status !== 200) throw new Error(`cfp: ${cfp.status} ${JSON.stringify(cfp.body)}`);
  const type = await t.http.post(`/api/events/${eventId}/submission-types`).set(bearer(organiser)).send({ code: 'communication', nameFr: 'Communication', nameEn: 'Paper', defaultMinutes: 20 });
  const track = await t.http.post(`/api/events/${eventId}/tracks`).set(bearer(organiser)).send({ nameFr: 'Gouvernance', nameEn: 'Governance' });
  return { eventId, typeId: type.body.id, trackId: track.body.id, venueId: venue.body.id, roomA, roomB };
}

/** A proposal filed and submitted by `speaker`, accepted by the organiser and confirmed by the speaker. */
export async function confirmedProposal(t: TestApp, organiser: string, stage: Stage, speaker: Person, text: Record<string, unknown>): Promise<string> {
  const created = await t.http
    .post(`/api/events/${stage.eventId}/submissions`)
    .set(bearer(speaker.token))
    .send({ typeId: stage.typeId, trackId: stage.trackId, keywords: ['territoires'], ...text });
  if (created.status !== 201) throw new Error(`proposal: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  for (const [who, action] of [[speaker.token, 'submit'], [organiser, 'accept'], [speaker.token, 'confirm']] as const) {
    const res = await t.http.post(`/api/submissions/${id}/transitions`).set(bearer(who)).send({ action });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}

export async function createSession(t: TestApp, organiser: string, stage: Stage, body: Record<string, unknown>): Promise<string> {
  const res = await t.http.post(`/api/events/${stage.eventId}/sessions`).set(bearer(organiser)).send({ kind: 'plenary', ...body });
  if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function placeTalk(t: TestApp, organiser: string, sessionId: string, submissionId: string): Promise<string> {
  const res = await t.http.post(`/api/sessions/${sessionId}/talks`).set(bearer(organiser)).send({ submissionId });
  if (res.status !== 201) throw new Error(`talk: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export interface OutboxRow {
  to_address: string;
  template: string;
  locale: string;
  subject: string;
  text_body: string;
}

export async function programmeMails(t: TestApp): Promise<OutboxRow[]> {
  return t.booted.dataSource.query(
    `SELECT to_address, template, locale, subject, text_body FROM outbox_messages WHERE template = 'programme-changed' ORDER BY created_at, id`,
  );
}

/** Row counts of what publication writes. */
export async function publicationCounts(t: TestApp): Promise<{ releases: number; outbox: number }> {
  const [row] = await t.booted.dataSource.query(
    `SELECT (SELECT count(*)::int FROM programme_releases) AS releases, (SELECT count(*)::int FROM outbox_messages) AS outbox`,
  );
  return row;
}
