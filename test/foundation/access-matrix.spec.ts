import { randomUUID } from 'node:crypto';
import { UsersService } from '../../src/users/users.service.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Who may call what, for every route of the OpenAPI document. A new route fails the first test
 * until it is given its expected access here, so the matrix always covers every route.
 */
type Access = 'public' | 'signed-in' | 'speaker' | 'speaker-or-organiser' | 'organiser-or-reception' | 'organiser';
const EXPECTED: Record<string, Access> = {
  'GET /health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/password-reset': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  'POST /api/users': 'organiser',
  'GET /api/users': 'organiser',
  'GET /api/users/{id}': 'organiser',
  'PATCH /api/users/{id}': 'organiser',
  'POST /api/users/{id}/disable': 'organiser',
  'POST /api/users/{id}/enable': 'organiser',
  'GET /api/events': 'public',
  'POST /api/events': 'organiser',
  'GET /api/events/{id}': 'public',
  'PATCH /api/events/{id}': 'organiser',
  'DELETE /api/events/{id}': 'organiser',
  'GET /api/venues': 'public',
  'POST /api/venues': 'organiser',
  'GET /api/venues/{id}': 'public',
  'PATCH /api/venues/{id}': 'organiser',
  'DELETE /api/venues/{id}': 'organiser',
  'GET /api/venues/{venueId}/rooms': 'public',
  'POST /api/venues/{venueId}/rooms': 'organiser',
  'GET /api/venues/{venueId}/rooms/{roomId}': 'public',
  'PATCH /api/venues/{venueId}/rooms/{roomId}': 'organiser',
  'DELETE /api/venues/{venueId}/rooms/{roomId}': 'organiser',
  'GET /api/venues/travel-times': 'public',
  'PUT /api/venues/travel-times': 'organiser',
  'DELETE /api/venues/travel-times': 'organiser',
  'GET /api/organisations': 'public',
  'POST /api/organisations': 'organiser',
  'GET /api/organisations/{id}': 'public',
  'PATCH /api/organisations/{id}': 'organiser',
  'DELETE /api/organisations/{id}': 'organiser',
  'GET /api/organisations/{id}/logo': 'public',
  'PUT /api/organisations/{id}/logo': 'organiser',
  'DELETE /api/organisations/{id}/logo': 'organiser',
  'GET /api/events/{eventId}/organisations': 'public',
  'POST /api/events/{eventId}/organisations': 'organiser',
  'PUT /api/events/{eventId}/organisations/order': 'organiser',
  'PATCH /api/events/{eventId}/organisations/{roleId}': 'organiser',
  'DELETE /api/events/{eventId}/organisations/{roleId}': 'organiser',
  'POST /api/speakers/signup': 'public',
  'GET /api/speakers': 'organiser',
  'GET /api/speakers/{userId}': 'organiser',
  'GET /api/speakers/{userId}/photo': 'organiser',
  'GET /api/me/speaker-profile': 'speaker',
  'PATCH /api/me/speaker-profile': 'speaker',
  'PUT /api/me/speaker-profile/photo': 'speaker',
  'GET /api/me/speaker-profile/photo': 'speaker',
  'DELETE /api/me/speaker-profile/photo': 'speaker',
  'GET /api/me/events/{eventId}/unavailabilities': 'speaker',
  'POST /api/me/events/{eventId}/unavailabilities': 'speaker',
  'DELETE /api/me/events/{eventId}/unavailabilities/{id}': 'speaker',
  'GET /api/events/{eventId}/unavailabilities': 'organiser',
  'GET /api/events/{eventId}/cfp': 'public',
  'PUT /api/events/{eventId}/cfp': 'organiser',
  'GET /api/events/{eventId}/submission-types': 'public',
  'POST /api/events/{eventId}/submission-types': 'organiser',
  'PATCH /api/events/{eventId}/submission-types/{typeId}': 'organiser',
  'DELETE /api/events/{eventId}/submission-types/{typeId}': 'organiser',
  'GET /api/events/{eventId}/tracks': 'public',
  'POST /api/events/{eventId}/tracks': 'organiser',
  'PATCH /api/events/{eventId}/tracks/{trackId}': 'organiser',
  'DELETE /api/events/{eventId}/tracks/{trackId}': 'organiser',
  'POST /api/events/{eventId}/submissions': 'speaker-or-organiser',
  'GET /api/submissions/{id}': 'speaker-or-organiser',
  'PATCH /api/submissions/{id}': 'speaker-or-organiser',
  'POST /api/submissions/{id}/transitions': 'speaker-or-organiser',
  'GET /api/submissions/{id}/history': 'speaker-or-organiser',
  'GET /api/submissions/{id}/revisions': 'organiser',
  'POST /api/submissions/{id}/invitation/accept': 'speaker-or-organiser',
  'POST /api/submissions/{id}/invitation/decline': 'speaker-or-organiser',
  'GET /api/me/submissions': 'speaker-or-organiser',
  'PUT /api/submissions/{id}/review': 'organiser',
  'DELETE /api/submissions/{id}/review': 'organiser',
  'GET /api/submissions/{id}/reviews': 'organiser',
  'GET /api/events/{eventId}/submissions': 'organiser',
  'GET /api/events/{eventId}/submissions.csv': 'organiser',
  'POST /api/events/{eventId}/sessions': 'organiser',
  'GET /api/events/{eventId}/sessions': 'organiser',
  'GET /api/events/{eventId}/sessions.csv': 'organiser',
  'GET /api/sessions/{id}': 'organiser',
  'PATCH /api/sessions/{id}': 'organiser',
  'DELETE /api/sessions/{id}': 'organiser',
  'POST /api/sessions/{id}/talks': 'organiser',
  'PATCH /api/talks/{id}': 'organiser',
  'DELETE /api/talks/{id}': 'organiser',
  'GET /api/events/{eventId}/programme/conflicts': 'organiser',
  'GET /api/events/{eventId}/programme/conflict-settings': 'organiser',
  'PUT /api/events/{eventId}/programme/conflict-settings': 'organiser',
  'POST /api/events/{eventId}/programme/conflicts/acknowledgements': 'organiser',
  'DELETE /api/events/{eventId}/programme/conflicts/acknowledgements': 'organiser',
  'POST /api/events/{eventId}/programme/tentative/accept': 'organiser',
  'GET /api/events/{eventId}/programme': 'public',
  'GET /api/events/{eventId}/programme/versions/{n}': 'public',
  'GET /api/events/{eventId}/programme.ics': 'public',
  'GET /api/events/{eventId}/programme.xml': 'public',
  'GET /api/events/{eventId}/programme.json': 'public',
  'GET /api/events/{eventId}/programme.pdf': 'public',
  'POST /api/events/{eventId}/programme/releases': 'organiser',
  'GET /api/events/{eventId}/programme/releases': 'organiser',
  'GET /api/events/{eventId}/programme/draft': 'organiser',
  'POST /api/events/{eventId}/parts': 'organiser',
  'GET /api/events/{eventId}/parts': 'organiser',
  'GET /api/parts/{id}': 'organiser',
  'PATCH /api/parts/{id}': 'organiser',
  'DELETE /api/parts/{id}': 'organiser',
  'GET /api/parts/{id}/admissions': 'organiser',
  'POST /api/parts/{id}/admissions': 'organiser',
  'DELETE /api/parts/{id}/admissions/{participantId}': 'organiser',
  'POST /api/events/{eventId}/registrations': 'public',
  'GET /api/registrations/{token}': 'public',
  'PATCH /api/registrations/{token}': 'public',
  'DELETE /api/registrations/{token}': 'public',
  'POST /api/registrations/{token}/revoke': 'public',
  'POST /api/labels/{year}/towns/{insee}/delegates': 'organiser',
  'GET /api/labels/{year}/towns/{insee}/delegates': 'organiser',
  'POST /api/labels/{year}/towns/{insee}/contact-link': 'organiser',
  'DELETE /api/labels/{year}/towns/{insee}/contact-link': 'organiser',
  'GET /api/labels/{year}/towns/{insee}/contact/{token}': 'public',
  'POST /api/labels/{year}/towns/{insee}/contact/{token}/delegates': 'public',
  'DELETE /api/labels/{year}/towns/{insee}/contact/{token}/delegates/{participantId}': 'public',
  'GET /api/labels/{year}/ceremony/running-order': 'organiser-or-reception',
  'GET /api/labels/{year}/ceremony/running-order.pdf': 'organiser-or-reception',
  'GET /api/labels/{year}/ceremony/certificates.pdf': 'organiser-or-reception',
  'POST /api/events/{eventId}/participants': 'organiser',
  'POST /api/events/{eventId}/participants/import': 'organiser',
  'POST /api/events/{eventId}/participants/import-jobs': 'organiser',
  'GET /api/events/{eventId}/participants/import-jobs/{jobId}': 'organiser',
  'GET /api/events/{eventId}/participants': 'organiser-or-reception',
  'GET /api/events/{eventId}/participants.csv': 'organiser',
  'GET /api/events/{eventId}/participants.json': 'organiser',
  'GET /api/events/{eventId}/participants/public': 'public',
  'POST /api/events/{eventId}/participants/sync-programme': 'organiser',
  'POST /api/events/{eventId}/participants/anonymise': 'organiser',
  'GET /api/events/{eventId}/participant-settings': 'organiser',
  'PUT /api/events/{eventId}/participant-settings': 'organiser',
  'GET /api/participants/{id}': 'organiser-or-reception',
  'PATCH /api/participants/{id}': 'organiser',
  'POST /api/participants/{id}/cancel': 'organiser',
  'GET /api/registrations/{token}/data': 'public',
  'POST /api/registrations/{token}/erasure': 'public',
  'GET /api/participants/{id}/badge.pdf': 'organiser-or-reception',
  'POST /api/participants/{id}/badge-token/rotate': 'organiser-or-reception',
  'POST /api/events/{eventId}/badges/print': 'organiser-or-reception',
  'GET /api/events/{eventId}/badges/preview': 'organiser-or-reception',
  'POST /api/events/{eventId}/badges/print-jobs': 'organiser-or-reception',
  'GET /api/events/{eventId}/badges/print-jobs': 'organiser-or-reception',
  'GET /api/events/{eventId}/badges/print-jobs/{jobId}.pdf': 'organiser-or-reception',
  'GET /api/events/{eventId}/badges/print-jobs/{jobId}': 'organiser-or-reception',
  'POST /api/events/{eventId}/badges/print-jobs/{jobId}/failed': 'organiser-or-reception',
  'GET /api/events/{eventId}/badges/prints': 'organiser-or-reception',
  'GET /api/events/{eventId}/badges/templates': 'organiser',
  'PUT /api/events/{eventId}/badges/templates': 'organiser',
  'GET /api/labels': 'public',
  'POST /api/labels': 'organiser',
  'GET /api/labels/{year}': 'public',
  'PATCH /api/labels/{year}': 'organiser',
  'DELETE /api/labels/{year}': 'organiser',
  'POST /api/labels/{year}/reveal': 'organiser',
  'GET /api/labels/{year}/stats': 'public',
  'GET /api/labels/{year}/awards': 'public',
  'GET /api/labels/{year}/awards.csv': 'public',
  'POST /api/labels/{year}/awards': 'organiser',
  'POST /api/labels/{year}/awards/import': 'organiser',
  'GET /api/labels/{year}/awards/{id}': 'public',
  'PATCH /api/labels/{year}/awards/{id}': 'organiser',
  'DELETE /api/labels/{year}/awards/{id}': 'organiser',
  'POST /api/check-ins': 'organiser-or-reception',
  'GET /api/events/{eventId}/check-ins/stats': 'organiser-or-reception',
  'GET /api/events/{eventId}/desk': 'organiser-or-reception',
  'GET /api/events/{eventId}/desk/participants': 'organiser-or-reception',
  'POST /api/events/{eventId}/desk/walk-ins': 'organiser-or-reception',
  'GET /desk': 'public',
  'GET /desk/desk.js': 'public',
  'GET /desk/desk.css': 'public',
  'GET /app': 'public',
  'GET /': 'public',
  'GET /programme/pages.css': 'public',
  'GET /programme/{slug}': 'public',
  'GET /programme/{slug}/v/{n}': 'public',
  'GET /programme/{slug}/talks/{talkId}': 'public',
  'GET /programme/{slug}/v/{n}/talks/{talkId}': 'public',
  'GET /programme/{slug}/speakers/{speakerId}': 'public',
  'GET /programme/{slug}/v/{n}/speakers/{speakerId}': 'public',
};

