import type { EntityManager } from 'typeorm';
import { notFound, validationFailed, type DomainError } from '../common/errors/domain-error.js';
import { periodDates } from '../events/event-period.js';
import { daysOutside } from './participant-fields.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a registration needs to know of its event, read once for a whole batch. */
export interface RegistrationContext {
  eventId: string;
  nameFr: string;
  nameEn: string | null;
  /** The event's local first and last days (inclusive). */
  startDate: string;
  endDate: string;
  /** participant_settings.registration_open (open when the event has no settings yet). */
  open: boolean;
  /** The parts asked for, as ids (each once), in the order of the references. */
  partIds: string[];
  /** References (codes or ids) that name no part of the event. */
  unknownParts: string[];
  /** The parts found, to resolve a subset of the references (resolvePartRefs). */
  parts: Array<{ id: string; code: string }>;
}

/**
 * The event, whether its registration is open and the parts named by `refs` (codes or ids), in ONE
 * statement through the caller's transaction; null for an unknown event. Read inside the batch's
 * transaction rather than cached: a renamed part, a closed registration or new dates are seen by
 * the next batch, with no invalidation to get wrong, for one statement per batch.
 */
export async function readRegistrationContext(m: EntityManager, eventId: string, refs: readonly string[]): Promise<RegistrationContext | null> {
  const ids = refs.filter((r) => UUID.test(r));
  const codes = refs.filter((r) => !UUID.test(r));
  const [row] = await m.query<
    Array<{ id: string; name_fr: string; name_en: string | null; starts_at: Date; ends_at: Date; all_day: boolean; time_zone: string; open: boolean; parts: Array<{ id: string; code: string }> }>
  >(
    `SELECT e.id, e.name_fr, e.name_en, e.starts_at, e.ends_at, e.all_day, e.time_zone, coalesce(s.registration_open, true) AS open,
            coalesce((SELECT json_agg(json_build_object('id', p.id, 'code', p.code)) FROM event_parts p
                      WHERE p.event_id = e.id AND (p.id = ANY($2::uuid[]) OR p.code = ANY($3::text[]))), '[]'::json) AS parts
     FROM events e LEFT JOIN participant_settings s ON s.event_id = e.id
     WHERE e.id = $1`,
    [eventId, ids, codes],
  );
  if (!row) return null;
  const { startDate, endDate } = periodDates({ startsAt: row.starts_at, endsAt: row.ends_at, allDay: row.all_day, timeZone: row.time_zone });
  return {
    eventId: row.id,
    nameFr: row.name_fr,
    nameEn: row.name_en,
    startDate,
    endDate,
    open: row.open,
    parts: row.parts,
    ...resolvePartRefs(refs, row.parts),
  };
}

/** Codes or ids → the parts' ids (each once, in the order of the references), and the references that name none. */
export function resolvePartRefs(refs: readonly string[], parts: ReadonlyArray<{ id: string; code: string }>): { partIds: string[]; unknownParts: string[] } {
  const partIds: string[] = [];
  const unknownParts: string[] = [];
  for (const ref of refs) {
    const part = parts.find((p) => p.id === ref || p.code === ref);
    if (!part) unknownParts.push(ref);
    else if (!partIds.includes(part.id)) partIds.push(part.id);
  }
  return { partIds, unknownParts };
}

/** 422 for parts the event does not have. */
export function unknownPartsError(unknown: readonly string[]): DomainError {
  return validationFailed('Unknown parts of this event', { field: 'parts', unknown });
}

/** The 422 for days outside the event, or null when every day fits. */
export function daysError(days: readonly string[] | undefined, context: Pick<RegistrationContext, 'startDate' | 'endDate'>): DomainError | null {
  const outside = daysOutside(days ?? [], context.startDate, context.endDate);
  return outside.length ? validationFailed(`days must be within the event (${context.startDate} to ${context.endDate})`, { field: 'days', outside }) : null;
}

/** The context, or 404 for an unknown event. */
export function requireContext(context: RegistrationContext | null): RegistrationContext {
  if (!context) throw notFound('Event');
  return context;
}
