/**
 * A small typed client of the back-office, as a web page or a script would write it with
 * openapi-fetch and the types that openapi-typescript generates from the OpenAPI document.
 * `npm run lint` generates dist/openapi/schema.d.ts from the served document and type-checks
 * this file (tsc -p test/openapi): it is never run. It breaks the lint when the document would
 * break a natural client: a scalar documented as `type: object` (openapi-typescript makes it
 * Record<string, never>), a PATCH body whose fields come out required (a `default` does that),
 * an error response that is not the JSON error body.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '../../dist/openapi/schema.js';

type ErrorBody = components['schemas']['ErrorBodyDto'];

/** The error's stable code, or the data: every route's errors are the one JSON error body. */
function dataOf<T>(result: { data?: T; error?: ErrorBody }): T {
  if (result.error) throw new Error(`${result.error.statusCode} ${result.error.error}: ${result.error.message} (${result.error.requestId})`);
  if (result.data === undefined) throw new Error('no body');
  return result.data;
}

export async function planTheColloquium(baseUrl: string, email: string, password: string): Promise<void> {
  const anonymous = createClient<paths>({ baseUrl });
  const { accessToken } = dataOf(await anonymous.POST('/api/auth/login', { body: { email, password } }));
  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${accessToken}` } });

  // an event, then a PATCH of a few fields: the other fields stay optional, null clears a nullable one
  const colloquium = dataOf(
    await api.POST('/api/events', {
      body: {
        slug: 'vtn2012',
        nameFr: 'Colloque international « Villes et territoires numériques »',
        startDate: '2012-02-06',
        endDate: '2012-02-07',
        website: 'http://www.vtn2012.fr',
        contactEmail: 'label@villes-internet.net',
      },
    }),
  );
  const ceremony = dataOf(
    await api.POST('/api/events', {
      body: {
        slug: 'label2012',
        kind: 'ceremony',
        parentEventId: colloquium.id,
        nameFr: 'Cérémonie du Label Ville Internet 2012',
        nameEn: 'Label Ville Internet 2012 ceremony',
        themeFr: null,
        startsAt: '2012-02-06T18:00',
        endsAt: '2012-02-06T21:00',
        contactPhone: '01 47 68 53 76',
      },
    }),
  );
  const patched = dataOf(
    await api.PATCH('/api/events/{id}', {
      params: { path: { id: colloquium.id } },
      body: { themeFr: 'La ville numérique', website: null },
    }),
  );
  const website: string | null = patched.website;
  const parent: string | null = ceremony.parentEventId;

  // a session in a room of the event's venue, then a PATCH of its English title
  const venue = dataOf(await api.GET('/api/venues', { params: { query: { pageSize: 1 } } })).items[0];
  if (!venue) throw new Error('no venue');
  const room = dataOf(await api.POST('/api/venues/{venueId}/rooms', { params: { path: { venueId: venue.id } }, body: { name: 'Grand amphithéâtre', capacity: 400 } }));
  const session = dataOf(
    await api.POST('/api/events/{eventId}/sessions', {
      params: { path: { eventId: ceremony.id } },
      body: { roomId: room.id, kind: 'ceremony', titleFr: 'Remise des labels', startsAt: '2012-02-06T18:30', endsAt: '2012-02-06T20:00' },
    }),
  );
  const moved = dataOf(await api.PATCH('/api/sessions/{id}', { params: { path: { id: session.id } }, body: { titleEn: 'Award ceremony', expectedAttendance: null } }));
  const title: string | null = moved.titleEn;

  // the label's year, tied to the ceremony, then to its session
  const year = dataOf(await api.POST('/api/labels', { body: { year: 2012, eventId: ceremony.id } }));
  const tied = dataOf(await api.PATCH('/api/labels/{year}', { params: { path: { year: year.year } }, body: { ceremonySessionId: session.id } }));
  const ceremonySession: string | null = tied.ceremonySessionId;

  // a route that succeeds with a calendar still documents its errors as the JSON error body
  // (a client that reads only application/json sees the error's type; text/calendar errors would be never)
  const jsonOnly = createClient<paths, 'application/json'>({ baseUrl });
  const ics = await jsonOnly.GET('/api/events/{eventId}/programme.ics', { params: { path: { eventId: ceremony.id } }, parseAs: 'text' });
  const code: string | undefined = ics.error?.error;

  console.log(website, parent, title, ceremonySession, code);
}
