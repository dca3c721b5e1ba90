import { types } from 'node:util';

/**
 * The application runs in the worker's own realm, not in the test file's sandbox (docs/testing.md,
 * « One copy of the application per worker »): a Date it makes (a timestamp read by its
 * DataSource) is not an instance of the test's `Date`. `aDate()` stands where `expect.any(Date)`
 * would, for a valid Date from either realm.
 */
export function aDate(): unknown {
  return {
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    asymmetricMatch: (value: unknown) => types.isDate(value) && !Number.isNaN(value.getTime()),
    toAsymmetricMatcher: () => 'aDate()',
  };
}

/**
 * The global object of the application's realm: its `Number`, `String`… are the constructors a
 * library running there compares with (`new ParseArrayPipe({ items: appRealm.Number })`).
 */
export const appRealm = (globalThis as unknown as { __appGlobals: typeof globalThis }).__appGlobals;
