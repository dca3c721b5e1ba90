/**
 * wrk (Debian's `wrk`, C, event-driven) as the benchmark's load generator for the read routes, when it
 * is installed. autocannon (JavaScript) decodes every answer's bytes on the same two cores as the
 * application: for a 30 KB gzipped programme that is the client's work, not the server's, and it
 * lowered the programme's ratio to the constant route below what the server's CPU shows (issue 16,
 * bench/README.md). wrk reads the same answers for a fraction of that. Issue 16's « where it stands »
 * table was measured with it, 2 threads.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface WrkResult {
  requestsPerSecond: number;
  totalRequests: number;
  /** Bytes read per answer, headers included. */
  bytesPerResponse: number;
  latencyMs: { p50: number; p75: number; p90: number; p99: number; average: number; max: number };
  /** Answers with a status of 400 or more (wrk counts 3xx as success). */
  non2xx3xx: number;
  socketErrors: number;
  timeouts: number;
}

/** The wrk on the PATH, or null. */
export function findWrk(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const file = join(dir, 'wrk');
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const UNIT_BYTES: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

function duration(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m|h)$/.exec(text);
  if (!m) throw new Error(`wrk: unreadable duration ${text}`);
  return Number(m[1]) * UNIT_MS[m[2]];
}

/** Reads wrk's report (`--latency`). */
export function parseWrk(output: string): WrkResult {
  const need = (re: RegExp) => {
    const m = re.exec(output);
    if (!m) throw new Error(`wrk: no ${re} in its report:\n${output}`);
    return m;
  };
  const latency = need(/^\s*Latency\s+(\S+)\s+\S+\s+(\S+)/m);
  const percentile = (p: number) => duration(need(new RegExp(`^\\s*${p}%\\s+(\\S+)`, 'm'))[1]);
  const total = need(/^\s*(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB|TB) read/m);
  const totalRequests = Number(total[1]);
  const sockets = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requestsPerSecond: Number(need(/^Requests\/sec:\s+([\d.]+)/m)[1]),
    totalRequests,
    bytesPerResponse: totalRequests ? Math.round((Number(total[2]) * UNIT_BYTES[total[3]]) / totalRequests) : 0,
    latencyMs: { p50: percentile(50), p75: percentile(75), p90: percentile(90), p99: percentile(99), average: duration(latency[1]), max: duration(latency[2]) },
    non2xx3xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    socketErrors: sockets ? Number(sockets[1]) + Number(sockets[2]) + Number(sockets[3]) : 0,
    timeouts: sockets ? Number(sockets[4]) : 0,
  };
}

/** Runs wrk on `url` for `seconds` with `connections` over 2 threads. */
export function runWrk(wrk: string, url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<WrkResult> {
  const args = ['--latency', '-t', String(Math.min(2, connections)), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '10s'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    execFile(wrk, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`wrk failed: ${error.message}\n${stderr}`));
      else {
        try {
          resolve(parseWrk(stdout));
        } catch (e) {
          reject(e as Error);
        }
      }
    });
  });
}
