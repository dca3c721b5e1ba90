/**
 * The test environment: Jest's Node environment, plus doors to the worker's own module loader.
 *
 * Jest evaluates each test file, and everything it imports, in a fresh module registry: Nest,
 * TypeORM, PGlite and the whole application were loaded and linked again for every file (≈ 1.1 s),
 * and a worker's heap grew with each copy. The application's modules (src/, built to dist/) and the
 * libraries whose classes tests share with it are instead loaded once per worker, by Node itself,
 * and test files reach them through the shims that ./transform.js makes (docs/testing.md, « One copy
 * of the application per worker »). Each test file still boots its own application on its own
 * database.
 */
import 'reflect-metadata';
import { appendFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestEnvironment } from 'jest-environment-node';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const requireFromRoot = createRequire(resolve(ROOT, 'package.json'));
/**
 * What outlives a test file in this worker, for the harness to keep there: the database engine each
 * worker reuses (test/support/worker-engine.ts). This module is loaded once per worker.
 */
const WORKER_SCOPE = {};

export default class OneAppPerWorker extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__outerRequire = (name) => requireFromRoot(name);
    this.global.__appGlobals = globalThis;
    this.global.__workerScope = WORKER_SCOPE;
    // Decorators in a test file (a DTO declared there) record their metadata where the application
    // reads it: reflect-metadata's store lives on this realm's Reflect.
    this.global.Reflect = Reflect;
    this.testPath = context.testPath;
  }

  async setup() {
    await super.setup();
    if (process.env.TEST_CPU_LOG) this.costAtStart = costSoFar();
  }

  /** TEST_CPU_LOG=FILE: appends a line per test file (docs/testing.md, « What one file costs »). */
  async teardown() {
    if (this.costAtStart) {
      const [wall, own, children] = costSoFar().map((value, i) => (value - this.costAtStart[i]).toFixed(2));
      const heapMb = Math.round(process.memoryUsage().heapUsed / 1e6);
      appendFileSync(process.env.TEST_CPU_LOG, `${[this.testPath.slice(ROOT.length + 1), wall, own, children, process.pid, heapMb].join('\t')}\n`);
    }
    await super.teardown();
  }
}

/**
 * [wall, this worker's CPU, its finished children's CPU] in seconds so far. A child (a server started
 * by a test, Chromium) counts once it has exited and been waited for: /proc/self/stat's cutime and
 * cstime, in clock ticks (100 a second on Linux).
 */
function costSoFar() {
  const own = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const children = (Number(fields[13]) + Number(fields[14])) / 100;
  return [performance.now() / 1000, (own.user + own.system) / 1e6, children];
}
