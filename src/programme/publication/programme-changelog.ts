import type { ProgrammeSnapshot, SnapshotPerson, SnapshotSession, SnapshotTalk } from '../programme-snapshot.js';

/**
 * What changed between two published versions of a programme, item by item: sessions and talks
 * added, removed, moved (time or room), retitled, speakers (talks) or chairs (sessions) changed.
 * A pure function of the two snapshots; it also carries each item's `sequence` forward (the
 * iCalendar SEQUENCE): previous + 1 when the release changes the item, kept otherwise, 0 when new.
 */

export type ChangedItem = 'session' | 'talk';
export type ChangeKind = 'added' | 'removed' | 'moved' | 'retitled' | 'speakers-changed' | 'chairs-changed';

/** Where and when an item is: the instants in UTC and in the event's zone, the room and its venue. */
export interface ItemPlace {
  startsAt: string;
  endsAt: string;
  localStart: string;
  localEnd: string;
  roomId: string;
  roomName: string | null;
  venueId: string;
  venueName: string | null;
  /** For a talk: the session holding it. */
  sessionId?: string;
}

export interface ItemTitle {
  titleFr: string | null;
  titleEn: string | null;
}

export interface ChangedPerson {
  id: string;
  name: string;
}

export interface ItemPeople {
  people: ChangedPerson[];
}

interface EntryBase {
  item: ChangedItem;
  /** The session's or the talk's id (stable across versions). */
  id: string;
  /** For a talk: its session (after the change; before it for a removed talk). */
  sessionId?: string;
  /** For a talk: its proposal. */
  submissionId?: string;
  /** The item's title now (before the change for a removed item). */
  titleFr: string | null;
  titleEn: string | null;
  /** For a talk: its speakers now (before the change for a removed talk). */
  speakers?: ChangedPerson[];
}

export type ChangelogEntry =
  | (EntryBase & { change: 'added'; before: null; after: ItemPlace })
  | (EntryBase & { change: 'removed'; before: ItemPlace; after: null })
  | (EntryBase & { change: 'moved'; before: ItemPlace; after: ItemPlace })
  | (EntryBase & { change: 'retitled'; before: ItemTitle; after: ItemTitle })
  | (EntryBase & { change: 'speakers-changed' | 'chairs-changed'; before: ItemPeople; after: ItemPeople });

export interface ProgrammeChangelog {
  /** The version compared against; null for the first version (whose changelog is empty). */
  fromVersion: number | null;
  toVersion: number;
  entries: ChangelogEntry[];
}

export interface ProgrammeDiff {
  changelog: ProgrammeChangelog;
  /** `next` with the `sequence` of every session and talk carried forward. */
  snapshot: ProgrammeSnapshot;
}

const CHANGE_ORDER: Record<ChangeKind, number> = { removed: 0, added: 1, moved: 2, retitled: 3, 'speakers-changed': 4, 'chairs-changed': 5 };

interface LocatedTalk {
  talk: SnapshotTalk;
  session: SnapshotSession;
}

function talksById(snapshot: ProgrammeSnapshot): Map<string, LocatedTalk> {
  const out = new Map<string, LocatedTalk>();
  for (const session of snapshot.sessions) for (const talk of session.talks) out.set(talk.id, { talk, session });
  return out;
}

function placeOf(snapshot: ProgrammeSnapshot, item: { startsAt: string; endsAt: string; localStart: string; localEnd: string }, session: SnapshotSession, isTalk: boolean): ItemPlace {
  const room = snapshot.rooms.find((r) => r.id === session.roomId);
  const venue = snapshot.venues.find((v) => v.id === session.venueId);
  return {
    startsAt: item.startsAt,
    endsAt: item.endsAt,
    localStart: item.localStart,
    localEnd: item.localEnd,
    roomId: session.roomId,
    roomName: room?.name ?? null,
    venueId: session.venueId,
    venueName: venue?.name ?? null,
    ...(isTalk ? { sessionId: session.id } : {}),
  };
}

function samePlace(a: ItemPlace, b: ItemPlace): boolean {
  return a.startsAt === b.startsAt && a.endsAt === b.endsAt && a.roomId === b.roomId;
}

function sameTitle(a: ItemTitle, b: ItemTitle): boolean {
  return (a.titleFr ?? null) === (b.titleFr ?? null) && (a.titleEn ?? null) === (b.titleEn ?? null);
}

function people(list: SnapshotPerson[]): ChangedPerson[] {
  return list.map((p) => ({ id: p.id, name: p.name }));
}

/** Same people in the same order (names may be corrected without it being a change of speaker). */
function samePeople(a: SnapshotPerson[], b: SnapshotPerson[]): boolean {
  return a.length === b.length && a.every((p, i) => p.id === b[i].id);
}

function titleOf(item: ItemTitle): ItemTitle {
  return { titleFr: item.titleFr ?? null, titleEn: item.titleEn ?? null };
}

