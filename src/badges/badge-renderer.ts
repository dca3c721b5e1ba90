import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { pdfFonts } from '../programme-exports/pdf-fonts.js';
import { categoryLabel, fieldValue, type BadgeEventInfo, type BadgePerson } from './badge-fields.js';
import { MM, sheetLayout, type SheetLayout, type Slot } from './badge-layout.js';
import type { BadgeElement, BadgeTemplate, Box } from './badge-template.js';
import { fitText, LINE_HEIGHT, oneLine, type FittedText } from './text-fit.js';

/** An organisation's logo for the badges (PNG or JPEG bytes as stored). */
export interface BadgeLogo {
  organisationId: string;
  role: 'co-organiser' | 'patron' | 'supporter';
  bytes: Buffer;
}

/** Everything about the event a badge draws: name, dates, logos in the event's order. */
export interface BadgeEventAssets extends BadgeEventInfo {
  logos: BadgeLogo[];
}

type Prepared =
  | { kind: 'text'; el: Extract<BadgeElement, { type: 'text' }>; fit: FittedText }
  | { kind: 'band'; el: Extract<BadgeElement, { type: 'band' }>; colour: string; fit: FittedText | null }
  | { kind: 'ribbons'; el: Extract<BadgeElement, { type: 'ribbons' }>; items: FittedText[] }
  | { kind: 'qr'; el: Extract<BadgeElement, { type: 'qr' }> }
  | { kind: 'logos'; el: Extract<BadgeElement, { type: 'logos' }> }
  | { kind: 'image'; el: Extract<BadgeElement, { type: 'image' }> };

/** A badge measured and ready to draw, with what did not fit. */
export interface PreparedBadge {
  person: BadgePerson;
  front: Prepared[];
  back: Prepared[] | null;
  /** Elements that overflowed (text narrowed to stay inside its box), e.g. `front[1] lastName`. */
  overflows: string[];
}

type Face = 'regular' | 'bold';

/** pdfkit's image object, opened once per document and drawn as often as needed. */
type OpenedImage = unknown;

/**
 * Draws badges with pdfkit: DejaVu Sans (regular and bold, embedded once, subset), texts fitted
 * with text-fit.ts, the QR code as vector rectangles (one path), logos and images opened once per
 * document. One instance per PDF; `prepare` may also be used alone (the preview measures without
 * drawing).
 */
export class BadgeDocument {
  readonly doc: PDFKit.PDFDocument;
  private readonly faces: Record<Face, string>;
  private readonly images = new Map<string, OpenedImage>();
  private readonly widths: Record<Face, Map<string, number>> = { regular: new Map(), bold: new Map() };
  private currentFace: Face = 'regular';

  constructor(
    private readonly event: BadgeEventAssets,
    private readonly templateFiles: ReadonlyMap<string, Buffer>,
    info: { title: string },
  ) {
    const fonts = pdfFonts();
    // the regular face opened by the constructor is cached under its path: select it by that path
    this.faces = { regular: fonts.regular, bold: 'bold' };
    this.doc = new PDFDocument({ autoFirstPage: false, font: fonts.regular, info: { Title: info.title, Creator: 'Colloquium back-office' } });
    this.doc.registerFont('bold', fonts.bold);
  }

  private face(face: Face): void {
    if (this.currentFace !== face) {
      this.doc.font(this.faces[face]);
      this.currentFace = face;
    }
  }

  /** Width of a text at 1 pt in a face (memoised: labels and event names repeat). */
  private measure(face: Face): (text: string) => number {
    const cache = this.widths[face];
    return (text) => {
      let w = cache.get(text);
      if (w === undefined) {
        this.face(face);
        w = this.doc.fontSize(1).widthOfString(text);
        if (text.length < 60) cache.set(text, w);
      }
      return w;
    };
  }

  private fit(text: string, box: Box, fontSize: { max: number; min: number }, maxLines: 1 | 2, face: Face, padding = 0): FittedText {
    return fitText(text, { width: box.width * MM - 2 * padding, height: box.height * MM, fontSize, maxLines }, this.measure(face));
  }

