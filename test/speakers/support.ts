import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/test-app.js';

/** Helpers shared by the speakers tests. */

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export const PASSWORD = 'un-mot-de-passe-2012';

/** A sign-up body with sane values; `overrides` replace or add fields. */
export function signupBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    email: `speaker-${randomBytes(4).toString('hex')}@example.org`,
    password: PASSWORD,
    firstName: 'Hélène',
    lastName: 'Dupré',
    affiliation: 'CNRS, LAVUE',
    countryCode: 'FR',
    ...overrides,
  };
}

export interface SignedUpSpeaker {
  token: string;
  userId: string;
  email: string;
}

/** Signs a speaker up through the API. */
export async function signUp(t: TestApp, overrides: Record<string, unknown> = {}): Promise<SignedUpSpeaker> {
  const res = await t.http.post('/api/speakers/signup').send(signupBody(overrides));
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken, userId: res.body.user.id, email: res.body.user.email };
}

/**
 * Inserts an event directly (the events API belongs to another module): whole days 6–7 February
 * 2012 in Europe/Paris unless told otherwise.
 */
export async function insertEvent(
  t: TestApp,
  period: { startsAt: string; endsAt: string; timeZone: string } = {
    startsAt: '2012-02-05T23:00:00Z',
    endsAt: '2012-02-07T23:00:00Z',
    timeZone: 'Europe/Paris',
  },
): Promise<string> {
  const rows: { id: string }[] = await t.booted.dataSource.query(
    `INSERT INTO events (slug, kind, name_fr, starts_at, ends_at, all_day, time_zone)
     VALUES ($1, 'colloquium', 'Colloque test', $2, $3, true, $4) RETURNING id`,
    [`t${randomBytes(6).toString('hex')}`, period.startsAt, period.endsAt, period.timeZone],
  );
  return rows[0].id;
}

/** Rows of the tables the speakers capability writes (and the accounts it creates). */
export async function speakerRowCounts(t: TestApp): Promise<{ users: number; profiles: number; unavailabilities: number; photos: number }> {
  const [row]: Record<string, string>[] = await t.booted.dataSource.query(
    `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM speaker_profiles) AS profiles,
            (SELECT count(*) FROM speaker_unavailabilities) AS unavailabilities,
            (SELECT count(*) FROM speaker_profiles WHERE photo IS NOT NULL) AS photos`,
  );
  return { users: Number(row.users), profiles: Number(row.profiles), unavailabilities: Number(row.unavailabilities), photos: Number(row.photos) };
}

/** Collects a response body as bytes (supertest would otherwise try to read an image as text). */
export function binary(res: unknown, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}
