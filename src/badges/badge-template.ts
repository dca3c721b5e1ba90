/**
 * A badge layout as written in templates/badges/<name>.json, and its validation (pure: the loader
 * reads the files, this checks what they say). Every length is in millimetres; colours are
 * `#rrggbb`. A template that does not validate stops the start-up with its file and field named.
 */

export const BADGE_SIZES = { A6: { width: 105, height: 148 }, A7: { width: 74, height: 105 }, card: { width: 85, height: 54 } } as const;
export const SHEET_SIZES = { A4: { width: 210, height: 297 }, A3: { width: 297, height: 420 }, Letter: { width: 215.9, height: 279.4 } } as const;

export type BadgeSizeName = keyof typeof BADGE_SIZES;
export type SheetSizeName = keyof typeof SHEET_SIZES;

/** Fields a text element can show (French labels and dates in the event's zone). */
export const BADGE_FIELDS = ['firstName', 'lastName', 'fullName', 'affiliationOrTown', 'category', 'eventName', 'eventDates'] as const;
export type BadgeField = (typeof BADGE_FIELDS)[number];

export interface Mm {
  width: number;
  height: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextElement extends Box {
  type: 'text';
  /** Bound to a field, or static text. Exactly one of the two. */
  field?: BadgeField;
  text?: string;
  /** Font sizes in points: the largest that fits is used, down to the smallest, then two lines. */
  fontSize: { max: number; min: number };
  bold: boolean;
  align: 'left' | 'center' | 'right';
  color: string;
  /** At most this many lines (1 or 2). */
  maxLines: 1 | 2;
}

export interface QrElement extends Box {
  type: 'qr';
}

export interface LogosElement extends Box {
  type: 'logos';
  /** The event's organisations with these roles, in the event's order. */
  roles: ('co-organiser' | 'patron' | 'supporter')[];
}

export interface BandElement extends Box {
  type: 'band';
  /** Colour per badge category; `default` for any other. */
  colours: Record<string, string>;
  /** The category's French label written on the band, in white. */
  label: boolean;
  fontSize: { max: number; min: number };
}

export interface RibbonsElement extends Box {
  type: 'ribbons';
  /** Ribbons (parts the person is admitted to that carry one) stacked from the top, each this tall. */
  ribbonHeight: number;
  color: string;
  textColor: string;
}

export interface ImageElement extends Box {
  type: 'image';
  /** A PNG or JPEG file next to the template (templates/badges/…). */
  file: string;
}

export type BadgeElement = TextElement | QrElement | LogosElement | BandElement | RibbonsElement | ImageElement;

export interface BadgeTemplate {
  /** The file's name without `.json`. */
  name: string;
  title: string;
  badge: Mm & { size: BadgeSizeName | 'custom' };
  sheet: {
    size: SheetSizeName | 'one-per-page';
    /** Null: as many as fit. */
    columns: number | null;
    rows: number | null;
    margins: { top: number; right: number; bottom: number; left: number };
    gap: { x: number; y: number };
  };
  cutGuides: 'dashed-border' | 'crop-marks' | 'none';
  front: BadgeElement[];
  /** Printed on the back sheet, mirrored for duplex (long-edge flip). */
  back: BadgeElement[] | null;
}

/** A template that does not validate: the file and the field in error. */
export class BadgeTemplateError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    reason: string,
  ) {
    super(`badge template ${file}: ${field}: ${reason}`);
    this.name = 'BadgeTemplateError';
  }
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;
const NAME = /^[a-z0-9-]{1,60}$/;

type Json = Record<string, unknown>;

class Reader {
  constructor(readonly file: string) {}

  fail(field: string, reason: string): never {
    throw new BadgeTemplateError(this.file, field, reason);
  }

  object(value: unknown, field: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(field, 'must be an object');
    return value as Json;
  }

  only(obj: Json, field: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) if (!allowed.includes(key)) this.fail(field ? `${field}.${key}` : key, `unknown field (allowed: ${allowed.join(', ')})`);
  }

  number(value: unknown, field: string, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(field, 'must be a number');
    if (value < min || value > max) this.fail(field, `must be between ${min} and ${max}`);
    return value;
  }

  string(value: unknown, field: string, maxLength: number): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'must be a non-empty string');
    if (value.length > maxLength) this.fail(field, `must be at most ${maxLength} characters`);
    return value;
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !allowed.includes(value as T)) this.fail(field, `must be one of ${allowed.join(', ')}`);
    return value as T;
  }

  colour(value: unknown, field: string): string {
    if (typeof value !== 'string' || !COLOUR.test(value)) this.fail(field, 'must be a colour #rrggbb');
    return value;
  }

  boolean(value: unknown, field: string): boolean {
    if (typeof value !== 'boolean') this.fail(field, 'must be true or false');
    return value;
  }
}

