import { SHEET_SIZES, type BadgeTemplate, type Mm } from './badge-template.js';

/** Badge layout arithmetic on sheets (pure, in millimetres; the renderer converts to points). */

export const MM = 72 / 25.4;

export interface Slot {
  /** Top-left corner of the badge on the page, mm. */
  x: number;
  y: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SheetLayout {
  page: Mm;
  columns: number;
  rows: number;
  perSheet: number;
  /** Slots of the front side, row by row. */
  front: Slot[];
  /** Slots of the back side: the same rows with columns mirrored (long-edge duplex). */
  back: Slot[];
  /** Crop marks (empty unless the template asks for them), all inside the page. */
  cropMarks: Segment[];
}

/** Longest crop mark, and the space kept between a mark in a margin and the badge. */
const MARK_LENGTH = 5;
const MARK_OFFSET = 1;

/** How many badges fit along one side. */
function fitCount(usable: number, size: number, gap: number): number {
  return Math.max(0, Math.floor((usable + gap + 1e-6) / (size + gap)));
}

/**
 * Where each badge of a sheet goes. One-per-page: the page is the badge. On a sheet the grid
 * (given columns × rows, or as many as fit) is centred in the space inside the margins.
 */
export function sheetLayout(template: BadgeTemplate): SheetLayout {
  const { badge, sheet } = template;
  if (sheet.size === 'one-per-page') {
    return { page: { width: badge.width, height: badge.height }, columns: 1, rows: 1, perSheet: 1, front: [{ x: 0, y: 0 }], back: [{ x: 0, y: 0 }], cropMarks: [] };
  }
  const page = SHEET_SIZES[sheet.size];
  const { margins, gap } = sheet;
  const usableW = page.width - margins.left - margins.right;
  const usableH = page.height - margins.top - margins.bottom;
  const columns = sheet.columns ?? fitCount(usableW, badge.width, gap.x);
  const rows = sheet.rows ?? fitCount(usableH, badge.height, gap.y);
  const gridW = columns * badge.width + (columns - 1) * gap.x;
  const gridH = rows * badge.height + (rows - 1) * gap.y;
  const left = margins.left + (usableW - gridW) / 2;
  const top = margins.top + (usableH - gridH) / 2;
  const front: Slot[] = [];
  const back: Slot[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < columns; col++) {
      const y = top + row * (badge.height + gap.y);
      front.push({ x: left + col * (badge.width + gap.x), y });
      back.push({ x: page.width - (left + col * (badge.width + gap.x)) - badge.width, y });
    }
  }
  const cropMarks = template.cutGuides === 'crop-marks' ? cropMarksFor(page, front, badge) : [];
  return { page, columns, rows, perSheet: columns * rows, front, back, cropMarks };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Crop marks for a grid of badges: for each cut line (every distinct badge edge) that is not the
 * page's own edge, a short mark on the line's extension at both ends of the page. Where the margin
 * is wide enough the mark stays in it, clear of the badges; where it is not (four A6 on an A4 leave
 * none) the mark lies on the cut line itself from the page edge, so the cut removes it. Every mark
 * is inside the page.
 */
export function cropMarksFor(page: Mm, slots: Slot[], badge: Mm): Segment[] {
  if (slots.length === 0) return [];
  const xs = [...new Set(slots.flatMap((s) => [round(s.x), round(s.x + badge.width)]))].sort((a, b) => a - b);
  const ys = [...new Set(slots.flatMap((s) => [round(s.y), round(s.y + badge.height)]))].sort((a, b) => a - b);
  const gridTop = ys[0];
  const gridBottom = ys[ys.length - 1];
  const gridLeft = xs[0];
  const gridRight = xs[xs.length - 1];
  const markLength = (margin: number) => (margin >= MARK_OFFSET + 2 ? Math.min(MARK_LENGTH, margin - MARK_OFFSET) : MARK_LENGTH);
  const marks: Segment[] = [];
  const onEdge = (v: number, edge: number) => Math.abs(v - edge) < 0.01;
  for (const x of xs) {
    if (onEdge(x, 0) || onEdge(x, page.width)) continue;
    marks.push({ x1: x, y1: 0, x2: x, y2: markLength(gridTop) });
    marks.push({ x1: x, y1: page.height, x2: x, y2: page.height - markLength(page.height - gridBottom) });
  }
  for (const y of ys) {
    if (onEdge(y, 0) || onEdge(y, page.height)) continue;
    marks.push({ x1: 0, y1: y, x2: markLength(gridLeft), y2: y });
    marks.push({ x1: page.width, y1: y, x2: page.width - markLength(page.width - gridRight), y2: y });
  }
  return marks;
}

/** How many sheets `count` badges take. */
export function sheetsFor(count: number, perSheet: number): number {
  return Math.ceil(count / perSheet);
}

/** Where one badge of a print job lands: the page of its front, of its back (duplex), its slot (1-based). */
export interface Placement {
  page: number;
  backPage: number | null;
  slot: number;
}

/**
 * The place of every badge of a job made of runs of sheets (one run per template, in order): each
 * sheet is one page, or two when the template has a back (front, then back). Pages from 1.
 */
export function placeBadges(runs: { count: number; perSheet: number; duplex: boolean }[]): Placement[] {
  const placements: Placement[] = [];
  let nextPage = 1;
  for (const run of runs) {
    const pagesPerSheet = run.duplex ? 2 : 1;
    for (let i = 0; i < run.count; i++) {
      const sheet = Math.floor(i / run.perSheet);
      const page = nextPage + sheet * pagesPerSheet;
      placements.push({ page, backPage: run.duplex ? page + 1 : null, slot: (i % run.perSheet) + 1 });
    }
    nextPage += sheetsFor(run.count, run.perSheet) * pagesPerSheet;
  }
  return placements;
}

/** Pages a job made of these runs takes. */
export function pagesFor(runs: { count: number; perSheet: number; duplex: boolean }[]): number {
  return runs.reduce((n, r) => n + sheetsFor(r.count, r.perSheet) * (r.duplex ? 2 : 1), 0);
}
