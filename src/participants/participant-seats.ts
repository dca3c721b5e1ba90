import type { EntityManager } from 'typeorm';
import { conflict } from '../common/errors/domain-error.js';

/**
 * A seat's news (admitted from the waiting list) is mailed: a programme guest without an email is
 * given one by an organiser (PATCH) before any seat is asked for them, else 409 EMAIL_REQUIRED.
 */
export async function assertHasEmail(manager: EntityManager, participantId: string): Promise<void> {
  const [row] = await manager.query<Array<{ email: string | null }>>(`SELECT email FROM participants WHERE id = $1`, [participantId]);
  if (row && row.email === null) {
    throw conflict('This participant has no email yet (a guest of the programme): add one before asking for a seat', { participantId }, 'EMAIL_REQUIRED');
  }
}
