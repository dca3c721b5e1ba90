/** Small helpers shared by the conflict rules: ordering, keys, descriptions, intervals. */
import { type BilingualMessage, formatRange } from './conflict-messages.js';
import type { Commitment, ConflictCode, ConflictContext, RawConflict } from './conflict-types.js';

export function by<T>(...keys: Array<(t: T) => number | string>): (a: T, b: T) => number {
  return (a, b) => {
    for (const k of keys) {
      const x = k(a);
      const y = k(b);
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}

export const byStart = by<Commitment>(
  (c) => c.start,
  (c) => c.end,
  (c) => c.role,
  (c) => c.itemId,
);

export function uniqSorted(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

export function makeKey(code: ConflictCode, parts: Record<string, string[]>): string {
  const segments = Object.entries(parts)
    .filter(([, ids]) => ids.length > 0)
    .map(([name, ids]) => `${name}=${uniqSorted(ids).join(',')}`);
  return [code, ...segments].join('|');
}

export function raw(
  code: ConflictCode,
  ids: { sessionIds?: string[]; talkIds?: string[]; personIds?: string[]; proposalIds?: string[]; extra?: string },
  startsAt: Date | null,
  message: BilingualMessage,
): RawConflict {
  const sessionIds = uniqSorted(ids.sessionIds ?? []);
  const talkIds = uniqSorted(ids.talkIds ?? []);
  const personIds = uniqSorted(ids.personIds ?? []);
  const proposalIds = uniqSorted(ids.proposalIds ?? []);
  let key = makeKey(code, { person: personIds, session: sessionIds, talk: talkIds, proposal: proposalIds });
  if (ids.extra) key += `|${ids.extra}`;
  return { key, code, sessionIds, talkIds, personIds, proposalIds, startsAt, message };
}

// ---------------------------------------------------------------- commitments

export function describe(c: Commitment, ctx: ConflictContext): BilingualMessage {
  const session = ctx.sessions.get(c.sessionId);
  const sessionTitle = session?.title ? ` « ${session.title} »` : ` ${c.sessionId}`;
  const when = (l: 'fr' | 'en') => formatRange(new Date(c.start), new Date(c.end), ctx.zone, l);
  if (c.role === 'talk') {
    const talk = ctx.talks.get(c.itemId);
    const t = talk?.title ? `« ${talk.title} »` : c.itemId;
    return { fr: `l'exposé ${t} (${when('fr')})`, en: `the talk ${t.replace(/« | »/g, '"')} (${when('en')})` };
  }
  const en = sessionTitle.replace(/« | »/g, '"');
  if (c.role === 'chair') return { fr: `la présidence de la session${sessionTitle} (${when('fr')})`, en: `chairing the session${en} (${when('en')})` };
  return { fr: `la session${sessionTitle} (${when('fr')})`, en: `the session${en} (${when('en')})` };
}

export function personName(id: string, ctx: ConflictContext): string {
  return ctx.names.get(id) ?? id;
}

export function idsOf(cs: Commitment[]): { sessionIds: string[]; talkIds: string[] } {
  return {
    sessionIds: cs.map((c) => c.sessionId),
    talkIds: cs.filter((c) => c.role === 'talk').map((c) => c.itemId),
  };
}

// ---------------------------------------------------------------- intervals

export interface Interval {
  start: number;
  end: number;
}

/** Sorted, merged (touching intervals joined) union of intervals; empty ones dropped. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** Index of the first merged interval ending after `t` (binary search). */
export function firstEndingAfter(merged: Interval[], t: number): number {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid].end > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---------------------------------------------------------------- unavailability
