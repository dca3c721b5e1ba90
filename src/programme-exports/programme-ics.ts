import ical, { escape, ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator';
import type { ProgrammeSnapshot, SnapshotSession, SnapshotTalk } from '../programme/programme-snapshot.js';
import {
  EXPORT_LABELS,
  eventName,
  eventTheme,
  labelled,
  sessionKindLabel,
  sessionTitle,
  talkTitle,
  trackName,
  type ExportLanguage,
} from './export-language.js';
import { inPageLanguage, sessionPagePath, talkPagePath } from '../programme/publication/programme-page-urls.js';
import { foldContentLines } from './ics-lines.js';
import { inZone, localClock, personWithAffiliation, placeText, SnapshotIndex } from './snapshot-places.js';
import { vtimezone, yearsAround } from './vtimezone.js';

/** The domain part of every UID: the event's slug, so that UIDs never collide across events. */
function uidDomain(snapshot: ProgrammeSnapshot): string {
  return snapshot.event.slug.toLowerCase().replace(/[^a-z0-9.-]/g, '') || snapshot.event.id;
}

/** Stable across versions: `session-<uuid>@vtn2012`, `talk-<uuid>@vtn2012`. */
export function sessionUid(snapshot: ProgrammeSnapshot, session: SnapshotSession): string {
  return `session-${session.id}@${uidDomain(snapshot)}`;
}

export function talkUid(snapshot: ProgrammeSnapshot, talk: SnapshotTalk): string {
  return `talk-${talk.id}@${uidDomain(snapshot)}`;
}

function sessionDescription(session: SnapshotSession, lang: ExportLanguage): string {
  const labels = EXPORT_LABELS[lang];
  const lines = [[sessionKindLabel(session, lang), trackName(session.track, lang)].filter(Boolean).join(' — ')];
  if (session.chairs.length) lines.push(labelled(lang, labels.chairs(session.chairs.length), session.chairs.map(personWithAffiliation).join(', ')));
  for (const talk of session.talks) {
    const speakers = talk.speakers.map((s) => s.name).join(', ');
    lines.push(`${localClock(talk.localStart)}–${localClock(talk.localEnd)} ${talkTitle(talk, lang)}${speakers ? ` (${speakers})` : ''}`);
  }
  const description = lang === 'fr' ? (session.descriptionFr ?? session.descriptionEn) : (session.descriptionEn ?? session.descriptionFr);
  if (description && description.trim()) lines.push('', description.trim());
  return lines.join('\n');
}

function talkDescription(session: SnapshotSession, talk: SnapshotTalk, lang: ExportLanguage): string {
  const labels = EXPORT_LABELS[lang];
  const lines: string[] = [];
  if (talk.speakers.length) lines.push(labelled(lang, labels.speakers(talk.speakers.length), talk.speakers.map(personWithAffiliation).join(', ')));
  lines.push(labelled(lang, labels.session, `${sessionTitle(session, lang)} (${sessionKindLabel(session, lang)})`));
  if (session.chairs.length) lines.push(labelled(lang, labels.chairs(session.chairs.length), session.chairs.map((c) => c.name).join(', ')));
  const abstract = lang === 'fr' ? (talk.abstractFr ?? talk.abstractEn) : (talk.abstractEn ?? talk.abstractFr);
  if (abstract && abstract.trim()) lines.push('', abstract.trim());
  return lines.join('\n');
}

/**
 * The programme as iCalendar (RFC 5545): one VEVENT per session and one per talk, with UIDs that
 * never change between versions, SEQUENCE = the item's revision count, times with
 * TZID=<the event's zone> and the matching VTIMEZONE written into the file (see vtimezone.ts),
 * DTSTAMP and LAST-MODIFIED = the release's publication instant, and (given the public address)
 * URL = the page a person reads: the talk's page, the session's place on the programme page (the
 * latest version, in `lang`). A pure function of the snapshot: a published version always gives the same bytes.
 */
export function renderProgrammeIcs(snapshot: ProgrammeSnapshot, lang: ExportLanguage, publicUrl?: string): string {
  const zone = snapshot.event.timeZone;
  const index = new SnapshotIndex(snapshot);
  const publishedAt = inZone(snapshot.publishedAt, 'UTC');
  const range = yearsAround(new Date(snapshot.event.startsAt), new Date(snapshot.event.endsAt), zone);
  const theme = eventTheme(snapshot, lang);
  const calendar = ical({
    prodId: { company: 'Villes et territoires numeriques', product: 'Programme', language: lang.toUpperCase() },
    // ical-generator writes the calendar's name and description as they are: escape them here.
    name: escape(eventName(snapshot, lang), false),
    description: theme ? escape(theme, false) : null,
    method: ICalCalendarMethod.PUBLISH,
    // No calendar zone: ical-generator would write DTSTAMP and LAST-MODIFIED as floating local
    // times with one, where RFC 5545 wants UTC. Each event carries TZID, and the VTIMEZONE they
    // name is written below, before the events (calendar properties, then components).
    events: [],
  });
  // the calendar's properties, escaped and folded by ical-generator, without END:VCALENDAR
  const head = calendar.toString().replace(/END:VCALENDAR$/, '');
  const events: string[] = [];

  const common = (utcStart: string, utcEnd: string): Pick<ICalEventData, 'start' | 'end' | 'timezone' | 'stamp' | 'lastModified' | 'status'> => ({
    start: inZone(utcStart, zone),
    end: inZone(utcEnd, zone),
    timezone: zone,
    stamp: publishedAt,
    lastModified: publishedAt,
    status: ICalEventStatus.CONFIRMED,
  });

  const page = (path: string) => (publicUrl === undefined ? null : `${publicUrl}${inPageLanguage(path, lang)}`);

  for (const session of snapshot.sessions) {
    const location = placeText(index.place(session), lang);
    const sessionEvent = calendar.createEvent({
      ...common(session.startsAt, session.endsAt),
      id: sessionUid(snapshot, session),
      sequence: session.sequence,
      summary: sessionTitle(session, lang),
      location: location || null,
      description: sessionDescription(session, lang),
      categories: [{ name: sessionKindLabel(session, lang) }],
      url: page(sessionPagePath(snapshot.event.slug, session.id)),
    });
    events.push(sessionEvent.toString());
    for (const talk of session.talks) {
      const talkEvent = calendar.createEvent({
        ...common(talk.startsAt, talk.endsAt),
        id: talkUid(snapshot, talk),
        sequence: talk.sequence,
        summary: talkTitle(talk, lang),
        location: location || null,
        description: talkDescription(session, talk, lang),
        categories: [{ name: trackName(talk.track, lang) ?? sessionKindLabel(session, lang) }],
        url: page(talkPagePath(snapshot.event.slug, talk.id)),
      });
      events.push(talkEvent.toString());
    }
  }
  // ical-generator writes and escapes each event; the events and the VTIMEZONE are folded here
  // (ics-lines.ts: the library's folder encodes character by character, seconds on a large programme)
  const timezone = vtimezone(zone, range.from, range.to);
  return `${head}${foldContentLines(`${timezone}\r\n${events.join('')}`)}END:VCALENDAR`;
}
