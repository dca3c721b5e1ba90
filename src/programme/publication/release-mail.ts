import { DateTime } from 'luxon';
import type { ProgrammeSnapshot, SnapshotTalk } from '../programme-snapshot.js';
import type { ChangelogEntry, ItemPlace, ItemTitle, ProgrammeChangelog } from './programme-changelog.js';

/**
 * Who is told what when a release changes talks: each speaker of a talk the release moves, removes
 * (cancels) or retitles gets one mail listing all their changes. Pure: the changelog and the two
 * snapshots in, one list of lines per person and language out.
 */

/** A change of a talk that its speakers are told about. */
export type MailChange = Extract<ChangelogEntry, { change: 'moved' | 'removed' | 'retitled' }>;

export interface SpeakerNotice {
  /** The speaker's id in the snapshots (their user id). */
  personId: string;
  /** Their changes, in changelog order. */
  changes: MailChange[];
  /** French unless every talk concerned exists only in English. */
  locale: 'fr' | 'en';
}

function isMailed(entry: ChangelogEntry): entry is MailChange {
  return entry.item === 'talk' && (entry.change === 'moved' || entry.change === 'removed' || entry.change === 'retitled');
}

function talkSpeakers(snapshot: ProgrammeSnapshot | null, talkId: string): string[] {
  for (const session of snapshot?.sessions ?? []) {
    const talk = session.talks.find((t: SnapshotTalk) => t.id === talkId);
    if (talk) return talk.speakers.map((p) => p.id);
  }
  return [];
}

/**
 * The speakers to tell: for a removed talk, its speakers before; for a moved or retitled one, those
 * who speak in it before and after (someone just added is not told their talk "moved").
 */
export function speakerNotices(previous: ProgrammeSnapshot | null, next: ProgrammeSnapshot, changelog: ProgrammeChangelog): SpeakerNotice[] {
  const byPerson = new Map<string, MailChange[]>();
  for (const entry of changelog.entries) {
    if (!isMailed(entry)) continue;
    const before = talkSpeakers(previous, entry.id);
    const after = new Set(talkSpeakers(next, entry.id));
    const told = entry.change === 'removed' ? before : before.filter((id) => after.has(id));
    for (const person of new Set(told)) {
      const list = byPerson.get(person);
      if (list) list.push(entry);
      else byPerson.set(person, [entry]);
    }
  }
  return [...byPerson.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([personId, changes]) => ({ personId, changes, locale: changes.every((c) => !c.titleFr && c.titleEn) ? 'en' : 'fr' }));
}

function titleIn(title: ItemTitle, locale: 'fr' | 'en'): string {
  return (locale === 'en' ? (title.titleEn ?? title.titleFr) : (title.titleFr ?? title.titleEn)) ?? '';
}

/** « lundi 6 février 2012, 14:00–14:20, Amphithéâtre (CNRS) » in the event's zone. */
export function describePlace(place: ItemPlace, locale: 'fr' | 'en', zone: string): string {
  const start = DateTime.fromISO(place.startsAt, { zone }).setLocale(locale === 'fr' ? 'fr-FR' : 'en-GB');
  const end = DateTime.fromISO(place.endsAt, { zone });
  const day = start.toFormat('cccc d LLLL yyyy');
  const where = [place.roomName, place.venueName ? `(${place.venueName})` : null].filter(Boolean).join(' ');
  return `${day}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}${where ? `, ${where}` : ''}`;
}

/** One line of the mail for one change, in the mail's language. */
export function describeChange(change: MailChange, locale: 'fr' | 'en', zone: string): string {
  const quote = (text: string) => (locale === 'fr' ? `« ${text} »` : `“${text}”`);
  const title = quote(titleIn(change, locale));
  if (change.change === 'moved') {
    const from = describePlace(change.before, locale, zone);
    const to = describePlace(change.after, locale, zone);
    return locale === 'fr' ? `Votre communication ${title} est déplacée : ${from} → ${to}` : `Your talk ${title} has moved: ${from} → ${to}`;
  }
  if (change.change === 'removed') {
    const was = describePlace(change.before, locale, zone);
    return locale === 'fr'
      ? `Votre communication ${title} est retirée du programme (elle était prévue le ${was})`
      : `Your talk ${title} has been removed from the programme (it was scheduled on ${was})`;
  }
  const before = quote(titleIn(change.before, locale));
  return locale === 'fr' ? `Votre communication ${before} s’intitule désormais ${title}` : `Your talk ${before} is now entitled ${title}`;
}
