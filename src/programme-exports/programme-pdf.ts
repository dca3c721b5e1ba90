import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import type { ProgrammeSnapshot, SnapshotOrganisation, SnapshotSession, SnapshotTalk } from '../programme/programme-snapshot.js';
import {
  EXPORT_LABELS,
  eventName,
  eventTheme,
  inLanguage,
  labelled,
  sessionKindLabel,
  sessionTitle,
  talkTitle,
  trackName,
  type ExportLanguage,
} from './export-language.js';
import { pdfFonts } from './pdf-fonts.js';
import { localClock, personWithAffiliation, postalAddress, SnapshotIndex } from './snapshot-places.js';

/** A4 in points, and the printable frame inside it. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The time column on the left of each session and talk, and the text column beside it. */
const TIME_WIDTH = 76;
const TEXT_X = MARGIN.left + TIME_WIDTH + 8;
const TEXT_WIDTH = PAGE.width - MARGIN.right - TEXT_X;
const BOTTOM = PAGE.height - MARGIN.bottom;

const INK = '#111111';
const MUTED = '#555555';
const ACCENT = '#1f3a5f';

/** Roles as the programme lists them, in this order. */
const ROLE_ORDER = ['patron', 'co-organiser', 'supporter', 'sponsor', 'partner', 'media'] as const;

type Font = 'regular' | 'bold';

/**
 * What `doc.font()` is called with for each face. The regular face is the document's default,
 * opened from its path by the constructor and cached under that path; selecting it under any other
 * name would make pdfkit re-open and re-parse the file at every call (it finds the face already
 * loaded under its PostScript name and returns it without caching the new name).
 */
function fontKeys(): Record<Font, string> {
  return { regular: pdfFonts().regular, bold: 'bold' };
}

/** One piece of text to set: font, size, colour, where, and how wide. */
interface Run {
  text: string;
  font: Font;
  size: number;
  color?: string;
  x: number;
  width: number;
  gap?: number;
}

const sentenceCase = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** « : » takes a no-break space before it in French. */
const colon = (lang: ExportLanguage) => labelled(lang, '', '');

/**
 * Sets text on the pages: measures each block before placing it, so that a block (a session's
 * heading with its first talk, a talk) never splits across pages, and starts a new page — with
 * the day's heading repeated — when it would not fit. Text is always set inside the margins, with
 * a width, so long titles wrap instead of running off the page.
 */
class PageWriter {
  y = MARGIN.top;
  /** Printed at the top of a page the current day continues on. */
  continuation: string | null = null;

  private readonly fonts = fontKeys();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** Heights already measured: a run is measured once to decide on a page break, then set. */
  private readonly measured = new WeakMap<Run, number>();

  height(run: Run): number {
    let height = this.measured.get(run);
    if (height === undefined) {
      this.doc.font(this.fonts[run.font]).fontSize(run.size);
      height = this.doc.heightOfString(run.text, { width: run.width, lineGap: run.gap ?? 1 });
      this.measured.set(run, height);
    }
    return height;
  }

  /** Height of runs set one under the other (each starts below the previous one). */
  stackHeight(runs: Run[], spacing = 2): number {
    return runs.reduce((sum, run) => sum + this.height(run) + spacing, 0);
  }

  /** Starts a new page unless `needed` points fit below the cursor. */
  ensure(needed: number): void {
    if (this.y + needed <= BOTTOM) return;
    this.doc.addPage();
    this.y = MARGIN.top;
    if (this.continuation) this.set({ text: this.continuation, font: 'bold', size: 10, color: MUTED, x: MARGIN.left, width: CONTENT_WIDTH }, 6);
  }

  /** Sets one run at the cursor's height and returns its height (the cursor does not move). */
  place(run: Run): number {
    const known = this.measured.get(run);
    this.doc.font(this.fonts[run.font]).fontSize(run.size).fillColor(run.color ?? INK);
    this.doc.text(run.text, run.x, this.y, { width: run.width, lineGap: run.gap ?? 1 });
    return known ?? this.doc.y - this.y;
  }

  /** Sets one run and moves the cursor below it. */
  set(run: Run, after = 2): void {
    this.y += this.place(run) + after;
  }

  rule(color = ACCENT, weight = 0.8): void {
    this.doc.moveTo(MARGIN.left, this.y).lineTo(PAGE.width - MARGIN.right, this.y).lineWidth(weight).strokeColor(color).stroke();
    this.y += 4;
  }
}

function organisationsByRole(organisations: SnapshotOrganisation[]): Map<string, SnapshotOrganisation[]> {
  const byRole = new Map<string, SnapshotOrganisation[]>();
  for (const role of ROLE_ORDER) {
    const members = organisations.filter((o) => o.role === role);
    if (members.length) byRole.set(role, members);
  }
  return byRole;
}

function organisationLine(o: SnapshotOrganisation): string {
  return o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name;
}

