import { arobases, fitTextSize } from './certificate-layout.js';
import { breathe, ceremonyPdf, finish, PAGES_PER_BREATH } from './ceremony-pdf.js';

/** One certificate: a labelled town and its level. */
export interface Certificate {
  townName: string;
  departement: string;
  region: string;
  level: number;
}

export interface CertificateSet {
  year: number;
  /** « 6 février 2012 ». */
  dateFr: string;
  /** « Remise du Label Ville Internet 2012 », or null. */
  eventName: string | null;
  /** When the document is produced (the file's dates). */
  producedAt: Date;
  certificates: Certificate[];
}

/** A4 landscape in points, the frame inside the border. */
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 56;
const FRAME_WIDTH = PAGE.width - 2 * MARGIN;
const INK = '#111111';
const ACCENT = '#1f3a5f';
const MUTED = '#555555';

/**
 * The certificates, one A4 landscape page per town, in one file for printing: « Label Ville
 * Internet 2012 », the town's name (its size shrunk to fit the width, from 54 pt down to 20 pt;
 * a name still too long is wrapped, never cut), its département and region, the level drawn as
 * @ signs, and the ceremony's date in French. DejaVu Sans (every French accent) embedded as a subset.
 * The event loop runs between every PAGES_PER_BREATH pages.
 */
export function renderCertificatesPdf(set: CertificateSet): Promise<Buffer> {
  const { doc, fonts, done } = ceremonyPdf({ layout: 'landscape', title: `Label Ville Internet ${set.year} — diplômes`, date: set.producedAt, margin: MARGIN });
  return finish(doc, done, async () => {
    if (!set.certificates.length) {
      doc.addPage();
      doc.font(fonts.regular).fontSize(16).fillColor(MUTED).text(`Aucune commune labellisée en ${set.year}.`, MARGIN, 260, { width: FRAME_WIDTH, align: 'center' });
    }
    for (const [i, c] of set.certificates.entries()) {
      if (i > 0 && i % PAGES_PER_BREATH === 0) await breathe();
      doc.addPage();
      doc.save().lineWidth(3).strokeColor(ACCENT).rect(24, 24, PAGE.width - 48, PAGE.height - 48).stroke();
      doc.lineWidth(0.8).rect(32, 32, PAGE.width - 64, PAGE.height - 64).stroke().restore();

      doc.font(fonts.bold).fontSize(34).fillColor(ACCENT);
      doc.text(`Label Ville Internet ${set.year}`, MARGIN, 78, { width: FRAME_WIDTH, align: 'center', lineBreak: false });

      doc.font(fonts.regular).fontSize(16).fillColor(MUTED);
      doc.text('est décerné à la commune de', MARGIN, 140, { width: FRAME_WIDTH, align: 'center', lineBreak: false });

      // the name: as large as fits on one line, else the smallest size on as many lines as it takes
      doc.font(fonts.bold).fontSize(1);
      const fit = fitTextSize(doc.widthOfString(c.townName), FRAME_WIDTH, 54, 20);
      doc.fontSize(fit.size).fillColor(INK);
      const nameTop = 180;
      doc.text(c.townName, MARGIN, nameTop, { width: FRAME_WIDTH, align: 'center', lineBreak: fit.wrap });
      const nameBottom = fit.wrap ? doc.y : nameTop + doc.currentLineHeight(true);

      doc.font(fonts.regular).fontSize(14).fillColor(MUTED);
      doc.text(`${c.departement} — ${c.region}`, MARGIN, nameBottom + 10, { width: FRAME_WIDTH, align: 'center', lineBreak: false });

      doc.font(fonts.bold).fontSize(72).fillColor(ACCENT);
      doc.text(arobases(c.level), MARGIN, 330, { width: FRAME_WIDTH, align: 'center', lineBreak: false, characterSpacing: 10 });
      doc.font(fonts.regular).fontSize(14).fillColor(MUTED);
      doc.text(`${c.level} @ sur 5`, MARGIN, 425, { width: FRAME_WIDTH, align: 'center', lineBreak: false });

      const when = set.eventName ? `${set.eventName} — ${set.dateFr}` : set.dateFr;
      doc.font(fonts.regular).fontSize(1);
      const whenFit = fitTextSize(doc.widthOfString(when), FRAME_WIDTH, 15, 9);
      doc.fontSize(whenFit.size).fillColor(INK);
      doc.text(when, MARGIN, 470, { width: FRAME_WIDTH, align: 'center', lineBreak: whenFit.wrap });
      doc.font(fonts.regular).fontSize(11).fillColor(MUTED);
      doc.text('Association Villes Internet', MARGIN, 510, { width: FRAME_WIDTH, align: 'center', lineBreak: false });
    }
  });
}
