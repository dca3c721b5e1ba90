/**
 * Jest's order of test files, with one addition. Jest runs the files it has timed before longest
 * first, and a file it has never timed by its size: on a fresh clone (CI) nothing is timed, and a
 * short file that starts servers or a browser (test/foundation/logs.spec.ts: 3 KB, ≈ 25 s) would
 * come last and run alone while the other workers have nothing left to do. A file that has not been
 * timed and starts a process or a browser therefore goes first, biggest first.
 */
import { readFileSync } from 'node:fs';
import TestSequencer from '@jest/test-sequencer';

const STARTS_PROCESSES = /\b(?:startServer|spawnServer|spawn|launchChromium)\(/;

export default class HeavyFirst extends TestSequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const heavy = new Set(sorted.filter((test) => test.duration == null && STARTS_PROCESSES.test(readFileSync(test.path, 'utf8'))));
    return [...sorted.filter((test) => heavy.has(test)), ...sorted.filter((test) => !heavy.has(test))];
  }
}
