/**
 * Where the public programme pages (src/programme-pages) are served, for everything that links to
 * them: the pages themselves, and the exports, whose talks and sessions open a page a person can read.
 * Slugs are `[a-z0-9]{2,40}` and ids UUIDs; both are encoded all the same.
 */

/** `/programme/vtn2012`, or `/programme/vtn2012/v/2` for a given version. */
export function programmePagePath(slug: string, version?: number): string {
  return `/programme/${encodeURIComponent(slug)}${version === undefined ? '' : `/v/${version}`}`;
}

/** `/programme/vtn2012/talks/<id>` (the latest version), or under `/v/<n>`. */
export function talkPagePath(slug: string, talkId: string, version?: number): string {
  return `${programmePagePath(slug, version)}/talks/${encodeURIComponent(talkId)}`;
}

/** `/programme/vtn2012/speakers/<id>`, or under `/v/<n>`. */
export function speakerPagePath(slug: string, personId: string, version?: number): string {
  return `${programmePagePath(slug, version)}/speakers/${encodeURIComponent(personId)}`;
}

/** The anchor of a session on the programme page: `session-<id>`. */
export function sessionAnchor(sessionId: string): string {
  return `session-${sessionId.toLowerCase()}`;
}

/** `/programme/vtn2012#session-<id>`. */
export function sessionPagePath(slug: string, sessionId: string, version?: number): string {
  return `${programmePagePath(slug, version)}#${sessionAnchor(sessionId)}`;
}

/** A page path in `lang`: French needs nothing, English adds `?lang=en` (before the anchor). */
export function inPageLanguage(path: string, lang: 'fr' | 'en'): string {
  if (lang === 'fr') return path;
  const hash = path.indexOf('#');
  return hash < 0 ? `${path}?lang=${lang}` : `${path.slice(0, hash)}?lang=${lang}${path.slice(hash)}`;
}
