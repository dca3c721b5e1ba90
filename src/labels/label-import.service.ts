import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { csvTooLarge } from '../common/http/csv-upload.interceptor.js';
import { CsvFileError, parseCsv } from '../participants/participant-import-csv.js';
import { returnedRows } from '../participants/participant-sql.js';
import { communeIndex } from './communes.js';
import type { ImportLabelAwardsResponse, LabelImportRejectedRow } from './dto/import-label-awards.response.js';
import {
  describeLabelField,
  duplicateTowns,
  LABEL_IMPORT_COLUMN_NAMES,
  LABEL_IMPORT_FIELDS,
  mapLabelHeader,
  rowTownLabel,
  validateLabelRow,
  type ImportedLabel,
  type RowError,
} from './label-import-rows.js';
import { LabelYearsService } from './label-years.service.js';

/** Largest file accepted (multer stops reading beyond: 413): every commune of France is about 1.5 MB. */
export const MAX_LABEL_IMPORT_BYTES = 8 * 1024 * 1024;
/** Most rows in one file: every commune of France (about 37,000) fits. */
export const MAX_LABEL_IMPORT_ROWS = 40_000;

export type LabelImportMode = 'all-or-nothing' | 'valid-rows';

/** Optional columns: written only when the file has them (absent: what is stored stays). */
const OPTIONAL = [
  { field: 'firstParticipation', column: 'first_participation', array: 'boolean[]', insertDefault: 'false' },
  { field: 'populationBand', column: 'population_band', array: 'text[]', insertDefault: 'NULL' },
  { field: 'comments', column: 'comments', array: 'text[]', insertDefault: 'NULL' },
  { field: 'contactEmail', column: 'contact_email', array: 'text[]', insertDefault: 'NULL' },
] as const;

/**
 * The CSV import of a year's palmarès, with the participants import's file rules (parseCsv: UTF-8
 * with or without BOM, `;` or `,`, RFC 4180, line numbers) and modes. Every row is checked first
 * (label-import-rows.ts, against the official communes); then, in one transaction, the year is
 * created if needed (linked to its label<year> event) and one INSERT … SELECT FROM unnest(…)
 * ON CONFLICT (year, insee) DO UPDATE … WHERE changed writes every good row, so importing a file
 * twice changes nothing. Towns absent from the file are left as they are.
 */
@Injectable()
export class LabelImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly years: LabelYearsService,
  ) {}

  async import(year: number, file: Buffer | undefined, mode: LabelImportMode): Promise<ImportLabelAwardsResponse> {
    if (!file) throw new DomainError(400, 'BAD_REQUEST', 'Send the CSV as the multipart/form-data field « file »');
    if (file.length > MAX_LABEL_IMPORT_BYTES) throw csvTooLarge(MAX_LABEL_IMPORT_BYTES);
    const csv = read(file);
    const header = mapLabelHeader(csv.header);
    if (header.missing.length) {
      throw new DomainError(422, 'IMPORT_COLUMNS_MISSING', `The header lacks ${header.missing.join(' and ')}`, { missing: header.missing, found: csv.header, accepted: acceptedColumns() });
    }
    if (header.duplicates.length) {
      throw new DomainError(422, 'IMPORT_DUPLICATE_COLUMNS', 'Several columns give the same field: keep one of each', {
        duplicates: header.duplicates.map((d) => ({ field: describeLabelField(d.field), columns: d.columns })),
      });
    }
    if (!csv.records.length) throw new DomainError(422, 'IMPORT_NO_ROWS', 'The file has a header but no row to import');

    const communes = communeIndex();
    const rejected = new Map<number, LabelImportRejectedRow>();
    const reject = (line: number, town: string | null, errors: RowError[]) => {
      const row = rejected.get(line) ?? { line, town, errors: [] };
      row.errors.push(...errors);
      rejected.set(line, row);
    };
    const good: Array<{ line: number; value: ImportedLabel }> = [];
    for (const record of csv.records) {
      const result = validateLabelRow(record.cells, header, year, communes);
      if (result.ok) good.push({ line: record.line, value: result.value });
      else reject(record.line, rowTownLabel(record.cells, header), result.errors);
    }
    const duplicates = duplicateTowns(good.map((g) => ({ line: g.line, insee: g.value.town.insee })));
    for (const g of good) {
      const first = duplicates.get(g.line);
      if (first !== undefined) reject(g.line, g.value.town.insee, [{ column: '', message: `${g.value.town.name} (${g.value.town.insee}) is already on line ${first}` }]);
    }
    const report = [...rejected.values()].sort((a, b) => a.line - b.line);
    const answer: ImportLabelAwardsResponse = {
      year,
      mode,
      delimiter: csv.delimiter,
      rows: csv.records.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: report.length,
      rejectedRows: report,
      ignoredColumns: header.ignored,
    };
    if (report.length && mode === 'all-or-nothing') {
      throw new DomainError(
        422,
        'IMPORT_ROWS_INVALID',
        `${report.length} of ${csv.records.length} rows are not valid: nothing was imported (fix them, or send ?mode=valid-rows to import the others)`,
        answer as unknown as Record<string, unknown>,
      );
    }
    const accepted = good.filter((g) => !rejected.has(g.line)).map((g) => g.value);
    const present = OPTIONAL.filter((c) => header.columns[c.field] !== undefined);
    return this.dataSource.transaction(async (manager) => {
      await this.years.ensure(manager, year);
      const { created, updated } = await upsert(manager, year, accepted, present);
      return { ...answer, created, updated, unchanged: accepted.length - created - updated };
    });
  }
}

