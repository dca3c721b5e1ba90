/** The exports of a published programme, with how each is served. */
export const EXPORT_FORMATS = {
  ics: { contentType: 'text/calendar; charset=utf-8', disposition: 'attachment' },
  xml: { contentType: 'application/xml; charset=utf-8', disposition: 'attachment' },
  /** The same schedule.xml with pentabarf's conference `<venue>` and `<city>`, which ConfClerk shows as « Where » (outside the c3voc XSD). */
  'xml-pentabarf': { contentType: 'application/xml; charset=utf-8', disposition: 'attachment' },
  json: { contentType: 'application/json; charset=utf-8', disposition: 'attachment' },
  pdf: { contentType: 'application/pdf', disposition: 'inline' },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/**
 * Raised whenever a renderer changes what it writes for the same snapshot: it is part of every
 * export's ETag, so caches and clients holding an older rendering fetch the new one.
 */
export const EXPORTS_REVISION = 3;

/** Dialects of programme.xml: the c3voc schedule (default, valid against its XSD) or pentabarf's, as ConfClerk reads it. */
export const XML_DIALECTS = ['c3voc', 'pentabarf'] as const;
export type XmlDialect = (typeof XML_DIALECTS)[number];
