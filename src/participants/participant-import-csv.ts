/**
 * Reading an uploaded CSV into records with their line numbers, as pure functions around
 * csv-parse: UTF-8 with or without a byte-order mark, `;` or `,` as the separator (whichever the
 * header line uses, as French and English spreadsheets export), RFC 4180 quotes (separators,
 * quotes and line breaks inside a quoted cell), CRLF, LF or CR line ends. Each record knows the
 * line where it starts (the header is line 1), so a cell spanning lines does not shift the count.
 */
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** The line of the file where the record starts (1 = the header). */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  delimiter: ';' | ',';
  header: string[];
  records: CsvRecord[];
}

/** Why a file cannot be read as CSV at all (the service turns it into a 4xx). */
export class CsvFileError extends Error {
  constructor(
    readonly kind: 'not-text' | 'empty' | 'malformed' | 'too-many-rows',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}

/** Longest record csv-parse will hold (characters): far above any row, far below the file limit. */
export const MAX_RECORD_CHARS = 64 * 1024;

/** The bytes as text, refusing what is not UTF-8 text (a spreadsheet's native file, an image, Windows-1252). */
export function decodeUtf8(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CsvFileError('not-text', 'The file is not UTF-8 text: save it from the spreadsheet as « CSV UTF-8 »');
  }
  if (text.includes('\u0000')) throw new CsvFileError('not-text', 'The file contains NUL characters: it is not a CSV text file');
  return text;
}

/** `;` when the header line (outside quotes) has more semicolons than commas, else `,`. */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Byte offsets where each line ends (a CRLF, LF or lone CR), in order. */
function lineEnds(bytes: Buffer): number[] {
  const ends: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) ends.push(i);
  }
  return ends;
}

/** 1 + the number of line ends before `offset` (binary search). */
function lineAt(ends: number[], offset: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/**
 * Parses the file: header first, then the records that hold anything (blank lines and lines of
 * empty cells, as spreadsheets leave at the end, are skipped). More than `maxRows` records is an
 * error before any row is checked.
 */
export function parseCsv(bytes: Buffer, maxRows: number): ParsedCsv {
  const text = decodeUtf8(bytes);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new CsvFileError('empty', 'The file is empty');
  const delimiter = detectDelimiter(text);
  let parsed: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    parsed = parse(bytes, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARS,
    }) as unknown as Array<{ record: string[]; info: { bytes: number } }>;
  } catch (error) {
    const e = error as { code?: string; message?: string; lines?: number };
    const where = typeof e.lines === 'number' ? { line: e.lines } : {};
    const message =
      e.code === 'CSV_MAX_RECORD_SIZE'
        ? `A record is longer than ${MAX_RECORD_CHARS} characters (an unclosed quote?)`
        : `The file is not valid CSV: ${String(e.message ?? error).slice(0, 300)}`;
    throw new CsvFileError('malformed', message, { ...where, code: e.code });
  }
  const ends = lineEnds(bytes);
  const records: CsvRecord[] = [];
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (const { record, info } of parsed) {
    // the record starts after the previous one and any empty lines skipped in between
    while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d)) start++;
    if (record.some((cell) => cell.trim() !== '')) records.push({ line: lineAt(ends, start), cells: record });
    start = info.bytes;
  }
  const [first, ...rows] = records;
  if (!first) throw new CsvFileError('empty', 'The file is empty');
  if (rows.length > maxRows) {
    throw new CsvFileError('too-many-rows', `The file has ${rows.length} rows; at most ${maxRows} can be imported at once: split it`, {
      rows: rows.length,
      maxRows,
    });
  }
  return { delimiter, header: first.cells, records: rows };
}