/** The patronage, in the event's own words when it has them (« sous le parrainage de Maurice Leroy, Ministre de la Ville »). */
function patronageLines(patrons: SnapshotOrganisation[], lang: ExportLanguage): string[] {
  const labels = EXPORT_LABELS[lang];
  return patrons.map((p) => {
    if (lang === 'fr' && p.roleLabel) return sentenceCase(p.roleLabel.trim());
    const wording = p.roleLabel ? ` (« ${p.roleLabel.trim()} »)` : '';
    return `${labels.patronage}${colon(lang)}${p.name}${wording}`;
  });
}

function roleHeading(role: string, lang: ExportLanguage): string {
  const labels = EXPORT_LABELS[lang];
  switch (role) {
    case 'co-organiser':
      return labels.coOrganisers;
    case 'supporter':
      return labels.supporters;
    case 'sponsor':
      return labels.sponsors;
    case 'media':
      return labels.media;
    default:
      return labels.partners;
  }
}

function writeFrontMatter(w: PageWriter, snapshot: ProgrammeSnapshot, lang: ExportLanguage): void {
  const labels = EXPORT_LABELS[lang];
  const full = { x: MARGIN.left, width: CONTENT_WIDTH };
  w.set({ ...full, text: eventName(snapshot, lang), font: 'bold', size: 18, color: ACCENT, gap: 2 }, 4);
  const theme = eventTheme(snapshot, lang);
  if (theme) w.set({ ...full, text: theme, font: 'regular', size: 11, color: INK }, 6);
  const published = DateTime.fromISO(snapshot.publishedAt, { zone: 'UTC' }).setZone(snapshot.event.timeZone).setLocale(lang);
  w.set({ ...full, text: `${labels.programme} — ${labels.version} ${snapshot.version}, ${labels.publishedOn} ${published.toFormat('d LLLL yyyy')}`, font: 'bold', size: 10 });
  w.set({ ...full, text: labels.timeZone(snapshot.event.timeZone), font: 'regular', size: 9, color: MUTED }, 4);
  const venues = snapshot.venues.map((v) => `${v.name} — ${postalAddress(v, lang)}`);
  if (venues.length) w.set({ ...full, text: `${labels.venues}${colon(lang)}${venues.join(' · ')}`, font: 'regular', size: 9, color: MUTED }, 6);

  const byRole = organisationsByRole(snapshot.organisations);
  for (const [role, members] of byRole) {
    if (role === 'patron') {
      for (const line of patronageLines(members, lang)) w.set({ ...full, text: line, font: 'bold', size: 9 }, 3);
      continue;
    }
    const heading = `${roleHeading(role, lang)}${colon(lang)}`;
    w.set({ ...full, text: `${heading}${members.map(organisationLine).join(' · ')}`, font: 'regular', size: 9 }, 3);
  }
  w.y += 6;
}

function talkRuns(talk: SnapshotTalk, lang: ExportLanguage): { time: Run; lines: Run[] } {
  const lines: Run[] = [{ text: talkTitle(talk, lang), font: 'regular', size: 10, x: TEXT_X + 10, width: TEXT_WIDTH - 10 }];
  if (talk.speakers.length) {
    lines.push({ text: talk.speakers.map(personWithAffiliation).join(', '), font: 'regular', size: 8.5, color: MUTED, x: TEXT_X + 10, width: TEXT_WIDTH - 10 });
  }
  return {
    time: { text: `${localClock(talk.localStart)}–${localClock(talk.localEnd)}`, font: 'regular', size: 8.5, color: MUTED, x: MARGIN.left + 10, width: TIME_WIDTH - 10 },
    lines,
  };
}

function sessionHeaderRuns(session: SnapshotSession, index: SnapshotIndex, lang: ExportLanguage): { time: Run; lines: Run[] } {
  const labels = EXPORT_LABELS[lang];
  const place = index.place(session);
  const where = [place.room?.name, place.venue?.name].filter(Boolean).join(', ');
  const about = [sessionKindLabel(session, lang), trackName(session.track, lang), where].filter(Boolean).join(' · ');
  const lines: Run[] = [
    { text: sessionTitle(session, lang), font: 'bold', size: 11, x: TEXT_X, width: TEXT_WIDTH, color: INK },
    { text: about, font: 'regular', size: 8.5, color: MUTED, x: TEXT_X, width: TEXT_WIDTH },
  ];
  if (session.chairs.length) {
    lines.push({
      text: `${labels.chairs(session.chairs.length)}${colon(lang)}${session.chairs.map(personWithAffiliation).join(', ')}`,
      font: 'regular',
      size: 8.5,
      x: TEXT_X,
      width: TEXT_WIDTH,
    });
  }
  const description = inLanguage(lang, session.descriptionFr, session.descriptionEn);
  if (description) lines.push({ text: description, font: 'regular', size: 8.5, color: MUTED, x: TEXT_X, width: TEXT_WIDTH });
  return {
    time: { text: `${localClock(session.localStart)}–${localClock(session.localEnd)}`, font: 'bold', size: 10, color: ACCENT, x: MARGIN.left, width: TIME_WIDTH },
    lines,
  };
}

