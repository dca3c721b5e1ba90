/**
 * What the grid shades while a session or a proposal is dragged: the times when its people (the
 * talks' speakers and the chairs, or a proposal's speakers) are unavailable, already speak or
 * chair elsewhere, or could not arrive in time from another venue. A hint drawn as they move: the
 * server's conflicts stay the judge (the same facts, as `warnings`, once the change is made).
 */
import { dateOf, minutesOf, overlaps, type Span } from './grid-math';
import type { GridSession, Proposal } from './load';

export type ShadeReason = 'unavailable' | 'busy' | 'travel';

export interface Shade {
  /** Columns of this venue only; null: every column. */
  venueId: string | null;
  span: Span;
  reason: ShadeReason;
  who: string;
}

export interface Unavailability {
  userId: string;
  name: string;
  startsAt: string;
  endsAt: string;
}

/** Travel minutes between two venues, both orders (`a|b`), the shorter of walking and transit. */
export type TravelIndex = Map<string, number>;

export function travelIndex(rows: Array<{ venueA: { id: string }; venueB: { id: string }; walkingMinutes: number | null; transitMinutes: number | null }>): TravelIndex {
  const out: TravelIndex = new Map();
  for (const r of rows) {
    const minutes = Math.min(r.walkingMinutes ?? Infinity, r.transitMinutes ?? Infinity);
    if (!Number.isFinite(minutes)) continue;
    for (const key of [`${r.venueA.id}|${r.venueB.id}`, `${r.venueB.id}|${r.venueA.id}`]) {
      const known = out.get(key);
      if (known === undefined || minutes < known) out.set(key, minutes);
    }
  }
  return out;
}

/** The people of a session: its talks' speakers and its chairs (person ids as the conflicts name them), with names. */
export function peopleOf(s: GridSession): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of s.talks) for (const p of t.speakers) out.set(p.userId, p.name);
  for (const c of s.chairs) out.set(c.personId, c.name);
  return out;
}

/** The people of a proposal once placed: its main speaker and the co-speakers who accepted (with an account). */
export function proposalPeople(p: Pick<Proposal, 'mainSpeaker' | 'coSpeakers'>): Map<string, string> {
  const out = new Map<string, string>();
  if (p.mainSpeaker?.userId) out.set(p.mainSpeaker.userId, p.mainSpeaker.name);
  for (const co of p.coSpeakers) if (co.userId && co.status === 'accepted') out.set(co.userId, co.name);
  return out;
}

/**
 * The shades of `date` for `people`, leaving out the session being moved (`except`): their
 * unavailabilities, the other sessions where they speak or chair (every column), and before and
 * after each of those, in the other venues' columns, the time the journey takes.
 */
export function shadesFor(
  people: Map<string, string>,
  date: string,
  sessions: GridSession[],
  except: string | null,
  unavailabilities: Unavailability[],
  travel: TravelIndex,
  venueIds: string[],
): Shade[] {
  if (people.size === 0) return [];
  const out: Shade[] = [];
  for (const u of unavailabilities) {
    if (!people.has(u.userId)) continue;
    const first = dateOf(u.startsAt);
    const last = dateOf(u.endsAt);
    if (date < first || date > last) continue;
    const span = { start: first === date ? minutesOf(u.startsAt) : 0, end: last === date ? minutesOf(u.endsAt) : 24 * 60 };
    if (span.end > span.start) out.push({ venueId: null, span, reason: 'unavailable', who: people.get(u.userId) ?? u.name });
  }
  for (const s of sessions) {
    if (s.id === except || s.day !== date) continue;
    const theirs = peopleOf(s);
    const who = [...people.keys()].filter((id) => theirs.has(id)).map((id) => people.get(id)!);
    if (who.length === 0) continue;
    const span = { start: minutesOf(s.startsAt), end: minutesOf(s.startsAt) + s.durationMinutes };
    out.push({ venueId: null, span, reason: 'busy', who: who.join(', ') });
    for (const venueId of venueIds) {
      if (venueId === s.venue.id) continue;
      const to = travel.get(`${s.venue.id}|${venueId}`);
      const from = travel.get(`${venueId}|${s.venue.id}`);
      if (to) out.push({ venueId, span: { start: span.end, end: Math.min(24 * 60, span.end + to) }, reason: 'travel', who: who.join(', ') });
      if (from) out.push({ venueId, span: { start: Math.max(0, span.start - from), end: span.start }, reason: 'travel', who: who.join(', ') });
    }
  }
  return out;
}

/** The shades a span in a venue's room runs into. */
export function shadesHit(shades: Shade[], venueId: string, span: Span): Shade[] {
  return shades.filter((s) => (s.venueId === null || s.venueId === venueId) && overlaps(s.span, span));
}
