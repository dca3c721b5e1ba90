import type { EntityManager } from 'typeorm';
import { notFound } from '../common/errors/domain-error.js';
import { Session } from './session.entity.js';

/** The session row, locked until the transaction ends (404 NOT_FOUND when there is none). */
export async function lockSession(em: EntityManager, id: string): Promise<Session> {
  const session = await em.findOne(Session, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!session) throw notFound('Session');
  return session;
}

/** Total minutes of a session's talks. */
export async function talksTotal(em: EntityManager, sessionId: string): Promise<number> {
  const [row] = await em.query<Array<{ n: number }>>(`SELECT coalesce(sum(duration_minutes), 0)::int AS n FROM talks WHERE session_id = $1`, [sessionId]);
  return row.n;
}

/** Raises the version of sessions whose talks changed (their answer, and so their ETag, changed). */
export async function bumpSessionVersions(em: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await em.query(`UPDATE sessions SET version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]);
}