function readBox(r: Reader, e: Json, field: string, badge: Mm): Box {
  const box = {
    x: r.number(e.x, `${field}.x`, 0, badge.width),
    y: r.number(e.y, `${field}.y`, 0, badge.height),
    width: r.number(e.width, `${field}.width`, 0.5, badge.width),
    height: r.number(e.height, `${field}.height`, 0.5, badge.height),
  };
  if (box.x + box.width > badge.width + 1e-9) r.fail(`${field}.width`, `x + width (${box.x + box.width} mm) is outside the badge (${badge.width} mm wide)`);
  if (box.y + box.height > badge.height + 1e-9) r.fail(`${field}.height`, `y + height (${box.y + box.height} mm) is outside the badge (${badge.height} mm high)`);
  return box;
}

function readFontSize(r: Reader, value: unknown, field: string): { max: number; min: number } {
  const fs = r.object(value, field);
  r.only(fs, field, ['max', 'min']);
  const max = r.number(fs.max, `${field}.max`, 4, 120);
  const min = r.number(fs.min, `${field}.min`, 4, 120);
  if (min > max) r.fail(`${field}.min`, `must not exceed max (${max})`);
  return { max, min };
}

const BOX_KEYS = ['type', 'x', 'y', 'width', 'height'];

function readElement(r: Reader, value: unknown, field: string, badge: Mm, fileExists: (file: string) => boolean): BadgeElement {
  const e = r.object(value, field);
  const type = r.oneOf(e.type, `${field}.type`, ['text', 'qr', 'logos', 'band', 'ribbons', 'image'] as const);
  const box = readBox(r, e, field, badge);
  switch (type) {
    case 'text': {
      r.only(e, field, [...BOX_KEYS, 'field', 'text', 'fontSize', 'bold', 'align', 'color', 'maxLines']);
      if ((e.field === undefined) === (e.text === undefined)) r.fail(`${field}.field`, 'give either field or text (static), exactly one');
      const maxLines = e.maxLines === undefined ? 1 : r.number(e.maxLines, `${field}.maxLines`, 1, 2);
      if (!Number.isInteger(maxLines)) r.fail(`${field}.maxLines`, 'must be 1 or 2');
      const el: TextElement = {
        type,
        ...box,
        fontSize: readFontSize(r, e.fontSize, `${field}.fontSize`),
        bold: e.bold === undefined ? false : r.boolean(e.bold, `${field}.bold`),
        align: e.align === undefined ? 'center' : r.oneOf(e.align, `${field}.align`, ['left', 'center', 'right'] as const),
        color: e.color === undefined ? '#000000' : r.colour(e.color, `${field}.color`),
        maxLines: maxLines as 1 | 2,
      };
      if (e.field !== undefined) el.field = r.oneOf(e.field, `${field}.field`, BADGE_FIELDS);
      else el.text = r.string(e.text, `${field}.text`, 200);
      return el;
    }
    case 'qr': {
      r.only(e, field, BOX_KEYS);
      if (Math.min(box.width, box.height) < 15) r.fail(`${field}.width`, 'a QR code needs at least 15 × 15 mm to scan reliably');
      return { type, ...box };
    }
    case 'logos': {
      r.only(e, field, [...BOX_KEYS, 'roles']);
      if (!Array.isArray(e.roles) || e.roles.length === 0) r.fail(`${field}.roles`, 'must be a non-empty list');
      const roles = e.roles.map((role, i) => r.oneOf(role, `${field}.roles[${i}]`, ['co-organiser', 'patron', 'supporter'] as const));
      return { type, ...box, roles };
    }
    case 'band': {
      r.only(e, field, [...BOX_KEYS, 'colours', 'label', 'fontSize']);
      const colours = r.object(e.colours, `${field}.colours`);
      if (colours.default === undefined) r.fail(`${field}.colours.default`, 'is required (the colour of any other category)');
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(colours)) out[k] = r.colour(v, `${field}.colours.${k}`);
      return {
        type,
        ...box,
        colours: out,
        label: e.label === undefined ? false : r.boolean(e.label, `${field}.label`),
        fontSize: e.fontSize === undefined ? { max: 12, min: 6 } : readFontSize(r, e.fontSize, `${field}.fontSize`),
      };
    }
    case 'ribbons': {
      r.only(e, field, [...BOX_KEYS, 'ribbonHeight', 'color', 'textColor']);
      return {
        type,
        ...box,
        ribbonHeight: r.number(e.ribbonHeight, `${field}.ribbonHeight`, 3, box.height),
        color: e.color === undefined ? '#7a1f2b' : r.colour(e.color, `${field}.color`),
        textColor: e.textColor === undefined ? '#ffffff' : r.colour(e.textColor, `${field}.textColor`),
      };
    }
    case 'image': {
      r.only(e, field, [...BOX_KEYS, 'file']);
      const file = r.string(e.file, `${field}.file`, 200);
      if (!/^[A-Za-z0-9._-]+\.(png|jpe?g)$/i.test(file)) r.fail(`${field}.file`, 'must be a .png or .jpg file name next to the template (no folders)');
      if (!fileExists(file)) r.fail(`${field}.file`, `${file} does not exist next to the template`);
      return { type, ...box, file };
    }
  }
}

