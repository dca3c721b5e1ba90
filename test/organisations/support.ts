import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/test-app.js';

/** Helpers shared by the organisations tests. */

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A name no other test uses. */
export const unique = (prefix: string) => `${prefix} ${randomBytes(4).toString('hex')}`;

/** Inserts an event directly (the events API belongs to another module). */
export async function insertEvent(t: TestApp, name = unique('Colloque')): Promise<string> {
  const slug = `t${randomBytes(6).toString('hex')}`;
  const rows: { id: string }[] = await t.booted.dataSource.query(
    `INSERT INTO events (slug, kind, name_fr, starts_at, ends_at) VALUES ($1, 'colloquium', $2, '2012-02-06T08:00:00Z', '2012-02-07T18:00:00Z') RETURNING id`,
    [slug, name],
  );
  return rows[0].id;
}

/** How many rows the organisations module holds, to show that a refused request changed nothing. */
export async function rowCounts(t: TestApp): Promise<{ organisations: number; logos: number; roles: number }> {
  const [row]: { organisations: string; logos: string; roles: string }[] = await t.booted.dataSource.query(
    `SELECT (SELECT count(*) FROM organisations) AS organisations, (SELECT count(*) FROM organisation_logos) AS logos,
            (SELECT count(*) FROM event_organisations) AS roles`,
  );
  return { organisations: Number(row.organisations), logos: Number(row.logos), roles: Number(row.roles) };
}

export async function createOrganisation(t: TestApp, token: string, body: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const res = await t.http
    .post('/api/organisations')
    .set(bearer(token))
    .send({ name: unique('Organisation'), kind: 'association', ...body });
  if (res.status !== 201) throw new Error(`create organisation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; name: string };
}
