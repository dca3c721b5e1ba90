import type { FieldProblem } from './opening-hours.js';

/** Coordinates come as a pair: both latitude and longitude, or neither. */
export function coordinatesProblems(venue: { latitude: number | null; longitude: number | null }): FieldProblem[] {
  if ((venue.latitude === null) === (venue.longitude === null)) return [];
  const missing = venue.latitude === null ? 'latitude' : 'longitude';
  return [{ field: missing, errors: ['Give both latitude and longitude, or neither'] }];
}

/**
 * The usual spelling of a valid IANA zone ('europe/paris' → 'Europe/Paris'). Only the case is
 * corrected: a zone the runtime knows under another name (America/Montreal) is kept as given.
 */
export function canonicalTimeZone(zone: string): string {
  const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}

/** The stored country code: ISO 3166-1 alpha-2 in capitals. */
export function canonicalCountryCode(code: string): string {
  return code.toUpperCase();
}
