/**
 * The proposal form's values as typed, and the bodies the API takes from them. Pure functions: the
 * server stays the judge (it checks the call's languages and length again and answers field errors).
 */
import type { ApiErrorBody, Schemas } from '../api/client';
import { fieldErrors } from '../api/client';

export type Submission = Schemas['SubmissionResponse'];
export type CallForPapers = Schemas['CallForPapersResponse'];
export type CreateBody = Schemas['CreateSubmissionDto'];
export type UpdateBody = Schemas['UpdateSubmissionDto'];

export interface ProposalValues {
  titleFr: string;
  abstractFr: string;
  titleEn: string;
  abstractEn: string;
  /** Comma-separated. */
  keywords: string;
  typeId: string;
  trackId: string;
  /** One email a line (commas and spaces also separate). */
  coSpeakers: string;
}

/** What a speaker may change: everything (draft, submitted), the text only (accepted, confirmed), nothing. */
export type EditScope = 'all' | 'text' | 'none';

/** The API's rule for speakers (submission-edit-rules.ts), to show the form only where it applies. */
export function editScope(state: Submission['state']): EditScope {
  if (state === 'draft' || state === 'submitted') return 'all';
  if (state === 'accepted' || state === 'confirmed') return 'text';
  return 'none';
}

export const EMPTY_VALUES: ProposalValues = { titleFr: '', abstractFr: '', titleEn: '', abstractEn: '', keywords: '', typeId: '', trackId: '', coSpeakers: '' };

/** The form's values for an existing proposal (co-speakers: the emails the main speaker sees). */
export function valuesOf(s: Submission): ProposalValues {
  return {
    titleFr: s.titleFr ?? '',
    abstractFr: s.abstractFr ?? '',
    titleEn: s.titleEn ?? '',
    abstractEn: s.abstractEn ?? '',
    keywords: s.keywords.join(', '),
    typeId: s.type.id,
    trackId: s.track?.id ?? '',
    coSpeakers: s.signers
      .filter((x) => x.role === 'co' && x.status !== 'declined' && x.email)
      .map((x) => x.email)
      .join('\n'),
  };
}

/** Length in characters as the server counts them (code points: « é » or an emoji is one). */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

export function splitKeywords(text: string): string[] {
  return text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

/** The text fields, only in the languages the call accepts. */
function textBody(v: ProposalValues, languages: CallForPapers['languages']) {
  return {
    ...(languages.includes('fr') ? { titleFr: orNull(v.titleFr), abstractFr: orNull(v.abstractFr) } : {}),
    ...(languages.includes('en') ? { titleEn: orNull(v.titleEn), abstractEn: orNull(v.abstractEn) } : {}),
    keywords: splitKeywords(v.keywords),
  };
}

export function createBody(v: ProposalValues, languages: CallForPapers['languages']): CreateBody {
  return { ...textBody(v, languages), typeId: v.typeId, trackId: v.trackId || null, coSpeakers: splitEmails(v.coSpeakers) };
}

/** A change: the text only when the proposal is accepted; co-speakers only for the main speaker. */
export function updateBody(v: ProposalValues, languages: CallForPapers['languages'], scope: EditScope, withCoSpeakers: boolean): UpdateBody {
  if (scope !== 'all') return textBody(v, languages);
  return {
    ...textBody(v, languages),
    typeId: v.typeId,
    trackId: v.trackId || null,
    ...(withCoSpeakers ? { coSpeakers: splitEmails(v.coSpeakers) } : {}),
  };
}

const FIELDS: (keyof ProposalValues)[] = ['titleFr', 'abstractFr', 'titleEn', 'abstractEn', 'keywords', 'typeId', 'trackId', 'coSpeakers'];

/**
 * The server's field errors by form field: validation failures (`details.errors`, paths such as
 * `coSpeakers` or `keywords[2]`) and domain errors that name one field (`details.field`).
 */
export function formErrors(body: ApiErrorBody | null | undefined): Partial<Record<keyof ProposalValues, string>> {
  const out: Partial<Record<keyof ProposalValues, string>> = {};
  for (const [path, message] of Object.entries(fieldErrors(body))) {
    const field = FIELDS.find((f) => path === f || path.startsWith(`${f}[`) || path.startsWith(`${f}.`));
    if (field && !out[field]) out[field] = message;
  }
  const details = body?.details as { field?: unknown } | undefined;
  if (typeof details?.field === 'string') {
    const field = FIELDS.find((f) => f === details.field);
    if (field && !out[field]) out[field] = body?.message ?? '';
  }
  return out;
}

/** The first field with an error, in the form's order. */
export function firstErrorField(errors: Partial<Record<keyof ProposalValues, string>>): keyof ProposalValues | null {
  return FIELDS.find((f) => errors[f]) ?? null;
}

/** The proposal's title in the reader's language, else the other. */
export function titleOf(s: { titleFr: string | null; titleEn: string | null }, language: 'fr' | 'en'): string | null {
  return (language === 'en' ? (s.titleEn ?? s.titleFr) : (s.titleFr ?? s.titleEn)) ?? null;
}
