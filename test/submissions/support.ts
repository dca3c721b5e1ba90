import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/test-app.js';

/** Helpers shared by the submissions tests. */

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface Speaker {
  id: string;
  email: string;
  token: string;
  firstName: string;
  lastName: string;
}

/** Signs a researcher up through POST /api/speakers/signup. */
export async function signUpSpeaker(t: TestApp, names: { firstName?: string; lastName?: string; email?: string } = {}): Promise<Speaker> {
  const body = {
    email: names.email ?? `speaker-${randomBytes(4).toString('hex')}@example.org`,
    password: 'un-mot-de-passe-2012',
    firstName: names.firstName ?? 'Hélène',
    lastName: names.lastName ?? 'Dupré',
    affiliation: 'CNRS, LAVUE',
    countryCode: 'FR',
  };
  const res = await t.http.post('/api/speakers/signup').send(body);
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email: res.body.user.email, token: res.body.accessToken, firstName: body.firstName, lastName: body.lastName };
}

export interface EventSetup {
  eventId: string;
  typeId: string;
  trackId: string;
}

/** An event (Europe/Paris) with a call for papers open now, unless a window is given, a type and a track. */
export async function setUpEvent(
  t: TestApp,
  organiser: string,
  options: { slug?: string; opensAt?: string; closesAt?: string; languages?: ('fr' | 'en')[]; maxAbstractLength?: number } = {},
): Promise<EventSetup> {
  const slug = options.slug ?? `ev${randomBytes(4).toString('hex')}`;
  const event = await t.http
    .post('/api/events')
    .set(bearer(organiser))
    .send({ slug, nameFr: 'Villes et territoires numériques', nameEn: 'Digital cities and territories', startDate: '2030-02-06', endDate: '2030-02-07' });
  if (event.status !== 201) throw new Error(`event: ${event.status} ${JSON.stringify(event.body)}`);
  const eventId = event.body.id as string;
  const cfp = await t.http
    .put(`/api/events/${eventId}/cfp`)
    .set(bearer(organiser))
    .send({
      opensAt: options.opensAt ?? new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: options.closesAt ?? new Date(Date.now() + 86_400_000).toISOString(),
      languages: options.languages ?? ['fr', 'en'],
      ...(options.maxAbstractLength ? { maxAbstractLength: options.maxAbstractLength } : {}),
    });
  if (cfp.status !== 200) throw new Error(`cfp: ${cfp.status} ${JSON.stringify(cfp.body)}`);
  const type = await t.http.post(`/api/events/${eventId}/submission-types`).set(bearer(organiser)).send({ code: 'communication', nameFr: 'Communication', nameEn: 'Paper', defaultMinutes: 20 });
  const track = await t.http.post(`/api/events/${eventId}/tracks`).set(bearer(organiser)).send({ nameFr: 'Gouvernance', nameEn: 'Governance' });
  return { eventId, typeId: type.body.id, trackId: track.body.id };
}

/** A valid proposal body. */
export function proposal(setup: EventSetup, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    titleFr: 'La ville numérique en question',
    abstractFr: 'Résumé de la communication.',
    typeId: setup.typeId,
    trackId: setup.trackId,
    keywords: ['e-administration', 'territoires'],
    ...overrides,
  };
}

export interface OutboxRow {
  to_address: string;
  template: string;
  locale: string;
  subject: string;
  text_body: string;
}

/** Outbox messages, oldest first, optionally of one template. */
export async function outbox(t: TestApp, template?: string): Promise<OutboxRow[]> {
  return t.booted.dataSource.query(
    `SELECT to_address, template, locale, subject, text_body FROM outbox_messages ${template ? 'WHERE template = $1' : ''} ORDER BY created_at, id`,
    template ? [template] : [],
  );
}

/** Row counts of the tables proposals write to. */
export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['submissions', 'submission_speakers', 'submission_transitions', 'submission_revisions', 'outbox_messages']) {
    out[table] = Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  }
  return out;
}

/** A fingerprint of every row of the proposals' tables, to check that nothing changed at all. */
export async function snapshot(t: TestApp): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ['submissions', 'submission_speakers', 'submission_transitions', 'submission_revisions', 'outbox_messages']) {
    out[table] = (await t.booted.dataSource.query(`SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`))[0].h;
  }
  return out;
}
