/**
 * The CSV export of a draft programme, as pure functions, the same way as the proposals' export
 * (submissions/review/submissions-csv.ts): UTF-8 with a byte-order mark, RFC 4180 quoting by
 * csv-stringify, CRLF after each record, a French header, times in the event's time zone, and cells
 * a spreadsheet would run as a formula defused. One record per session, followed by one per talk.
 */
import { stringify } from 'csv-stringify/sync';
import { BOM, defuseFormula, formatLocalDateTime } from '../submissions/review/submissions-csv.js';
import type { SessionResponse } from './dto/session.response.js';

export const SESSIONS_CSV_HEADER = [
  'Ligne',
  'Jour',
  'Début',
  'Fin',
  'Durée (min)',
  'Lieu',
  'Salle',
  'Type',
  'Séance',
  'Présidence',
  'Position',
  'Exposé',
  'Orateurs',
  'État de la proposition',
] as const;

const STATES_FR: Record<string, string> = { accepted: 'acceptée', confirmed: 'confirmée' };

/** "2012-02-06 09:30" in the event's zone, as the proposals' export writes instants. */
const local = (utc: string, zone: string) => formatLocalDateTime(new Date(utc), zone);

/** The records of one session: the session itself, then its talks in order. */
export function sessionRecords(s: SessionResponse): string[][] {
  const text = (value: string | null | undefined) => defuseFormula(value ?? '');
  const title = s.titleFr ?? s.titleEn;
  const where = [text(s.venue.name), text(s.room.name), s.kindLabelFr, text(title)];
  const session = [
    'séance',
    s.day,
    local(s.startsAtUtc, s.timeZone),
    local(s.endsAtUtc, s.timeZone),
    String(s.durationMinutes),
    ...where,
    text(s.chairs.map((c) => c.name).join(', ')),
    '',
    '',
    '',
    '',
  ];
  const talks = s.talks.map((t) => [
    'exposé',
    s.day,
    local(t.startsAtUtc, s.timeZone),
    local(t.endsAtUtc, s.timeZone),
    String(t.durationMinutes),
    ...where,
    '',
    String(t.position + 1),
    text(t.titleFr ?? t.titleEn),
    text(t.speakers.map((p) => p.name).join(', ')),
    STATES_FR[t.proposalState] ?? t.proposalState,
  ]);
  return [session, ...talks];
}

/** The whole file: BOM, header, the sessions in time order with their talks, CRLF after each record. */
export function sessionsCsv(sessions: SessionResponse[]): string {
  const records = [[...SESSIONS_CSV_HEADER], ...sessions.flatMap(sessionRecords)];
  return BOM + stringify(records, { delimiter: ',', record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
