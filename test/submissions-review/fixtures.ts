import { randomBytes } from 'node:crypto';
import { UsersService } from '../../src/users/users.service.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Data for the reviews and list tests, written through SQL (state set directly): the routes under
 * test only read proposals, and creating them through the speakers' routes would test those routes.
 */

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export const PASSWORD = 'a-long-password-42';

const hex = () => randomBytes(4).toString('hex');

export interface Person {
  id: string;
  email: string;
  token: () => Promise<string>;
}

async function account(t: TestApp, email: string, roles: ('organiser' | 'speaker' | 'reception')[]): Promise<Person> {
  const user = await t.booted.app.get(UsersService).createAccount({ email, password: PASSWORD, roles });
  let token: string | null = null;
  return {
    id: user.id,
    email: user.email,
    token: async () => (token ??= await t.login(email, PASSWORD)),
  };
}

export async function organiser(t: TestApp, displayName?: string): Promise<Person> {
  const person = await account(t, `orga-${hex()}@test.local`, ['organiser']);
  if (displayName) await t.booted.dataSource.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [person.id, displayName]);
  return person;
}

export async function reception(t: TestApp): Promise<Person> {
  return account(t, `reception-${hex()}@test.local`, ['reception']);
}

/** A speaker account with its profile. */
export async function speaker(
  t: TestApp,
  profile: { firstName: string; lastName: string; affiliation?: string; email?: string; roles?: ('organiser' | 'speaker')[] },
): Promise<Person> {
  const person = await account(t, profile.email ?? `speaker-${hex()}@test.local`, profile.roles ?? ['speaker']);
  await t.booted.dataSource.query(
    `INSERT INTO speaker_profiles (user_id, first_name, last_name, affiliation, country_code) VALUES ($1, $2, $3, $4, 'FR')`,
    [person.id, profile.firstName, profile.lastName, profile.affiliation ?? 'Université de test'],
  );
  return person;
}

export async function colloquium(t: TestApp): Promise<{ id: string; slug: string }> {
  const res = await t.http.get('/api/events?slug=vtn2012');
  const event = res.body.items?.[0];
  if (!event) throw new Error(`no seeded colloquium: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: event.id, slug: event.slug };
}

/** Another event, inserted directly. */
export async function otherEvent(t: TestApp): Promise<string> {
  const rows: { id: string }[] = await t.booted.dataSource.query(
    `INSERT INTO events (slug, kind, name_fr, starts_at, ends_at) VALUES ($1, 'colloquium', 'Autre colloque', '2013-02-06T08:00:00Z', '2013-02-07T18:00:00Z') RETURNING id`,
    [`t${hex()}`],
  );
  return rows[0].id;
}

export async function submissionType(t: TestApp, eventId: string, code: string, nameFr: string): Promise<string> {
  const rows: { id: string }[] = await t.booted.dataSource.query(
    `INSERT INTO submission_types (event_id, code, name_fr, name_en, default_minutes) VALUES ($1, $2, $3, $3, 20) RETURNING id`,
    [eventId, code, nameFr],
  );
  return rows[0].id;
}

export async function track(t: TestApp, eventId: string, nameFr: string): Promise<string> {
  const rows: { id: string }[] = await t.booted.dataSource.query(`INSERT INTO tracks (event_id, name_fr) VALUES ($1, $2) RETURNING id`, [eventId, nameFr]);
  return rows[0].id;
}

export interface ProposalInput {
  eventId: string;
  typeId: string;
  trackId?: string | null;
  state?: string;
  titleFr?: string | null;
  titleEn?: string | null;
  abstractFr?: string | null;
  abstractEn?: string | null;
  submittedAt?: string | null;
  createdAt?: string;
  main?: Person;
  co?: Array<Person | { email: string; status?: 'invited' | 'accepted' | 'declined' }>;
}

/** A proposal with its signers. French title and abstract by default. */
export async function proposal(t: TestApp, input: ProposalInput): Promise<string> {
  const fr = input.titleFr === undefined && input.titleEn === undefined;
  const titleFr = fr ? `Proposition ${hex()}` : (input.titleFr ?? null);
  const rows: { id: string }[] = await t.booted.dataSource.query(
    `INSERT INTO submissions (event_id, state, type_id, track_id, title_fr, title_en, abstract_fr, abstract_en, submitted_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10::timestamptz, now())) RETURNING id`,
    [
      input.eventId,
      input.state ?? 'submitted',
      input.typeId,
      input.trackId ?? null,
      titleFr,
      input.titleEn ?? null,
      input.abstractFr !== undefined ? input.abstractFr : titleFr !== null ? 'Résumé de la proposition.' : null,
      input.abstractEn !== undefined ? input.abstractEn : input.titleEn ? 'Abstract of the proposal.' : null,
      input.submittedAt !== undefined ? input.submittedAt : (input.state ?? 'submitted') === 'draft' ? null : '2011-11-15T10:00:00Z',
      input.createdAt ?? null,
    ],
  );
  const id = rows[0].id;
  let position = 0;
  if (input.main) await signer(t, id, { userId: input.main.id, email: input.main.email, role: 'main', status: 'accepted', position: position++ });
  for (const co of input.co ?? []) {
    const userId = 'id' in co ? co.id : null;
    const status = 'status' in co && co.status ? co.status : userId ? 'accepted' : 'invited';
    await signer(t, id, { userId, email: co.email, role: 'co', status, position: position++ });
  }
  return id;
}

async function signer(
  t: TestApp,
  submissionId: string,
  s: { userId: string | null; email: string; role: 'main' | 'co'; status: string; position: number },
): Promise<void> {
  await t.booted.dataSource.query(
    `INSERT INTO submission_speakers (submission_id, user_id, email, role, status, position) VALUES ($1, $2, $3, $4, $5, $6)`,
    [submissionId, s.userId, s.email.toLowerCase(), s.role, s.status, s.position],
  );
}

/** Reviews written directly (the reviews route is tested on its own). */
export async function reviews(t: TestApp, submissionId: string, scores: Array<[Person, number]>): Promise<void> {
  for (const [reviewer, score] of scores) {
    await t.booted.dataSource.query(`INSERT INTO reviews (submission_id, reviewer_id, score) VALUES ($1, $2, $3)`, [submissionId, reviewer.id, score]);
  }
}

/**
 * Counts the SQL statements the application sends while `action` runs, by wrapping the
 * DataSource logger's logQuery (TypeORM calls it for every statement, logging on or off).
 */
export async function countQueries<T>(t: TestApp, action: () => Promise<T>): Promise<{ result: T; queries: number; sql: string[] }> {
  const logger = t.booted.dataSource.logger;
  const original = logger.logQuery;
  const sql: string[] = [];
  logger.logQuery = function (this: typeof logger, query: string, ...rest: unknown[]) {
    sql.push(query);
    return (original as (...args: unknown[]) => unknown).call(this, query, ...rest);
  } as typeof logger.logQuery;
  try {
    const result = await action();
    return { result, queries: sql.length, sql };
  } finally {
    logger.logQuery = original;
  }
}
