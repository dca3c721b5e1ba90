import type { ProgrammeSnapshot, SnapshotSession, SnapshotTalk, SnapshotTrack } from '../programme/programme-snapshot.js';

/** Languages an export can be rendered in: French (the default) or English. */
export const EXPORT_LANGUAGES = ['fr', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** The text in `lang`, else in the other language, else null (blank texts count as missing). */
export function inLanguage(lang: ExportLanguage, fr: string | null | undefined, en: string | null | undefined): string | null {
  const first = lang === 'fr' ? fr : en;
  const second = lang === 'fr' ? en : fr;
  if (first && first.trim()) return first.trim();
  if (second && second.trim()) return second.trim();
  return null;
}

/** A session's title in `lang` (falling back to the other language, then to its kind's label). */
export function sessionTitle(session: SnapshotSession, lang: ExportLanguage): string {
  return inLanguage(lang, session.titleFr, session.titleEn) ?? sessionKindLabel(session, lang);
}

export function sessionKindLabel(session: SnapshotSession, lang: ExportLanguage): string {
  return inLanguage(lang, session.kindLabelFr, session.kindLabelEn) ?? session.kind;
}

/** A talk's title in `lang`, falling back to the other language. */
export function talkTitle(talk: SnapshotTalk, lang: ExportLanguage): string {
  return inLanguage(lang, talk.titleFr, talk.titleEn) ?? '—';
}

/** The title in the other language when it exists and differs (a subtitle for bilingual items). */
export function otherLanguageTitle(lang: ExportLanguage, fr: string | null, en: string | null): string | null {
  const shown = inLanguage(lang, fr, en);
  const other = inLanguage(lang === 'fr' ? 'en' : 'fr', fr, en);
  return other && other !== shown ? other : null;
}

export function trackName(track: SnapshotTrack | null, lang: ExportLanguage): string | null {
  return track ? inLanguage(lang, track.nameFr, track.nameEn) : null;
}

export function eventName(snapshot: ProgrammeSnapshot, lang: ExportLanguage): string {
  return inLanguage(lang, snapshot.event.nameFr, snapshot.event.nameEn) ?? snapshot.event.slug;
}

export function eventTheme(snapshot: ProgrammeSnapshot, lang: ExportLanguage): string | null {
  return inLanguage(lang, snapshot.event.themeFr, snapshot.event.themeEn);
}

/** « Label : text » in French (no-break space before the colon), "Label: text" in English. */
export function labelled(lang: ExportLanguage, label: string, text: string): string {
  return `${label}${lang === 'fr' ? '\u00a0: ' : ': '}${text}`;
}

/** Words the exports print, in both languages. */
export const EXPORT_LABELS = {
  fr: {
    programme: 'Programme',
    version: 'version',
    publishedOn: 'publiée le',
    // epicene or inclusive forms: the exports name people whose chosen form they do not know
    chairs: (_n: number) => 'Présidence de séance',
    speakers: (n: number) => (n > 1 ? 'Intervenant·es' : 'Intervenant·e'),
    session: 'Séance',
    theme: 'Thème',
    coOrganisers: 'Co-organisateurs',
    supporters: 'Avec le soutien de',
    patronage: 'Sous le parrainage de',
    sponsors: 'Mécènes',
    partners: 'Partenaires',
    media: 'Partenaires médias',
    page: (n: number, total: number) => `Page ${n} sur ${total}`,
    noSession: 'Aucune séance ce jour.',
    timeZone: (zone: string) => `Horaires en heure locale (${zone})`,
    venues: 'Lieux',
    continued: '(suite)',
  },
  en: {
    programme: 'Programme',
    version: 'version',
    publishedOn: 'published on',
    chairs: (n: number) => (n > 1 ? 'Chairs' : 'Chair'),
    speakers: (n: number) => (n > 1 ? 'Speakers' : 'Speaker'),
    session: 'Session',
    theme: 'Theme',
    coOrganisers: 'Co-organised by',
    supporters: 'With the support of',
    patronage: 'Under the patronage of',
    sponsors: 'Sponsors',
    partners: 'Partners',
    media: 'Media partners',
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    noSession: 'No session on this day.',
    timeZone: (zone: string) => `Local times (${zone})`,
    venues: 'Venues',
    continued: '(continued)',
  },
} as const;
