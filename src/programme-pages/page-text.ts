import { DateTime } from 'luxon';
import type { ExportLanguage } from '../programme-exports/export-language.js';

/**
 * Words and dates of the public programme pages, in French (the default) and English. Pure: times
 * are read as instants and shown in the event's zone, whatever the server's or the reader's zone.
 */

export type PageLanguage = ExportLanguage;

/** `?lang=` of a page: absent → French, `fr` or `en`, anything else → null (the caller answers 400). */
export function pageLanguage(raw: unknown): PageLanguage | null {
  if (raw === undefined) return 'fr';
  return raw === 'fr' || raw === 'en' ? raw : null;
}

/** The query string that keeps a page in `lang` (French needs none). */
export function langQuery(lang: PageLanguage): string {
  return lang === 'en' ? '?lang=en' : '';
}

const LOCALES: Record<PageLanguage, string> = { fr: 'fr', en: 'en-GB' };

/** An instant (ISO 8601, any offset) in `zone`. */
function at(iso: string, zone: string, lang: PageLanguage): DateTime {
  return DateTime.fromISO(iso, { setZone: false, zone: 'UTC' }).setZone(zone).setLocale(LOCALES[lang]);
}

/** « lundi 6 février 2012 », "Monday 6 February 2012". */
export function longDate(iso: string, zone: string, lang: PageLanguage): string {
  return at(iso, zone, lang).toFormat('cccc d LLLL yyyy');
}

/** « 18 h 00 », "18:00". */
export function clock(iso: string, zone: string, lang: PageLanguage): string {
  return at(iso, zone, lang).toFormat(lang === 'fr' ? "HH 'h' mm" : 'HH:mm');
}

/** « lundi 6 février 2012, 18 h 00 », "Monday 6 February 2012, 18:00". */
export function dateAndTime(iso: string, zone: string, lang: PageLanguage): string {
  return `${longDate(iso, zone, lang)}, ${clock(iso, zone, lang)}`;
}

/** The `datetime` of a `<time>`: the wall-clock time with its offset (`2012-02-06T18:00+01:00`). */
export function machineTime(iso: string, zone: string): string {
  return at(iso, zone, 'fr').toISO({ suppressSeconds: true, suppressMilliseconds: true }) as string;
}

/** The `datetime` of a day (`2012-02-06`). */
export function machineDate(iso: string, zone: string): string {
  return at(iso, zone, 'fr').toISODate() as string;
}

/** A local date (YYYY-MM-DD) as a long date: « lundi 6 février 2012 ». */
export function longDay(day: string, zone: string, lang: PageLanguage): string {
  return DateTime.fromISO(day, { zone }).setLocale(LOCALES[lang]).toFormat('cccc d LLLL yyyy');
}