type Caller = 'anonymous' | 'speaker' | 'reception' | 'organiser';
const CALLERS: Caller[] = ['anonymous', 'speaker', 'reception', 'organiser'];

function expectedStatus(access: Access, caller: Caller): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (access === 'signed-in') return 'allowed';
  if (access === 'speaker') return caller === 'speaker' ? 'allowed' : 403;
  if (access === 'speaker-or-organiser') return caller === 'speaker' || caller === 'organiser' ? 'allowed' : 403;
  if (access === 'organiser-or-reception') return caller === 'reception' || caller === 'organiser' ? 'allowed' : 403;
  return caller === 'organiser' ? 'allowed' : 403;
}

interface Route {
  method: string;
  path: string;
  /** The operation's `security`: `[]` on a public route, the bearer token elsewhere. */
  security: unknown[] | undefined;
}

describe('Role × route matrix', () => {
  let t: TestApp;
  let routes: Route[];
  const tokens: Partial<Record<Caller, () => Promise<string>>> = {};

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', LOGIN_MAX_FAILURES_PER_ADDRESS: '10000' });
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>>; security?: unknown[] };
    expect(doc.security).toEqual([{ bearer: [] }]);
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([m, op]) => ({ method: m.toUpperCase(), path, security: op.security })));
    await t.booted.app.get(UsersService).createAccount({ email: 'speaker@test.local', password: 'speaker-password', roles: ['speaker'] });
    await t.tokenFor('reception');
    const reception = await t.http.get('/api/users?role=reception').set('Authorization', `Bearer ${await t.adminToken()}`);
    const receptionEmail = reception.body.items[0].email as string;
    tokens.speaker = () => t.login('speaker@test.local', 'speaker-password');
    tokens.reception = () => t.login(receptionEmail, 'a-long-password-42');
    tokens.organiser = () => t.login('admin@test.local', 'admin-password-123');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('knows the expected access of every documented route, and documents every route it expects', () => {
    const documented = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(documented).toEqual(Object.keys(EXPECTED).sort());
  });

  it('documents public routes, and only them, with `security: []` (the others with the bearer token)', () => {
    const wrong = routes
      .filter((r) => JSON.stringify(r.security) !== (EXPECTED[`${r.method} ${r.path}`] === 'public' ? '[]' : '[{"bearer":[]}]'))
      .map((r) => `${r.method} ${r.path}: ${JSON.stringify(r.security)}`);
    expect(wrong).toEqual([]);
  });

  it('answers each caller 401, 403 or a non-auth answer exactly as intended', async () => {
    const failures: string[] = [];
    const cached = new Map<Caller, string>();
    const tokenOf = async (caller: Caller, fresh: boolean) => {
      if (fresh) return tokens[caller]!();
      if (!cached.has(caller)) cached.set(caller, await tokens[caller]!());
      return cached.get(caller)!;
    };
    for (const route of routes) {
      const access = EXPECTED[`${route.method} ${route.path}`];
      for (const caller of CALLERS) {
        const url = route.path.replace(/\{[^}]+\}/g, () => randomUUID());
        let req = t.http[route.method.toLowerCase() as 'get'](url);
        // logout revokes the token it is called with: give it one of its own
        const fresh = route.path === '/api/auth/logout';
        if (caller !== 'anonymous') req = req.set('Authorization', `Bearer ${await tokenOf(caller, fresh)}`);
        if (['POST', 'PUT', 'PATCH'].includes(route.method)) req = req.send({});
        const res = await req;
        const want = expectedStatus(access, caller);
        const ok =
          want === 'allowed' ? ![401, 403].includes(res.status) && res.status < 500 : res.status === want;
        if (!ok) failures.push(`${caller} ${route.method} ${route.path}: got ${res.status}, wanted ${want}`);
        if (res.status >= 400) expectErrorBody(res.body, res.status);
      }
    }
    expect(failures).toEqual([]);
  });
});
