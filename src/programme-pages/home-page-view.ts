import { inLanguage } from '../programme-exports/export-language.js';
import { inPageLanguage, programmePagePath } from '../programme/publication/programme-page-urls.js';
import { clock, dateAndTime, langQuery, longDate, machineDate, machineTime, PAGE_TEXT, type PageLanguage } from './page-text.js';

/** What the home page needs of an event (a subset of the events API's answer). */
export interface HomeEvent {
  id: string;
  slug: string;
  kind: string;
  nameFr: string;
  nameEn: string | null;
  themeFr: string | null;
  themeEn: string | null;
  timeZone: string;
  allDay: boolean;
  startsAtUtc: string;
  endsAtUtc: string;
  venues: Array<{ name: string; streetAddress: string; postcode: string; city: string }>;
}

/**
 * The home page: each event (the colloquium and the ceremony) with its dates and places in its own
 * zone, a link to its latest published programme, to its call for papers (colloquia) and to sign-in.
 */
export function homePageView(events: HomeEvent[], published: ReadonlySet<string>, lang: PageLanguage) {
  const text = PAGE_TEXT[lang];
  return {
    lang,
    title: text.siteTitle,
    t: text,
    homeHref: `/${langQuery(lang)}`,
    programmeHref: null,
    other: { lang: text.otherLanguage.lang, label: text.otherLanguage.label, href: `/${text.otherLanguage.query}` },
    events: events.map((e) => {
      const zone = e.timeZone;
      // an all-day event ends at midnight after its last day: its last day is the one before
      const lastInstant = e.allDay ? new Date(new Date(e.endsAtUtc).getTime() - 1).toISOString() : e.endsAtUtc;
      const sameDay = machineDate(e.startsAtUtc, zone) === machineDate(lastInstant, zone) && !e.allDay;
      return {
        slug: e.slug,
        name: inLanguage(lang, e.nameFr, e.nameEn) ?? e.slug,
        theme: inLanguage(lang, e.themeFr, e.themeEn),
        kind: text.kinds[e.kind] ?? e.kind,
        sameDay,
        start: {
          iso: machineTime(e.startsAtUtc, zone),
          text: dateAndTime(e.startsAtUtc, zone, lang),
          day: machineDate(e.startsAtUtc, zone),
          date: longDate(e.startsAtUtc, zone, lang),
        },
        end: {
          iso: machineTime(e.endsAtUtc, zone),
          clock: clock(e.endsAtUtc, zone, lang),
          day: machineDate(lastInstant, zone),
          date: longDate(lastInstant, zone, lang),
        },
        venues: e.venues.map((v) => ({ name: v.name, address: [v.streetAddress, `${v.postcode} ${v.city}`.trim()].filter(Boolean).join(', ') })),
        programmeHref: published.has(e.id) ? inPageLanguage(programmePagePath(e.slug), lang) : null,
        cfpHref: e.kind === 'colloquium' ? `/app/events/${encodeURIComponent(e.slug)}/cfp` : null,
      };
    }),
  };
}
