/**
 * TypeORM's PostgreSQL driver answers `query()` with the rows for a SELECT or INSERT, but with
 * `[rows, rowCount]` for an UPDATE or DELETE (even with RETURNING): these read both shapes.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

export function affectedCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}
