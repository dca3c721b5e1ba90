/**
 * Who the published programme puts on stage, as a pure function of a release's snapshot: every
 * speaker of a talk whose proposal is still accepted or confirmed and every chair of a session who has an account (SnapshotPerson.id is the user
 * id), with the roles they hold (speaker, chair) and their names and affiliation as the release
 * froze them; and every guest chair (`guest:<session_chairs.id>`, a name typed on a session, no
 * account), one per guest key (the name without case, accents or extra spaces), so the same guest
 * named on several sessions is one person.
 */
import type { ProgrammeSnapshot, SnapshotPerson } from '../programme/programme-snapshot.js';

export interface ProgrammePerson {
  userId: string;
  firstName: string;
  lastName: string;
  affiliation: string | null;
  /** Sorted: 'chair', 'speaker' or both. */
  roles: string[];
}

/** A guest chair: always and only « chair ». */
export interface ProgrammeGuest {
  guestKey: string;
  /** The name as typed on the first session (in programme order) that names the guest. */
  guestName: string;
  firstName: string;
  lastName: string;
  affiliation: string | null;
}

/** The proposal states whose talks are given: a cancelled, withdrawn or rejected one is not. */
const ON_STAGE: ReadonlySet<string> = new Set(['accepted', 'confirmed']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How guests are matched: NFKD without combining marks, lower-case, white space collapsed ("  Hélène   DUPRÉ" → "helene dupre"). */
export function guestKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** Lower-case words that start a family name ("Jean de La Fontaine", "Ludwig van Beethoven"). */
const PARTICLES = new Set(['de', 'des', 'du', 'da', 'das', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'le', 'la', 'ter', 'ten', 'dos', 'y']);
const isParticle = (word: string) => PARTICLES.has(word) || /^d['’]\S/u.test(word);
/** A word written in capitals ("DUPONT", "L’HÔTE"): how French typists mark the family name. */
const isCapitals = (word: string) => /\p{Lu}/u.test(word) && word === word.toUpperCase();

/**
 * First and last names guessed from a name typed in one field (the whole stays in guestName):
 * one word is a last name; the words from the first lower-case particle, or the trailing words in
 * capitals, are the last name; otherwise the first word is the first name and the rest the last.
 */
export function splitGuestName(typed: string): { firstName: string; lastName: string } {
  const words = typed.normalize('NFC').trim().split(/\s+/u).filter(Boolean);
  if (words.length <= 1) return { firstName: '', lastName: words[0] ?? '' };
  let cut = words.findIndex((w, i) => i > 0 && isParticle(w));
  if (cut < 0 && isCapitals(words[words.length - 1]) && !isCapitals(words[0])) {
    cut = words.length - 1;
    while (cut > 1 && isCapitals(words[cut - 1])) cut -= 1;
  }
  if (cut < 0) cut = 1;
  return { firstName: words.slice(0, cut).join(' '), lastName: words.slice(cut).join(' ') };
}

export function programmePeople(snapshot: Pick<ProgrammeSnapshot, 'sessions'>): ProgrammePerson[] {
  const people = new Map<string, ProgrammePerson>();
  const add = (person: SnapshotPerson, role: 'speaker' | 'chair') => {
    if (!UUID.test(person.id)) return;
    const userId = person.id.toLowerCase();
    let entry = people.get(userId);
    if (!entry) {
      const [first, ...rest] = person.name.split(' ');
      entry = {
        userId,
        firstName: person.firstName ?? first ?? '',
        lastName: person.lastName ?? rest.join(' '),
        affiliation: person.affiliation,
        roles: [],
      };
      people.set(userId, entry);
    }
    if (!entry.roles.includes(role)) entry.roles = [...entry.roles, role].sort();
  };
  for (const session of snapshot.sessions) {
    for (const chair of session.chairs) add(chair, 'chair');
    for (const talk of session.talks) {
      // a talk whose proposal was cancelled (or withdrawn) since it was placed may still sit in the published programme: its speakers no longer speak
      if (!ON_STAGE.has(talk.proposalState)) continue;
      for (const speaker of talk.speakers) add(speaker, 'speaker');
    }
  }
  return [...people.values()].sort((a, b) => a.userId.localeCompare(b.userId));
}

/** The guest chairs of the release, one per guest key (a blank name is nobody); the first affiliation given wins. */
export function programmeGuests(snapshot: Pick<ProgrammeSnapshot, 'sessions'>): ProgrammeGuest[] {
  const guests = new Map<string, ProgrammeGuest>();
  for (const session of snapshot.sessions) {
    for (const chair of session.chairs) {
      if (!chair.id.startsWith('guest:')) continue;
      const key = guestKey(chair.name);
      if (!key) continue;
      const known = guests.get(key);
      if (known) {
        known.affiliation ??= chair.affiliation;
        continue;
      }
      const guestName = chair.name.normalize('NFC').trim().replace(/\s+/gu, ' ');
      guests.set(key, { guestKey: key, guestName, ...splitGuestName(guestName), affiliation: chair.affiliation });
    }
  }
  return [...guests.values()].sort((a, b) => (a.guestKey < b.guestKey ? -1 : a.guestKey > b.guestKey ? 1 : 0));
}

/** Someone on stage on a local date in a session: an account's user id, or a guest chair's key. */
export interface StageAppearance {
  userId: string | null;
  guestKey: string | null;
  /** The local date (YYYY-MM-DD) of the talk, or of the session for a chair. */
  day: string;
  sessionId: string;
}

/**
 * Where and when each person of the release is on stage, one entry per person, day and session:
 * a chair on the session's day, a speaker on the day of each talk still given (accepted or
 * confirmed). What the speakers' and chairs' places follow: the day part of that date, and a part
 * that admits to that session.
 */
export function stageAppearances(snapshot: Pick<ProgrammeSnapshot, 'sessions'>): StageAppearance[] {
  const seen = new Map<string, StageAppearance>();
  const add = (person: SnapshotPerson, day: string, sessionId: string) => {
    let who: { userId: string | null; guestKey: string | null };
    if (UUID.test(person.id)) who = { userId: person.id.toLowerCase(), guestKey: null };
    else if (person.id.startsWith('guest:') && guestKey(person.name)) who = { userId: null, guestKey: guestKey(person.name) };
    else return;
    const key = `${who.userId ?? ''}|${who.guestKey ?? ''}|${day}|${sessionId}`;
    if (!seen.has(key)) seen.set(key, { ...who, day, sessionId });
  };
  for (const session of snapshot.sessions) {
    for (const chair of session.chairs) add(chair, session.day, session.id);
    for (const talk of session.talks) {
      if (!ON_STAGE.has(talk.proposalState)) continue;
      for (const speaker of talk.speakers) add(speaker, talk.localStart.slice(0, 10), session.id);
    }
  }
  return [...seen.values()];
}
