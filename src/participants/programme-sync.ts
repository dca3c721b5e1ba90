/**
 * Who the published programme puts on stage, as a pure function of a release's snapshot: every
 * speaker of a talk and every chair of a session who has an account (SnapshotPerson.id is the user
 * id), with the roles they hold (speaker, chair) and their names and affiliation as the release
 * froze them. Guest chairs (`guest:…`, no account and no email) are left out: a participant needs
 * an email.
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    for (const talk of session.talks) for (const speaker of talk.speakers) add(speaker, 'speaker');
  }
  return [...people.values()].sort((a, b) => a.userId.localeCompare(b.userId));
}
