/**
 * Jest runs the project as ES modules (NestJS 12 is ESM-only); see docs/testing.md. ts-jest only
 * transpiles: tsconfig.json's `isolatedModules: true` makes it compile each file alone, without
 * type-checking (the types are checked once, by `npm run lint`).
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/test/**/*.spec.ts', '<rootDir>/src/**/*.spec.ts'],
  // A safety net for a hung test, not a speed check: the whole-API suites (every route × every
  // caller, every write route × hostile bodies) grow with the API and run for minutes on a busy
  // 2-core machine. CI's budget (.ci/run) bounds the whole run.
  testTimeout: 300000,
  // Each test file loads Nest, TypeORM and PGlite again in its own module registry, and a worker does
  // not give all of it back: after ~25 files a worker held 1.5 GB and spent its time collecting garbage
  // (the same one-test file took 3.7 s alone and 23 s late in a whole run). A worker whose heap is past
  // this limit after a file is replaced by a fresh one (≈ 1 s): the whole embedded run went from
  // 889 s (with 24 browser and PDF files failing early) to 580 s, all passing (docs/testing.md).
  workerIdleMemoryLimit: '1GB',
};
