import {
  eventName,
  eventTheme,
  inLanguage,
  otherLanguageTitle,
  sessionKindLabel,
  sessionTitle,
  talkTitle,
  trackName,
} from '../programme-exports/export-language.js';
import { postalAddress, SnapshotIndex } from '../programme-exports/snapshot-places.js';
import type { ChangelogEntry, ItemPlace, ProgrammeChangelog } from '../programme/publication/programme-changelog.js';
import {
  inPageLanguage,
  programmePagePath,
  sessionAnchor,
  speakerPagePath,
  talkPagePath,
} from '../programme/publication/programme-page-urls.js';
import type { ProgrammeSnapshot, SnapshotPerson, SnapshotSession, SnapshotTalk } from '../programme/programme-snapshot.js';
import { clock, dateAndTime, langQuery, longDate, longDay, machineTime, PAGE_TEXT, type PageLanguage } from './page-text.js';

/**
 * What the templates of templates/programme-pages/ print, built from a published release by pure
 * functions: only what the snapshot holds (a draft, an unpublished talk or a person's e-mail can
 * never reach a page), every text left for mustache to escape.
 */

/** Which release a page is drawn from, and how it is addressed. */
export interface PageRelease {
  snapshot: ProgrammeSnapshot;
  changelog: ProgrammeChangelog;
  version: number;
  /** Addressed as /v/<n> (true) or as the latest version (false): the links stay within it. */
  pinned: boolean;
  lang: PageLanguage;
  /** Organisation id → SHA-256 of its logo (the logos that exist). */
  logos: ReadonlyMap<string, string>;
}

interface TimeView {
  iso: string;
  text: string;
}

interface PersonView {
  name: string;
  affiliation: string | null;
  href: string | null;
}

/** The words of the page in its language, and the link to the other language. */
function common(release: PageRelease, path: string, title: string) {
  const text = PAGE_TEXT[release.lang];
  const { snapshot } = release;
  return {
    lang: release.lang,
    title,
    t: text,
    event: eventName(snapshot, release.lang),
    theme: eventTheme(snapshot, release.lang),
    homeHref: `/${langQuery(release.lang)}`,
    programmeHref: inPageLanguage(pagePath(release), release.lang),
    other: { lang: text.otherLanguage.lang, label: text.otherLanguage.label, href: `${path}${text.otherLanguage.query}` },
    versionLabel: text.version(release.version),
    publishedOn: text.publishedOn(dateAndTime(snapshot.publishedAt, snapshot.event.timeZone, release.lang)),
    publishedIso: machineTime(snapshot.publishedAt, snapshot.event.timeZone),
    latestHref: release.pinned ? inPageLanguage(programmePagePath(snapshot.event.slug), release.lang) : null,
    stillThis: release.pinned ? text.stillThis(release.version) : null,
    timesIn: text.timesIn(snapshot.event.timeZone),
  };
}

function pagePath(release: PageRelease): string {
  return programmePagePath(release.snapshot.event.slug, release.pinned ? release.version : undefined);
}

function at(release: PageRelease, iso: string): TimeView {
  return { iso: machineTime(iso, release.snapshot.event.timeZone), text: clock(iso, release.snapshot.event.timeZone, release.lang) };
}

function person(release: PageRelease, p: SnapshotPerson): PersonView {
  const version = release.pinned ? release.version : undefined;
  return {
    name: p.name,
    affiliation: p.affiliation && p.affiliation.trim() ? p.affiliation.trim() : null,
    href: inPageLanguage(speakerPagePath(release.snapshot.event.slug, p.id, version), release.lang),
  };
}

function talkHref(release: PageRelease, talkId: string): string {
  return inPageLanguage(talkPagePath(release.snapshot.event.slug, talkId, release.pinned ? release.version : undefined), release.lang);
}

function sessionHref(release: PageRelease, sessionId: string): string {
  return `${inPageLanguage(pagePath(release), release.lang)}#${sessionAnchor(sessionId)}`;
}

function place(release: PageRelease, index: SnapshotIndex, session: SnapshotSession) {
  const { room, venue } = index.place(session);
  return { room: room?.name ?? null, venue: venue?.name ?? null, address: venue ? postalAddress(venue, release.lang) : null };
}

