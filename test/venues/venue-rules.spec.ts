import { canonicalCountryCode, canonicalTimeZone, coordinatesProblems } from '../../src/venues/venue-rules.js';

describe('venue rules', () => {
  it('wants both coordinates or neither', () => {
    expect(coordinatesProblems({ latitude: null, longitude: null })).toEqual([]);
    expect(coordinatesProblems({ latitude: 48.8676, longitude: 2.3158 })).toEqual([]);
    expect(coordinatesProblems({ latitude: 0, longitude: 0 })).toEqual([]);
    expect(coordinatesProblems({ latitude: 48.8676, longitude: null })).toEqual([{ field: 'longitude', errors: [expect.any(String)] }]);
    expect(coordinatesProblems({ latitude: null, longitude: 0 })).toEqual([{ field: 'latitude', errors: [expect.any(String)] }]);
  });

  it('spells time zones and country codes the usual way', () => {
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('America/Montreal')).toBe('America/Montreal');
    expect(canonicalCountryCode('fr')).toBe('FR');
  });
});
