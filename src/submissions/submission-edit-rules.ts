import { DomainError } from '../common/errors/domain-error.js';
import type { SubmissionState } from './submission-state.js';
import type { Capacity } from './submission-transitions.js';

/** The text of a proposal: what speakers may still correct after acceptance. */
export const TEXT_FIELDS = ['titleFr', 'titleEn', 'abstractFr', 'abstractEn', 'keywords'] as const;
/** Everything a speaker may change while the proposal is a draft or submitted. */
export const SPEAKER_FIELDS = [...TEXT_FIELDS, 'typeId', 'trackId', 'coSpeakers'] as const;
/** Fields only organisers set. */
export const ORGANISER_ONLY_FIELDS = ['durationMinutes'] as const;

export type EditableField = (typeof SPEAKER_FIELDS)[number] | (typeof ORGANISER_ONLY_FIELDS)[number];

/** States in which every edit is recorded as a revision for organisers to read. */
export const REVISED_STATES: readonly SubmissionState[] = ['accepted', 'confirmed'];

/**
 * What someone holding `capacities` may change on a proposal in `state`: organisers anything at
 * any time; speakers everything while draft or submitted, only the text once accepted or
 * confirmed, nothing otherwise.
 */
export function editableFields(state: SubmissionState, capacities: readonly Capacity[]): EditableField[] {
  if (capacities.includes('organiser')) return [...SPEAKER_FIELDS, ...ORGANISER_ONLY_FIELDS];
  if (!capacities.includes('speaker')) return [];
  if (state === 'draft' || state === 'submitted') return [...SPEAKER_FIELDS];
  if (REVISED_STATES.includes(state)) return [...TEXT_FIELDS];
  return [];
}

/** 409 EDIT_NOT_ALLOWED unless every field of `requested` may be changed now by this caller. */
export function assertEditable(state: SubmissionState, capacities: readonly Capacity[], requested: readonly string[]): void {
  const allowed: readonly string[] = editableFields(state, capacities);
  const refused = requested.filter((field) => !allowed.includes(field));
  if (refused.length === 0) return;
  const message =
    allowed.length === 0
      ? `A proposal in the state "${state}" can no longer be changed by its speakers`
      : `In the state "${state}" speakers may only change: ${allowed.join(', ')}`;
  throw new DomainError(409, 'EDIT_NOT_ALLOWED', message, { state, editableFields: allowed, refusedFields: refused });
}

/** The fields whose value differs, as { field: { from, to } } (arrays compared element by element). */
export function diffFields<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    const from = before[field];
    const to = after[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}