/** Words the pages print. */
export const PAGE_TEXT = {
  fr: {
    otherLanguage: { lang: 'en', label: 'English', query: '?lang=en' },
    colon: '\u00a0: ',
    skip: 'Aller au contenu',
    when: 'Quand',
    where: 'Où',
    programme: 'Programme',
    home: 'Accueil',
    version: (n: number) => `Version ${n}`,
    publishedOn: (date: string) => `publiée le ${date}`,
    latest: 'Dernière version du programme',
    olderVersions: 'Versions précédentes',
    stillThis: (n: number) => `Vous lisez la version ${n}. `,
    latestLink: 'Lire la dernière version',
    timesIn: (zone: string) => `Horaires en heure de Paris (${zone}).`,
    exports: 'Télécharger ce programme',
    exportNames: { ics: 'Agenda (iCalendar, .ics)', pdf: 'PDF imprimable', xml: 'Schedule XML (frab)', json: 'Schedule JSON' },
    days: 'Jours',
    chairs: 'Présidence de séance',
    speakers: 'Intervenant·es',
    track: 'Thématique',
    type: 'Type',
    room: 'Salle',
    session: 'Séance',
    keywords: 'Mots-clés',
    abstract: 'Résumé',
    venues: 'Lieux',
    organisations: 'Organisation',
    roles: {
      'co-organiser': 'Co-organisateurs',
      patron: 'Sous le parrainage de',
      supporter: 'Avec le soutien de',
      sponsor: 'Mécènes',
      partner: 'Partenaires',
      media: 'Partenaires médias',
    } as Record<string, string>,
    changes: 'Ce qui a changé',
    changesSince: (n: number) => `Depuis la version ${n}`,
    firstVersion: 'Première version publiée.',
    noChange: 'Aucun changement de séance ni de communication.',
    change: {
      added: 'ajouté',
      removed: 'retiré',
      moved: 'déplacé',
      retitled: 'titre modifié',
      'speakers-changed': 'intervenant·es modifié·es',
      'chairs-changed': 'présidence modifiée',
    } as Record<string, string>,
    item: { session: 'Séance', talk: 'Communication' } as Record<string, string>,
    talksBy: 'Communications',
    chairing: 'Présidence de séances',
    backToProgramme: 'Retour au programme',
    speakerPage: 'Intervenant·e',
    noSession: 'Aucune séance ce jour.',
    note: 'Note de version',
    // home page
    siteTitle: 'Villes et territoires numériques 2012',
    happenings: 'Les rendez-vous',
    kinds: { colloquium: 'Colloque', ceremony: 'Cérémonie', conference: 'Conférence', workshop: 'Atelier', other: 'Événement' } as Record<string, string>,
    seeProgramme: 'Lire le programme',
    programmeNotYet: 'Programme pas encore publié.',
    cfp: 'Appel à communications',
    signIn: 'Se connecter',
    from: 'du',
    to: 'au',
    // errors
    notFoundTitle: 'Page introuvable',
    notFoundText: 'Cette page n’existe pas, ou ce programme n’a pas (encore) été publié.',
    errorTitle: 'Erreur',
    errorText: 'La demande n’a pas pu aboutir.',
    badRequestText: 'L’adresse demandée n’est pas valide.',
    requestId: 'Identifiant de la requête',
  },
  en: {
    otherLanguage: { lang: 'fr', label: 'Français', query: '' },
    colon: ': ',
    skip: 'Skip to content',
    when: 'When',
    where: 'Where',
    programme: 'Programme',
    home: 'Home',
    version: (n: number) => `Version ${n}`,
    publishedOn: (date: string) => `published on ${date}`,
    latest: 'Latest version of the programme',
    olderVersions: 'Earlier versions',
    stillThis: (n: number) => `You are reading version ${n}. `,
    latestLink: 'Read the latest version',
    timesIn: (zone: string) => `Times are Paris times (${zone}).`,
    exports: 'Download this programme',
    exportNames: { ics: 'Calendar (iCalendar, .ics)', pdf: 'Printable PDF', xml: 'Schedule XML (frab)', json: 'Schedule JSON' },
    days: 'Days',
    chairs: 'Chairs',
    speakers: 'Speakers',
    track: 'Track',
    type: 'Type',
    room: 'Room',
    session: 'Session',
    keywords: 'Keywords',
    abstract: 'Abstract',
    venues: 'Venues',
    organisations: 'Organisation',
    roles: {
      'co-organiser': 'Co-organised by',
      patron: 'Under the patronage of',
      supporter: 'With the support of',
      sponsor: 'Sponsors',
      partner: 'Partners',
      media: 'Media partners',
    } as Record<string, string>,
    changes: 'What changed',
    changesSince: (n: number) => `Since version ${n}`,
    firstVersion: 'First published version.',
    noChange: 'No session or talk changed.',
    change: {
      added: 'added',
      removed: 'removed',
      moved: 'moved',
      retitled: 'retitled',
      'speakers-changed': 'speakers changed',
      'chairs-changed': 'chairs changed',
    } as Record<string, string>,
    item: { session: 'Session', talk: 'Talk' } as Record<string, string>,
    talksBy: 'Talks',
    chairing: 'Chairing',
    backToProgramme: 'Back to the programme',
    speakerPage: 'Speaker',
    noSession: 'No session on this day.',
    note: 'Release note',
    siteTitle: 'Digital cities and territories 2012',
    happenings: 'Events',
    kinds: { colloquium: 'Colloquium', ceremony: 'Ceremony', conference: 'Conference', workshop: 'Workshop', other: 'Event' } as Record<string, string>,
    seeProgramme: 'Read the programme',
    programmeNotYet: 'Programme not published yet.',
    cfp: 'Call for papers',
    signIn: 'Sign in',
    from: 'from',
    to: 'to',
    notFoundTitle: 'Page not found',
    notFoundText: 'This page does not exist, or this programme has not been published (yet).',
    errorTitle: 'Error',
    errorText: 'The request could not be completed.',
    badRequestText: 'The address asked for is not valid.',
    requestId: 'Request id',
  },
} as const;
