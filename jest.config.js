import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OUTER = '<rootDir>/test/support/outer-realm';

/**
 * Jest runs the project as ES modules (NestJS 12 is ESM-only); see docs/testing.md.
 *
 * The application itself is not compiled into each test file's sandbox: its modules (src/, as
 * `npm test` builds them to dist/) and the libraries whose classes a test shares with it are loaded
 * once per worker by Node, and a test file's imports of them are shims (test/support/outer-realm/).
 * Test files and their helpers are transpiled by ts-jest without type-checking (tsconfig.json's
 * `isolatedModules: true`; the types are checked once, by `npm run lint`).
 */
export default {
  testEnvironment: `${OUTER}/environment.js`,
  globalSetup: `${OUTER}/global-setup.js`,
  testSequencer: '<rootDir>/test/support/heavy-first-sequencer.js',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@nestjs/common$': `${OUTER}/packages/nestjs-common.js`,
    '^@nestjs/swagger$': `${OUTER}/packages/nestjs-swagger.js`,
    '^(typeorm|class-validator|class-transformer|pg|supertest|playwright-core)$': `${OUTER}/packages/$1.js`,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    // the application's modules, but not its unit tests (src/**/*.spec.ts)
    [`^${escape(ROOT)}/src/(?!.*\\.spec\\.ts$).+\\.ts$`]: `${OUTER}/transform.js`,
    [`^${escape(ROOT)}/test/support/outer-realm/packages/.+\\.js$`]: `${OUTER}/transform.js`,
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/test/**/*.spec.ts', '<rootDir>/src/**/*.spec.ts'],
  // A safety net for a hung test, not a speed check: the whole-API suites (every route × every
  // caller, every write route × hostile bodies) grow with the API and run for minutes on a busy
  // 2-core machine. CI's budget (.ci/run) bounds the whole run.
  testTimeout: 300000,
  // A worker whose heap is past this limit after a file is replaced by a fresh one (≈ 2 s, the
  // application loaded again): PGlite instances and browsers leave garbage a long-lived worker
  // otherwise collects more and more slowly (docs/testing.md).
  workerIdleMemoryLimit: '1GB',
};
