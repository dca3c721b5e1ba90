import { CLOCK, SettableClock } from '../../src/common/time/clock.js';
import type { TestApp } from '../support/test-app.js';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Stands the app's clock on an instant (UTC). */
export function setNow(t: TestApp, iso: string): void {
  (t.booted.app.get(CLOCK) as SettableClock).set(new Date(iso));
}

export async function colloquiumId(t: TestApp): Promise<string> {
  const res = await t.http.get('/api/events?slug=vtn2012');
  return res.body.items[0].id as string;
}

/** A part of the event, written directly (its routes belong to the registrations). */
export async function createPart(
  t: TestApp,
  eventId: string,
  code: string,
  kind: string,
  day: string | null,
  capacity: number | null = null,
  nameFr = `Partie ${code}`,
): Promise<string> {
  const [row] = await t.booted.dataSource.query(
    `INSERT INTO event_parts (event_id, code, name_fr, kind, admission, day, capacity) VALUES ($1, $2, $3, $4, 'open', $5, $6) RETURNING id`,
    [eventId, code, nameFr, kind, day, capacity],
  );
  return row.id as string;
}

/** A participant created by an organiser through the API, admitted to `partIds`; returns id and badge token. */
export async function createParticipant(
  t: TestApp,
  organiser: string,
  eventId: string,
  fields: { firstName: string; lastName: string; email: string; categories?: string[]; affiliation?: string },
  partIds: string[] = [],
): Promise<{ id: string; token: string }> {
  const res = await t.http.post(`/api/events/${eventId}/participants`).set(bearer(organiser)).send({ ...fields, partIds });
  if (res.status !== 201) throw new Error(`participant: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, token: await badgeToken(t, res.body.id as string) };
}

export async function badgeToken(t: TestApp, participantId: string): Promise<string> {
  const [row] = await t.booted.dataSource.query(`SELECT badge_token FROM participants WHERE id = $1`, [participantId]);
  return row.badge_token as string;
}

export async function checkInRows(t: TestApp, participantId?: string): Promise<number> {
  const [row] = participantId
    ? await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM check_ins WHERE participant_id = $1`, [participantId])
    : await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM check_ins`);
  return row.n as number;
}

/** A reception account with a display name; returns its token. */
export async function receptionToken(t: TestApp, displayName: string, email: string): Promise<string> {
  const res = await t.http
    .post('/api/users')
    .set(bearer(await t.adminToken()))
    .send({ email, password: 'a-long-password-42', roles: ['reception'], displayName });
  if (res.status !== 201) throw new Error(`reception: ${res.status} ${JSON.stringify(res.body)}`);
  return t.login(email, 'a-long-password-42');
}