function talkView(release: PageRelease, talk: SnapshotTalk) {
  const { lang } = release;
  return {
    id: talk.id,
    href: talkHref(release, talk.id),
    title: talkTitle(talk, lang),
    // the language the shown title is written in (the other one when the page's is missing)
    titleLang: (lang === 'fr' ? talk.titleFr?.trim() : !talk.titleEn?.trim() && talk.titleFr?.trim()) ? 'fr' : 'en',
    otherTitle: otherLanguageTitle(lang, talk.titleFr, talk.titleEn),
    start: at(release, talk.startsAt),
    end: at(release, talk.endsAt),
    speakers: talk.speakers.map((s) => person(release, s)),
    track: trackName(talk.track, lang),
  };
}

function sessionView(release: PageRelease, index: SnapshotIndex, session: SnapshotSession) {
  const { lang } = release;
  return {
    anchor: sessionAnchor(session.id),
    title: sessionTitle(session, lang),
    otherTitle: otherLanguageTitle(lang, session.titleFr, session.titleEn),
    kind: sessionKindLabel(session, lang),
    kindClass: `kind-${session.kind.replace(/[^a-z-]/g, '')}`,
    start: at(release, session.startsAt),
    end: at(release, session.endsAt),
    place: place(release, index, session),
    track: trackName(session.track, lang),
    description: inLanguage(lang, session.descriptionFr, session.descriptionEn),
    chairs: session.chairs.map((c) => person(release, c)),
    hasChairs: session.chairs.length > 0,
    talks: session.talks.map((t) => talkView(release, t)),
    hasTalks: session.talks.length > 0,
  };
}

function organisations(release: PageRelease) {
  const text = PAGE_TEXT[release.lang];
  const groups = new Map<string, Array<{ name: string; acronym: string | null; website: string | null; roleLabel: string | null; logo: string | null }>>();
  for (const o of release.snapshot.organisations) {
    const sha = release.logos.get(o.id);
    const list = groups.get(o.role) ?? [];
    list.push({
      name: o.name,
      acronym: o.acronym && o.acronym !== o.name ? o.acronym : null,
      website: o.website && /^https?:\/\//i.test(o.website) ? o.website : null,
      roleLabel: o.roleLabel,
      logo: sha ? `/api/organisations/${encodeURIComponent(o.id)}/logo?v=${sha.slice(0, 16)}` : null,
    });
    groups.set(o.role, list);
  }
  return [...groups].map(([role, items]) => ({ label: text.roles[role] ?? role, items }));
}

function placeText(p: ItemPlace, release: PageRelease): string {
  const zone = release.snapshot.event.timeZone;
  const where = [p.roomName, p.venueName].filter(Boolean).join(', ');
  return `${dateAndTime(p.startsAt, zone, release.lang)}–${clock(p.endsAt, zone, release.lang)}${where ? `, ${where}` : ''}`;
}

function changeView(release: PageRelease, entry: ChangelogEntry, present: ReadonlySet<string>) {
  const text = PAGE_TEXT[release.lang];
  const title = inLanguage(release.lang, entry.titleFr, entry.titleEn) ?? '—';
  let detail: string | null = null;
  if (entry.change === 'moved') detail = `${placeText(entry.before, release)} → ${placeText(entry.after, release)}`;
  else if (entry.change === 'added') detail = placeText(entry.after, release);
  else if (entry.change === 'retitled') detail = `${inLanguage(release.lang, entry.before.titleFr, entry.before.titleEn) ?? '—'} → ${title}`;
  else if (entry.change === 'speakers-changed' || entry.change === 'chairs-changed')
    detail = `${entry.before.people.map((p) => p.name).join(', ') || '—'} → ${entry.after.people.map((p) => p.name).join(', ') || '—'}`;
  const href = present.has(entry.id) ? (entry.item === 'talk' ? talkHref(release, entry.id) : sessionHref(release, entry.id)) : null;
  return { item: text.item[entry.item] ?? entry.item, change: text.change[entry.change] ?? entry.change, title, href, detail };
}

function exportLinks(release: PageRelease) {
  const text = PAGE_TEXT[release.lang];
  const base = `/api/events/${encodeURIComponent(release.snapshot.event.id)}/programme`;
  const query = `?version=${release.version}${release.lang === 'fr' ? '' : `&lang=${release.lang}`}`;
  return (['ics', 'pdf', 'xml', 'json'] as const).map((ext) => ({ href: `${base}.${ext}${query}`, label: text.exportNames[ext], ext }));
}