  prepare(person: BadgePerson, template: BadgeTemplate): PreparedBadge {
    const overflows: string[] = [];
    const side = (elements: BadgeElement[], sideName: string): Prepared[] =>
      elements.map((el, i): Prepared => {
        const where = `${sideName}[${i}]`;
        switch (el.type) {
          case 'text': {
            const text = el.field ? fieldValue(el.field, person, this.event) : (el.text ?? '');
            const fit = this.fit(text, el, el.fontSize, el.maxLines, el.bold ? 'bold' : 'regular');
            if (fit.overflow) overflows.push(`${where} ${el.field ?? 'text'}`);
            return { kind: 'text', el, fit };
          }
          case 'band': {
            const colour = (person.category && el.colours[person.category]) || el.colours.default;
            const fit = el.label ? this.fit(categoryLabel(person.category, person.labelForm ?? null), el, el.fontSize, 1, 'bold', 2 * MM) : null;
            if (fit?.overflow) overflows.push(`${where} band`);
            return { kind: 'band', el, colour, fit };
          }
          case 'ribbons': {
            const room = Math.floor(el.height / el.ribbonHeight + 1e-9);
            const shown = person.ribbons.slice(0, room);
            if (person.ribbons.length > room) overflows.push(`${where} ribbons (${person.ribbons.length - room} not shown)`);
            const items = shown.map((label) => {
              const box = { x: 0, y: 0, width: el.width, height: el.ribbonHeight * 0.8 };
              const fit = this.fit(label, box, { max: (el.ribbonHeight * MM) / LINE_HEIGHT, min: 5 }, 1, 'bold', 1 * MM);
              if (fit.overflow) overflows.push(`${where} ribbon ${label}`);
              return fit;
            });
            return { kind: 'ribbons', el, items };
          }
          case 'qr':
            return { kind: 'qr', el };
          case 'logos':
            return { kind: 'logos', el };
          case 'image':
            return { kind: 'image', el };
        }
      });
    return { person, front: side(template.front, 'front'), back: template.back ? side(template.back, 'back') : null, overflows };
  }

