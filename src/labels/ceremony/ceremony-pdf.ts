import PDFDocument from 'pdfkit';
import { pdfFonts } from '../../programme-exports/pdf-fonts.js';

/** A PDF document with DejaVu Sans embedded (subset) as its default face and « bold » registered. */
export function ceremonyPdf(options: { layout: 'portrait' | 'landscape'; title: string; date: Date; margin: number }): {
  doc: PDFKit.PDFDocument;
  fonts: { regular: string; bold: string };
  done: Promise<Buffer>;
} {
  const files = pdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout,
    margin: options.margin,
    font: files.regular,
    lang: 'fr',
    displayTitle: true,
    pdfVersion: '1.7',
    autoFirstPage: false,
    info: { Title: options.title, Creator: 'Colloquium back-office', Producer: 'PDFKit', CreationDate: options.date, ModDate: options.date },
  });
  doc.registerFont('bold', files.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // the regular face is the document's default, cached under its path: select it by that path (see programme-pdf.ts)
  return { doc, fonts: { regular: files.regular, bold: 'bold' }, done };
}

/**
 * Lets the event loop run (other requests, the desk's scans) between batches of pages: pdfkit draws
 * synchronously, and 356 certificates in one go would hold the process for most of a second.
 */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Pages drawn between two breaths. */
export const PAGES_PER_BREATH = 16;

/** Runs `draw` and ends the document; an error while drawing still ends it, and rejects. */
export async function finish(doc: PDFKit.PDFDocument, done: Promise<Buffer>, draw: () => void | Promise<void>): Promise<Buffer> {
  try {
    await draw();
  } catch (error) {
    doc.end();
    await done.catch(() => undefined);
    throw error;
  }
  doc.end();
  return done;
}
