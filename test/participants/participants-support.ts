import { createHash, randomBytes } from 'node:crypto';
import type { TestApp } from '../support/test-app.js';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The seeded colloquium (6–7 February 2012). */
export async function colloquiumId(t: TestApp): Promise<string> {
  const res = await t.http.get('/api/events?slug=vtn2012');
  return res.body.items[0].id as string;
}

/** A part of the event, written directly (the parts' routes belong to the registrations). */
export async function createPart(t: TestApp, eventId: string, code: string, capacity: number | null, admission = 'open'): Promise<string> {
  const [row] = await t.booted.dataSource.query(
    `INSERT INTO event_parts (event_id, code, name_fr, kind, admission, capacity) VALUES ($1, $2, $3, 'other', $4, $5) RETURNING id`,
    [eventId, code, `Partie ${code}`, admission, capacity],
  );
  return row.id as string;
}

export async function admittedCount(t: TestApp, partId: string): Promise<number> {
  const [row] = await t.booted.dataSource.query(`SELECT admitted_count FROM event_parts WHERE id = $1`, [partId]);
  return row.admitted_count as number;
}

/** Gives a participant a personal link (as the self-registration does) and returns its token. */
export async function giveToken(t: TestApp, participantId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await t.booted.dataSource.query(`UPDATE participants SET access_token_hash = $2 WHERE id = $1`, [participantId, createHash('sha256').update(token).digest('hex')]);
  return token;
}

export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const [row] = await t.booted.dataSource.query(
    `SELECT (SELECT count(*)::int FROM participants) AS participants, (SELECT count(*)::int FROM part_admissions) AS admissions,
            (SELECT coalesce(sum(admitted_count), 0)::int FROM event_parts) AS seats, (SELECT count(*)::int FROM participant_settings) AS settings`,
  );
  return row;
}