/** The session and talk entries of one item between two states (either may be missing). */
function sessionEntries(previous: ProgrammeSnapshot, next: ProgrammeSnapshot, before: SnapshotSession | undefined, after: SnapshotSession | undefined): ChangelogEntry[] {
  const base = (s: SnapshotSession) => ({ item: 'session' as const, id: s.id, ...titleOf(s) });
  if (!before && after) return [{ ...base(after), change: 'added', before: null, after: placeOf(next, after, after, false) }];
  if (before && !after) return [{ ...base(before), change: 'removed', before: placeOf(previous, before, before, false), after: null }];
  if (!before || !after) return [];
  const out: ChangelogEntry[] = [];
  const from = placeOf(previous, before, before, false);
  const to = placeOf(next, after, after, false);
  if (!samePlace(from, to)) out.push({ ...base(after), change: 'moved', before: from, after: to });
  if (!sameTitle(before, after)) out.push({ ...base(after), change: 'retitled', before: titleOf(before), after: titleOf(after) });
  if (!samePeople(before.chairs, after.chairs)) {
    out.push({ ...base(after), change: 'chairs-changed', before: { people: people(before.chairs) }, after: { people: people(after.chairs) } });
  }
  return out;
}

function talkEntries(previous: ProgrammeSnapshot, next: ProgrammeSnapshot, before: LocatedTalk | undefined, after: LocatedTalk | undefined): ChangelogEntry[] {
  const base = (t: LocatedTalk) => ({
    item: 'talk' as const,
    id: t.talk.id,
    sessionId: t.session.id,
    submissionId: t.talk.submissionId,
    ...titleOf(t.talk),
    speakers: people(t.talk.speakers),
  });
  if (!before && after) return [{ ...base(after), change: 'added', before: null, after: placeOf(next, after.talk, after.session, true) }];
  if (before && !after) return [{ ...base(before), change: 'removed', before: placeOf(previous, before.talk, before.session, true), after: null }];
  if (!before || !after) return [];
  const out: ChangelogEntry[] = [];
  const from = placeOf(previous, before.talk, before.session, true);
  const to = placeOf(next, after.talk, after.session, true);
  if (!samePlace(from, to)) out.push({ ...base(after), change: 'moved', before: from, after: to });
  if (!sameTitle(before.talk, after.talk)) out.push({ ...base(after), change: 'retitled', before: titleOf(before.talk), after: titleOf(after.talk) });
  if (!samePeople(before.talk.speakers, after.talk.speakers)) {
    out.push({ ...base(after), change: 'speakers-changed', before: { people: people(before.talk.speakers) }, after: { people: people(after.talk.speakers) } });
  }
  return out;
}

/** When the entry's item happens (after the change; before it for a removed item), for ordering. */
function entryStart(entry: ChangelogEntry): string {
  if (entry.change === 'added' || entry.change === 'moved') return entry.after.startsAt;
  if (entry.change === 'removed') return entry.before.startsAt;
  return '';
}

function compareEntries(a: ChangelogEntry, b: ChangelogEntry, starts: Map<string, string>): number {
  const sa = starts.get(a.id) ?? entryStart(a);
  const sb = starts.get(b.id) ?? entryStart(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (a.item !== b.item) return a.item === 'session' ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change];
}

/**
 * The changelog from `previous` (null for a first version) to `next`, and `next` with every
 * item's sequence carried forward. Neither argument is modified. Entries are ordered by when their
 * item happens (now, or before its removal), sessions before their talks, then by id.
 */
export function diffProgrammes(previous: ProgrammeSnapshot | null, next: ProgrammeSnapshot): ProgrammeDiff {
  const fromVersion = previous?.version ?? null;
  if (!previous) {
    const snapshot: ProgrammeSnapshot = {
      ...next,
      sessions: next.sessions.map((s) => ({ ...s, sequence: 0, talks: s.talks.map((t) => ({ ...t, sequence: 0 })) })),
    };
    return { changelog: { fromVersion, toVersion: next.version, entries: [] }, snapshot };
  }

  const entries: ChangelogEntry[] = [];
  const beforeSessions = new Map(previous.sessions.map((s) => [s.id, s]));
  const afterSessions = new Map(next.sessions.map((s) => [s.id, s]));
  for (const id of new Set([...beforeSessions.keys(), ...afterSessions.keys()])) {
    entries.push(...sessionEntries(previous, next, beforeSessions.get(id), afterSessions.get(id)));
  }
  const beforeTalks = talksById(previous);
  const afterTalks = talksById(next);
  for (const id of new Set([...beforeTalks.keys(), ...afterTalks.keys()])) {
    entries.push(...talkEntries(previous, next, beforeTalks.get(id), afterTalks.get(id)));
  }

  // every entry of one item sorts at the item's (current, else former) start
  const starts = new Map<string, string>();
  for (const s of next.sessions) {
    starts.set(s.id, s.startsAt);
    for (const t of s.talks) starts.set(t.id, t.startsAt);
  }
  for (const s of previous.sessions) {
    if (!starts.has(s.id)) starts.set(s.id, s.startsAt);
    for (const t of s.talks) if (!starts.has(t.id)) starts.set(t.id, t.startsAt);
  }
  entries.sort((a, b) => compareEntries(a, b, starts));

  const changed = new Set(entries.map((e) => e.id));
  const sequence = (id: string, before: { sequence: number } | undefined) => (before === undefined ? 0 : before.sequence + (changed.has(id) ? 1 : 0));
  const snapshot: ProgrammeSnapshot = {
    ...next,
    sessions: next.sessions.map((s) => ({
      ...s,
      sequence: sequence(s.id, beforeSessions.get(s.id)),
      talks: s.talks.map((t) => ({ ...t, sequence: sequence(t.id, beforeTalks.get(t.id)?.talk) })),
    })),
  };
  return { changelog: { fromVersion, toVersion: next.version, entries }, snapshot };
}
