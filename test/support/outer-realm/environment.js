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
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestEnvironment } from 'jest-environment-node';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const requireFromRoot = createRequire(resolve(ROOT, 'package.json'));

export default class OneAppPerWorker extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__outerRequire = (name) => requireFromRoot(name);
    this.global.__appGlobals = globalThis;
    // Decorators in a test file (a DTO declared there) record their metadata where the application
    // reads it: reflect-metadata's store lives on this realm's Reflect.
    this.global.Reflect = Reflect;
  }
}