  /**
   * Adds the pages of `badges` with `template`: sheets as the template lays them out, or one badge a
   * page (`single`, the desk printer). Fronts then, when the template has one, the back of the same
   * sheet mirrored; a null leaves its slot empty. Yields to the event loop after each sheet so the
   * response streams, and stops adding sheets once `signal` is aborted (the client went away).
   */
  async addBadges(template: BadgeTemplate, badges: (PreparedBadge | null)[], single: boolean, signal?: AbortSignal): Promise<void> {
    const layout: SheetLayout = single
      ? { page: { width: template.badge.width, height: template.badge.height }, columns: 1, rows: 1, perSheet: 1, front: [{ x: 0, y: 0 }], back: [{ x: 0, y: 0 }], cropMarks: [] }
      : sheetLayout(template);
    for (let start = 0; start < badges.length; start += layout.perSheet) {
      if (signal?.aborted) return;
      const sheet = badges.slice(start, start + layout.perSheet);
      this.addPage(layout);
      sheet.forEach((badge, i) => badge && this.drawBadge(badge.front, badge.person, template, layout.front[i], single));
      this.drawCropMarks(layout);
      if (template.back) {
        this.addPage(layout);
        sheet.forEach((badge, i) => badge && this.drawBadge(badge.back ?? [], badge.person, template, layout.back[i], single));
        this.drawCropMarks(layout);
      }
      if (start + layout.perSheet < badges.length) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  end(): void {
    this.doc.end();
  }

  private addPage(layout: SheetLayout): void {
    this.doc.addPage({ size: [layout.page.width * MM, layout.page.height * MM], margin: 0 });
  }

  private drawCropMarks(layout: SheetLayout): void {
    if (layout.cropMarks.length === 0) return;
    const doc = this.doc;
    doc.save().lineWidth(0.5).strokeColor('#000000');
    for (const m of layout.cropMarks) doc.moveTo(m.x1 * MM, m.y1 * MM).lineTo(m.x2 * MM, m.y2 * MM);
    doc.stroke().restore();
  }

  private drawBadge(elements: Prepared[], person: BadgePerson, template: BadgeTemplate, slot: Slot, single: boolean): void {
    const doc = this.doc;
    const ox = slot.x * MM;
    const oy = slot.y * MM;
    for (const p of elements) {
      const x = ox + p.el.x * MM;
      const y = oy + p.el.y * MM;
      const w = p.el.width * MM;
      const h = p.el.height * MM;
      switch (p.kind) {
        case 'text':
          this.drawText(p.fit, x, y, w, h, p.el.bold ? 'bold' : 'regular', p.el.color, p.el.align);
          break;
        case 'band':
          doc.rect(x, y, w, h).fill(p.colour);
          if (p.fit) this.drawText(p.fit, x + 2 * MM, y, w - 4 * MM, h, 'bold', '#ffffff', 'center');
          break;
        case 'ribbons': {
          const rh = p.el.ribbonHeight * MM;
          p.items.forEach((fit, i) => {
            const ry = y + i * rh;
            doc.rect(x, ry + rh * 0.1, w, rh * 0.8).fill(p.el.color);
            this.drawText(fit, x + 1 * MM, ry + rh * 0.1, w - 2 * MM, rh * 0.8, 'bold', p.el.textColor, 'center');
          });
          break;
        }
        case 'qr':
          this.drawQr(person.token, x, y, w, h);
          break;
        case 'logos':
          this.drawLogos(p.el.roles, x, y, w, h);
          break;
        case 'image': {
          const img = this.image(`file:${p.el.file}`, () => this.templateFiles.get(p.el.file));
          if (img) doc.image(img as Buffer, x, y, { fit: [w, h], align: 'center', valign: 'center' });
          break;
        }
      }
    }
    if (!single && template.cutGuides === 'dashed-border') {
      doc.save().lineWidth(0.4).dash(3, { space: 3 }).strokeColor('#888888').rect(ox, oy, template.badge.width * MM, template.badge.height * MM).stroke().undash().restore();
    }
  }

  private drawText(fit: FittedText, x: number, y: number, w: number, h: number, face: Face, colour: string, align: 'left' | 'center' | 'right'): void {
    if (fit.lines.length === 0) return;
    const doc = this.doc;
    this.face(face);
    doc.fontSize(fit.size).fillColor(colour);
    const lineH = fit.size * LINE_HEIGHT;
    const top = y + Math.max(0, (h - lineH * fit.lines.length) / 2);
    const measure = this.measure(face);
    fit.lines.forEach((line, i) => {
      const width = (measure(oneLine(line)) * fit.size * fit.scale) / 100;
      const lx = align === 'left' ? x : align === 'right' ? x + w - width : x + (w - width) / 2;
      this.face(face);
      doc.fontSize(fit.size);
      doc.text(line, lx, top + i * lineH, { lineBreak: false, horizontalScaling: fit.scale } as PDFKit.Mixins.TextOptions);
    });
  }

  /** The QR matrix as rectangles (runs of dark modules per row) in one path, with a 4-module quiet zone. */
  private drawQr(token: string, x: number, y: number, w: number, h: number): void {
    const qr = QRCode.create(token, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const data = qr.modules.data;
    const side = Math.min(w, h);
    const m = side / (n + 8);
    const x0 = x + (w - side) / 2 + 4 * m;
    const y0 = y + (h - side) / 2 + 4 * m;
    const doc = this.doc;
    for (let r = 0; r < n; r++) {
      let c = 0;
      while (c < n) {
        if (!data[r * n + c]) {
          c++;
          continue;
        }
        const start = c;
        while (c < n && data[r * n + c]) c++;
        // a hair taller than a module, so rows touch with no seam in a raster render
        doc.rect(x0 + start * m, y0 + r * m, (c - start) * m, m * 1.02);
      }
    }
    doc.fill('#000000');
  }

  private drawLogos(roles: readonly string[], x: number, y: number, w: number, h: number): void {
    const logos = this.event.logos.filter((l) => roles.includes(l.role));
    if (logos.length === 0) return;
    const gap = 2 * MM;
    const cell = (w - gap * (logos.length - 1)) / logos.length;
    logos.forEach((logo, i) => {
      const img = this.image(`logo:${logo.organisationId}`, () => logo.bytes);
      if (img) this.doc.image(img as Buffer, x + i * (cell + gap), y, { fit: [cell, h], align: 'center', valign: 'center' });
    });
  }

  /** An image opened once per document (pdfkit then writes its XObject once, however often it is drawn). */
  private image(key: string, bytes: () => Buffer | undefined): OpenedImage | null {
    if (!this.images.has(key)) {
      const b = bytes();
      let opened: OpenedImage | null = null;
      if (b) {
        try {
          opened = (this.doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(b);
        } catch {
          opened = null; // an unreadable logo is left out rather than failing every badge
        }
      }
      this.images.set(key, opened);
    }
    return this.images.get(key) ?? null;
  }
}
