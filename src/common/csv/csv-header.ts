/**
 * Reading a CSV header whose columns are named in French or English, whatever their case, accents
 * and punctuation: the participants' import and the Label's palmarès both map theirs this way. What
 * a header must contain is each import's own rule.
 */

/** "Prénom " → "prenom", "first_name" → "first name", "E-Mail" → "e mail": what header names are compared by. */
export function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Each accepted name's key → its field. */
export function columnsByKey<F extends string>(fields: readonly F[], names: Readonly<Record<F, readonly string[]>>): ReadonlyMap<string, F> {
  return new Map(fields.flatMap((field) => names[field].map((name) => [headerKey(name), field] as const)));
}

/** How a header line maps to fields: the column of each field found, and what is doubled or left aside. */
export interface CsvHeader<F extends string> {
  /** Field → index of its column in each record (the first, if several columns give it). */
  columns: Partial<Record<F, number>>;
  /** Field → the header name as the file writes it (for messages). */
  names: Partial<Record<F, string>>;
  /** Fields given by more than one column, with those columns' names. */
  duplicates: Array<{ field: F; columns: string[] }>;
  /** Columns read but not imported: any name no field accepts. */
  ignored: string[];
}

export function mapCsvHeader<F extends string>(header: readonly string[], fieldByKey: ReadonlyMap<string, F>): CsvHeader<F> {
  const columns: Partial<Record<F, number>> = {};
  const names: Partial<Record<F, string>> = {};
  const seen = new Map<F, string[]>();
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim();
    const field = fieldByKey.get(headerKey(name));
    if (!field) {
      if (name !== '') ignored.push(name);
      return;
    }
    seen.set(field, [...(seen.get(field) ?? []), name]);
    if (columns[field] === undefined) {
      columns[field] = index;
      names[field] = name;
    }
  });
  return {
    columns,
    names,
    duplicates: [...seen].filter(([, cols]) => cols.length > 1).map(([field, cols]) => ({ field, columns: cols })),
    ignored,
  };
}