/** The programme page: days, sessions with their talks, venues, organisations, exports, what changed. */
export function programmePageView(release: PageRelease) {
  const { snapshot, lang } = release;
  const text = PAGE_TEXT[lang];
  const index = new SnapshotIndex(snapshot);
  const zone = snapshot.event.timeZone;
  const present = new Set(snapshot.sessions.flatMap((s) => [s.id, ...s.talks.map((t) => t.id)]));
  const path = pagePath(release);
  const entries = release.changelog.entries.map((e) => changeView(release, e, present));
  const venuesInUse = snapshot.venues.filter((v) => snapshot.sessions.some((s) => index.place(s).venue?.id === v.id));
  return {
    ...common(release, path, `${text.programme} — ${eventName(snapshot, lang)}`),
    isProgramme: true,
    days: snapshot.days.map((day) => {
      const sessions = snapshot.sessions.filter((s) => s.day === day).map((s) => sessionView(release, index, s));
      return { id: `day-${day}`, iso: day, label: longDay(day, zone, lang), sessions, empty: sessions.length === 0 };
    }),
    venues: (venuesInUse.length ? venuesInUse : snapshot.venues).map((v) => ({ name: v.name, address: postalAddress(v, lang) })),
    organisationGroups: organisations(release),
    exports: exportLinks(release),
    note: snapshot.note,
    changes: {
      since: release.changelog.fromVersion === null ? null : text.changesSince(release.changelog.fromVersion),
      first: release.changelog.fromVersion === null,
      none: release.changelog.fromVersion !== null && entries.length === 0,
      entries,
    },
    olderVersions: Array.from({ length: release.version - 1 }, (_, i) => ({
      n: i + 1,
      label: text.version(i + 1),
      href: inPageLanguage(programmePagePath(snapshot.event.slug, i + 1), lang),
    })),
  };
}

/** A talk's page, or null when the release holds no such talk. */
export function talkPageView(release: PageRelease, talkId: string) {
  const { snapshot, lang } = release;
  const session = snapshot.sessions.find((s) => s.talks.some((t) => t.id === talkId));
  const talk = session?.talks.find((t) => t.id === talkId);
  if (!session || !talk) return null;
  const index = new SnapshotIndex(snapshot);
  const view = talkView(release, talk);
  const path = talkPagePath(snapshot.event.slug, talk.id, release.pinned ? release.version : undefined);
  return {
    ...common(release, path, `${view.title} — ${eventName(snapshot, lang)}`),
    talk: {
      ...view,
      date: longDate(talk.startsAt, snapshot.event.timeZone, lang),
      abstract: inLanguage(lang, talk.abstractFr, talk.abstractEn),
      keywords: talk.keywords.length ? talk.keywords.join(', ') : null,
      type: talk.typeName,
      place: place(release, index, session),
      session: { title: sessionTitle(session, lang), kind: sessionKindLabel(session, lang), href: sessionHref(release, session.id) },
      chairs: session.chairs.map((c) => person(release, c)),
      hasChairs: session.chairs.length > 0,
    },
    exports: exportLinks(release),
  };
}

/** A speaker's (or chair's) page: their talks and the sessions they chair; null when the release names no such person. */
export function speakerPageView(release: PageRelease, personId: string) {
  const { snapshot, lang } = release;
  const index = new SnapshotIndex(snapshot);
  let found: SnapshotPerson | null = null;
  const talks = [];
  const chairing = [];
  for (const session of snapshot.sessions) {
    const chair = session.chairs.find((c) => c.id === personId);
    if (chair) {
      found ??= chair;
      chairing.push({ ...sessionView(release, index, session), href: sessionHref(release, session.id), date: longDate(session.startsAt, snapshot.event.timeZone, lang) });
    }
    for (const talk of session.talks) {
      const speaker = talk.speakers.find((s) => s.id === personId);
      if (!speaker) continue;
      found = speaker;
      talks.push({
        ...talkView(release, talk),
        date: longDate(talk.startsAt, snapshot.event.timeZone, lang),
        place: place(release, index, session),
        session: { title: sessionTitle(session, lang), href: sessionHref(release, session.id) },
      });
    }
  }
  if (!found) return null;
  const path = speakerPagePath(snapshot.event.slug, found.id, release.pinned ? release.version : undefined);
  return {
    ...common(release, path, `${found.name} — ${eventName(snapshot, lang)}`),
    person: { name: found.name, affiliation: found.affiliation && found.affiliation.trim() ? found.affiliation.trim() : null },
    talks,
    hasTalks: talks.length > 0,
    chairing,
    hasChairing: chairing.length > 0,
  };
}