/** Sets a time on the left and its lines on the right, from the cursor down. */
function writeRow(w: PageWriter, row: { time: Run; lines: Run[] }, spacing = 1.5): void {
  const top = w.y;
  const timeHeight = w.place(row.time);
  for (const line of row.lines) w.set(line, spacing);
  w.y = Math.max(w.y, top + timeHeight + spacing);
}

function writeDay(w: PageWriter, snapshot: ProgrammeSnapshot, index: SnapshotIndex, day: string, lang: ExportLanguage): void {
  const labels = EXPORT_LABELS[lang];
  const heading = sentenceCase(DateTime.fromISO(day, { zone: snapshot.event.timeZone }).setLocale(lang).toFormat('cccc d LLLL yyyy'));
  const headingRun: Run = { text: heading, font: 'bold', size: 13, color: ACCENT, x: MARGIN.left, width: CONTENT_WIDTH };
  const sessions = snapshot.sessions.filter((s) => s.day === day).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  w.continuation = null;
  const first = sessions[0] ? sessionHeaderRuns(sessions[0], index, lang) : null;
  w.ensure(w.height(headingRun) + 10 + (first ? w.stackHeight(first.lines) : 20));
  w.y += 4;
  w.set(headingRun, 2);
  w.rule();
  w.continuation = `${heading} ${labels.continued}`;
  if (!sessions.length) {
    w.set({ text: labels.noSession, font: 'regular', size: 9, color: MUTED, x: MARGIN.left, width: CONTENT_WIDTH }, 8);
    return;
  }
  for (const session of sessions) {
    const header = sessionHeaderRuns(session, index, lang);
    const talks = session.talks.map((t) => talkRuns(t, lang));
    // keep a session's heading with its first talk
    w.ensure(w.stackHeight(header.lines, 1.5) + (talks[0] ? w.stackHeight(talks[0].lines, 1.5) + 4 : 0));
    writeRow(w, header);
    w.y += talks.length ? 3 : 0;
    for (const talk of talks) {
      w.ensure(w.stackHeight(talk.lines, 1.5) + 2);
      writeRow(w, talk);
      w.y += 2;
    }
    w.y += 8;
  }
}

/** Page numbers and the event's name at the foot of every page, set once the page count is known. */
function writeFooters(doc: PDFKit.PDFDocument, snapshot: ProgrammeSnapshot, lang: ExportLanguage): void {
  const labels = EXPORT_LABELS[lang];
  const range = doc.bufferedPageRange();
  const y = PAGE.height - MARGIN.bottom + 24;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // the footer sits below the bottom margin: lift it for this text, so that pdfkit does not open a page
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(fontKeys().regular).fontSize(8).fillColor(MUTED);
    const pageLabel = labels.page(i - range.start + 1, range.count);
    const labelWidth = doc.widthOfString(pageLabel) + 2;
    doc.text(pageLabel, PAGE.width - MARGIN.right - labelWidth, y, { width: labelWidth, lineBreak: false, align: 'right' });
    doc.text(`${eventName(snapshot, lang)} — ${labels.programme} v${snapshot.version}`, MARGIN.left, y, {
      width: CONTENT_WIDTH - labelWidth - 12,
      lineBreak: false,
      ellipsis: true,
      height: 10,
    });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The printable programme of a published version: A4, day by day, sessions in time order with
 * their times in the event's zone, room and venue, chairs, then each talk with its times and
 * speakers; the event's name and theme, the venues, the patronage, co-organisers and supporters
 * on the first page; page numbers. Every name is set in DejaVu Sans, embedded as a subset.
 * French by default, English with `lang = 'en'` (a title missing in one language is given in
 * the other). The same snapshot gives the same bytes (dates in the file are the publication's).
 */
export function renderProgrammePdf(snapshot: ProgrammeSnapshot, lang: ExportLanguage): Promise<Buffer> {
  const fonts = pdfFonts();
  const published = new Date(snapshot.publishedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    font: fonts.regular,
    lang,
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: `${eventName(snapshot, lang)} — ${EXPORT_LABELS[lang].programme} (${EXPORT_LABELS[lang].version} ${snapshot.version})`,
      Subject: eventTheme(snapshot, lang) ?? undefined,
      Creator: 'Colloquium back-office',
      Producer: 'PDFKit',
      CreationDate: published,
      ModDate: published,
    },
  });
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    const index = new SnapshotIndex(snapshot);
    const writer = new PageWriter(doc);
    writeFrontMatter(writer, snapshot, lang);
    for (const day of snapshot.days) writeDay(writer, snapshot, index, day, lang);
    writeFooters(doc, snapshot, lang);
    doc.end();
  } catch (error) {
    doc.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return done;
}