function readElements(r: Reader, value: unknown, field: string, badge: Mm, fileExists: (file: string) => boolean): BadgeElement[] {
  if (!Array.isArray(value)) r.fail(field, 'must be a list of elements');
  if (value.length > 50) r.fail(field, 'at most 50 elements');
  return value.map((e, i) => readElement(r, e, `${field}[${i}]`, badge, fileExists));
}

/**
 * Checks a template's JSON (already parsed) and returns it with every default filled in, or throws
 * a BadgeTemplateError naming the file and the field. `fileExists` says whether an image file
 * named by the template exists next to it.
 */
export function validateBadgeTemplate(file: string, json: unknown, fileExists: (file: string) => boolean = () => false): BadgeTemplate {
  const r = new Reader(file);
  const name = file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  if (!NAME.test(name)) r.fail('(file name)', 'must be lower-case letters, digits and hyphens, at most 60, then .json');
  const t = r.object(json, '(template)');
  r.only(t, '', ['title', 'badge', 'sheet', 'cutGuides', 'front', 'back']);
  const title = r.string(t.title, 'title', 120);

  let badge: BadgeTemplate['badge'];
  if (typeof t.badge === 'string') {
    const size = r.oneOf(t.badge, 'badge', Object.keys(BADGE_SIZES) as BadgeSizeName[]);
    badge = { size, ...BADGE_SIZES[size] };
  } else {
    const b = r.object(t.badge, 'badge');
    r.only(b, 'badge', ['width', 'height']);
    badge = { size: 'custom', width: r.number(b.width, 'badge.width', 20, 420), height: r.number(b.height, 'badge.height', 20, 420) };
  }

  const s = r.object(t.sheet, 'sheet');
  r.only(s, 'sheet', ['size', 'columns', 'rows', 'margins', 'gap']);
  const size = r.oneOf(s.size, 'sheet.size', [...(Object.keys(SHEET_SIZES) as SheetSizeName[]), 'one-per-page' as const]);
  const count = (v: unknown, f: string) => (v === undefined || v === 'fit' ? null : r.number(v, f, 1, 50));
  const columns = count(s.columns, 'sheet.columns');
  const rows = count(s.rows, 'sheet.rows');
  if ((columns !== null && !Number.isInteger(columns)) || (rows !== null && !Number.isInteger(rows))) r.fail('sheet.columns', 'columns and rows are whole numbers or "fit"');
  const m = s.margins === undefined ? {} : r.object(s.margins, 'sheet.margins');
  r.only(m, 'sheet.margins', ['top', 'right', 'bottom', 'left']);
  const margin = (k: string) => (m[k] === undefined ? 0 : r.number(m[k], `sheet.margins.${k}`, 0, 100));
  const g = s.gap === undefined ? {} : r.object(s.gap, 'sheet.gap');
  r.only(g, 'sheet.gap', ['x', 'y']);
  const sheet: BadgeTemplate['sheet'] = {
    size,
    columns,
    rows,
    margins: { top: margin('top'), right: margin('right'), bottom: margin('bottom'), left: margin('left') },
    gap: { x: g.x === undefined ? 0 : r.number(g.x, 'sheet.gap.x', 0, 100), y: g.y === undefined ? 0 : r.number(g.y, 'sheet.gap.y', 0, 100) },
  };
  if (size !== 'one-per-page') {
    const page = SHEET_SIZES[size];
    const usableW = page.width - sheet.margins.left - sheet.margins.right;
    const usableH = page.height - sheet.margins.top - sheet.margins.bottom;
    const fitW = Math.floor((usableW + sheet.gap.x + 1e-6) / (badge.width + sheet.gap.x));
    const fitH = Math.floor((usableH + sheet.gap.y + 1e-6) / (badge.height + sheet.gap.y));
    if (fitW < 1 || fitH < 1) r.fail('sheet', `a ${badge.width} × ${badge.height} mm badge does not fit on ${size} with these margins`);
    if (columns !== null && columns > fitW) r.fail('sheet.columns', `${columns} columns of ${badge.width} mm do not fit on ${size} (at most ${fitW})`);
    if (rows !== null && rows > fitH) r.fail('sheet.rows', `${rows} rows of ${badge.height} mm do not fit on ${size} (at most ${fitH})`);
  }

  const cutGuides = t.cutGuides === undefined ? 'none' : r.oneOf(t.cutGuides, 'cutGuides', ['dashed-border', 'crop-marks', 'none'] as const);
  const front = readElements(r, t.front, 'front', badge, fileExists);
  if (front.length === 0) r.fail('front', 'needs at least one element');
  const back = t.back === undefined || t.back === null ? null : readElements(r, t.back, 'back', badge, fileExists);
  return { name, title, badge, sheet, cutGuides, front, back };
}
