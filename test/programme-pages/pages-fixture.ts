import { randomBytes } from 'node:crypto';
import { renderPng, RED_SQUARE_SVG } from '../organisations/images.js';
import type { TestApp } from '../support/test-app.js';

/**
 * The 2012 programmes built through the API on the reference data: the colloquium (vtn2012) over
 * two days at the CNRS, with speakers whose names use accents, polytonic Greek, Cyrillic and Polish,
 * a guest chair, a title in English only and a title that tries to be markup; and the Label
 * ceremony (label2012) at Espace Cardin at 18:00 (its own event, with its patron). Villes Internet
 * gets a logo. Nothing is published here: the tests publish.
 */

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export const NAMES = {
  helene: 'Hélène Dupré',
  aristotelis: 'Ἀριστοτέλης Παπαδόπουλος',
  dmitri: 'Дмитрий Иванов',
  lukasz: 'Łukasz Wróbel',
  zoe: 'Zoë O’Brien-Müller',
} as const;

export const HOSTILE_TITLE = '<script>alert("programme")</script> Les « balises » & le numérique';

export interface PagesFixture {
  organiser: string;
  vtn: string;
  label: string;
  villesInternet: string;
  ids: Record<string, string>;
}

async function ok<T = Record<string, unknown>>(res: { status: number; body: T }, want: number, what: string): Promise<T> {
  if (res.status !== want) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function buildProgrammes(t: TestApp): Promise<PagesFixture> {
  const organiser = await t.adminToken();
  const vtnEvent = (await t.http.get('/api/events?slug=vtn2012')).body.items[0];
  const labelEvent = (await t.http.get('/api/events?slug=label2012')).body.items[0];
  const vtn = vtnEvent.id as string;
  const label = labelEvent.id as string;
  const cnrs = vtnEvent.venues.find((v: { name: string }) => v.name === 'CNRS').id as string;
  const cardin = labelEvent.venues.find((v: { name: string }) => v.name === 'Espace Cardin').id as string;
  const ids: Record<string, string> = {};
  const room = async (venueId: string, name: string) =>
    (await ok(await t.http.post(`/api/venues/${venueId}/rooms`).set(bearer(organiser)).send({ name, capacity: 300 }), 201, 'room')).id as string;
  ids.amphi = await room(cnrs, 'Amphithéâtre Marie Curie');
  ids.salle = await room(cnrs, 'Salle Émile Durkheim');
  ids.salon = await room(cardin, 'Grand Salon');

  await ok(
    await t.http
      .put(`/api/events/${vtn}/cfp`)
      .set(bearer(organiser))
      .send({ opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), languages: ['fr', 'en'] }),
    200,
    'cfp',
  );
  const type = await ok(
    await t.http.post(`/api/events/${vtn}/submission-types`).set(bearer(organiser)).send({ code: 'communication', nameFr: 'Communication', nameEn: 'Paper', defaultMinutes: 30 }),
    201,
    'type',
  );
  const track = await ok(
    await t.http.post(`/api/events/${vtn}/tracks`).set(bearer(organiser)).send({ nameFr: 'Gouvernance locale', nameEn: 'Local governance' }),
    201,
    'track',
  );
  const proposal = async (firstName: string, lastName: string, affiliation: string, text: Record<string, string>) => {
    const email = `${randomBytes(5).toString('hex')}@example.org`;
    const signup = await ok(
      await t.http.post('/api/speakers/signup').send({ email, password: 'un-mot-de-passe-2012', firstName, lastName, affiliation, countryCode: 'FR' }),
      201,
      'signup',
    );
    const token = (signup as { accessToken: string }).accessToken;
    const userId = (signup as { user: { id: string } }).user.id;
    const created = await ok(
      await t.http.post(`/api/events/${vtn}/submissions`).set(bearer(token)).send({ typeId: type.id, trackId: track.id, keywords: ['territoires'], ...text }),
      201,
      'proposal',
    );
    for (const [who, action] of [[token, 'submit'], [organiser, 'accept'], [token, 'confirm']] as const) {
      await ok(await t.http.post(`/api/submissions/${created.id}/transitions`).set(bearer(who)).send({ action }), 200, action);
    }
    return { submission: created.id as string, user: userId };
  };
  const p1 = await proposal('Hélène', 'Dupré', 'Université Toulouse Le Mirail', {
    titleFr: 'Le Label Ville Internet, treize ans d’observation',
    titleEn: 'The Ville Internet label: thirteen years of observation',
    abstractFr: 'Résumé : les communes labellisées, 1999–2012.',
    abstractEn: 'Abstract: the labelled towns, 1999–2012.',
  });
  const p2 = await proposal('Ἀριστοτέλης', 'Παπαδόπουλος', 'Πανεπιστήμιο Αθηνών', { titleFr: 'Les villes grecques et le numérique', abstractFr: 'Résumé.' });
  const p3 = await proposal('Дмитрий', 'Иванов', 'Московский государственный университет', {
    titleEn: 'Digital public services in Russian municipalities',
    abstractEn: 'Abstract.',
  });
  const p4 = await proposal('Łukasz', 'Wróbel', 'Uniwersytet Wrocławski', { titleFr: HOSTILE_TITLE, abstractFr: 'Résumé <b>gras</b>.' });
  ids.helene = p1.user;
  ids.aristotelis = p2.user;
  ids.dmitri = p3.user;
  ids.lukasz = p4.user;

  const session = async (eventId: string, body: Record<string, unknown>) =>
    (await ok(await t.http.post(`/api/events/${eventId}/sessions`).set(bearer(organiser)).send(body), 201, 'session')).id as string;
  ids.opening = await session(vtn, {
    roomId: ids.amphi, kind: 'plenary', titleFr: 'Séance d’ouverture', titleEn: 'Opening session', startsAt: '2012-02-06T09:00', endsAt: '2012-02-06T10:30',
    chairs: [{ guestName: NAMES.zoe, guestAffiliation: 'Trinity College Dublin' }],
  });
  ids.workshop = await session(vtn, {
    roomId: ids.salle, kind: 'workshop', titleFr: 'Atelier du mardi', titleEn: 'Tuesday workshop', trackId: track.id, startsAt: '2012-02-07T09:00', endsAt: '2012-02-07T10:30',
    chairs: [{ userId: p1.user }],
  });
  ids.ceremony = await session(label, {
    roomId: ids.salon, kind: 'ceremony', titleFr: 'Remise du Label Ville Internet 2012', titleEn: 'Ville Internet Label awards 2012',
    startsAt: '2012-02-06T18:00', endsAt: '2012-02-06T21:00',
  });
  const talk = async (sessionId: string, submissionId: string) =>
    (await ok(await t.http.post(`/api/sessions/${sessionId}/talks`).set(bearer(organiser)).send({ submissionId }), 201, 'talk')).id as string;
  ids.t1 = await talk(ids.opening, p1.submission);
  ids.t2 = await talk(ids.opening, p2.submission);
  ids.t3 = await talk(ids.workshop, p3.submission);
  ids.t4 = await talk(ids.workshop, p4.submission);

  const orgs = (await t.http.get('/api/organisations?pageSize=100')).body.items as Array<{ id: string; name: string }>;
  const villesInternet = orgs.find((o) => o.name === 'Association des Villes Internet')!.id;
  await ok(
    await t.http.put(`/api/organisations/${villesInternet}/logo`).set(bearer(organiser)).attach('file', renderPng(RED_SQUARE_SVG, 120), { filename: 'logo.png', contentType: 'image/png' }),
    200,
    'logo',
  );
  return { organiser, vtn, label, villesInternet, ids };
}

export async function publish(t: TestApp, f: PagesFixture, eventId: string, note: string): Promise<void> {
  await ok(await t.http.post(`/api/events/${eventId}/programme/releases`).set(bearer(f.organiser)).send({ note }), 201, `publish ${note}`);
}