async function upsert(manager: EntityManager, year: number, rows: ImportedLabel[], present: ReadonlyArray<(typeof OPTIONAL)[number]>): Promise<{ created: number; updated: number }> {
  if (!rows.length) return { created: 0, updated: 0 };
  const params: unknown[] = [
    year,
    rows.map((r) => r.town.insee),
    rows.map((r) => r.town.name),
    rows.map((r) => r.town.departement),
    rows.map((r) => r.town.region),
    rows.map((r) => r.level),
    ...present.map((c) => rows.map((r) => r[c.field] ?? null)),
  ];
  const names = ['insee', 'town_name', 'departement', 'region', 'level', ...present.map((c) => c.column)];
  const types = ['text[]', 'text[]', 'text[]', 'text[]', 'int[]', ...present.map((c) => c.array)];
  const unnest = `unnest(${types.map((t, i) => `$${i + 2}::${t}`).join(', ')}) AS r(${names.join(', ')})`;
  const insertColumns = ['year', 'insee', 'town_name', 'departement', 'region', 'level', ...present.map((c) => c.column)];
  const insertValues = ['$1::int', 'r.insee', 'r.town_name', 'r.departement', 'r.region', 'r.level', ...present.map((c) => (c.column === 'first_participation' ? `coalesce(r.first_participation, false)` : `r.${c.column}`))];
  const updated = ['town_name', 'departement', 'region', 'level', ...present.map((c) => c.column)];
  const sql = `
    INSERT INTO label_awards AS a (${insertColumns.join(', ')})
    SELECT ${insertValues.join(', ')} FROM ${unnest}
    ON CONFLICT ON CONSTRAINT "UQ_label_awards_town_year" DO UPDATE
      SET ${updated.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
      WHERE (${updated.map((c) => `a.${c}`).join(', ')}) IS DISTINCT FROM (${updated.map((c) => `EXCLUDED.${c}`).join(', ')})
    RETURNING (xmax = 0) AS created`;
  const result = returnedRows<{ created: boolean }>(await manager.query(sql, params));
  const created = result.filter((r) => r.created).length;
  return { created, updated: result.length - created };
}

function read(file: Buffer) {
  try {
    return parseCsv(file, MAX_LABEL_IMPORT_ROWS);
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    if (error.kind === 'not-text') throw new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', error.message);
    if (error.kind === 'empty') {
      throw new DomainError(422, 'IMPORT_COLUMNS_MISSING', 'The file is empty: it needs a header with the level and the town (INSEE code, or name and département)', {
        accepted: acceptedColumns(),
      });
    }
    if (error.kind === 'too-many-rows') throw new DomainError(422, 'IMPORT_TOO_MANY_ROWS', error.message, error.details);
    throw new DomainError(422, 'IMPORT_MALFORMED_CSV', error.message, error.details);
  }
}

export function acceptedColumns(): Record<string, readonly string[]> {
  return Object.fromEntries(LABEL_IMPORT_FIELDS.map((f) => [f, LABEL_IMPORT_COLUMN_NAMES[f]]));
}
