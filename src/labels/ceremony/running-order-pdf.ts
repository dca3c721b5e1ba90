import { breathe, ceremonyPdf, finish, PAGES_PER_BREATH } from './ceremony-pdf.js';
import type { RunningOrder } from './running-order.js';

export interface RunningOrderDocument {
  year: number;
  eventName: string | null;
  /** « 6 février 2012 ». */
  dateFr: string;
  /** When it was read, « 18:05 » in the event's zone, printed as « état à 18:05 ». */
  generatedAtLocal: string;
  producedAt: Date;
  order: RunningOrder;
}

const MARGIN = 48;
const PAGE = { width: 595.28, height: 841.89 };
const WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN;
const INK = '#111111';
const ACCENT = '#1f3a5f';
const MUTED = '#555555';
const PRESENT = '#1b6e2a';

/** The mark before a delegate: ✓ present (checked in), ○ not yet. */
export const PRESENT_MARK = '✓';
export const ABSENT_MARK = '○';

/** « 0 commune », « 1 délégué·e », « 2 présent·es »: French puts 0 and 1 in the singular. */
export function frenchCount(n: number, word: string): string {
  return `${n} ${word}${n >= 2 ? 's' : ''}`;
}

/**
 * The running order for the master of ceremonies, A4 portrait: a heading per level (1 @ first),
 * each town numbered in calling order with its département and region, then its delegates, each
 * marked ✓ when checked in (○ otherwise; « liste d'attente » for those without a seat). Text flows
 * over as many pages as it needs; a level heading never ends a page.
 */
export function renderRunningOrderPdf(d: RunningOrderDocument): Promise<Buffer> {
  const { doc, fonts, done } = ceremonyPdf({ layout: 'portrait', title: `Label Ville Internet ${d.year} — ordre de passage`, date: d.producedAt, margin: MARGIN });
  return finish(doc, done, async () => {
    let drawn = 0;
    doc.addPage();
    doc.font(fonts.bold).fontSize(18).fillColor(ACCENT).text(`Label Ville Internet ${d.year} — ordre de passage`, MARGIN, MARGIN, { width: WIDTH });
    doc.font(fonts.regular).fontSize(10).fillColor(MUTED);
    doc.text(`${d.eventName ?? ''}${d.eventName ? ' — ' : ''}${d.dateFr} — état à ${d.generatedAtLocal}`, { width: WIDTH });
    const t = d.order.totals;
    doc.text(
      // inclusive forms: the delegates are women and men (role words stay neutral in documents, as on badges)
      `${frenchCount(t.towns, 'commune')}, ${frenchCount(t.delegates, 'délégué·e')} dont ${frenchCount(t.present, 'présent·e')} (${PRESENT_MARK} présent·e, ${ABSENT_MARK} pas encore arrivé·e)`,
      { width: WIDTH },
    );
    if (!d.order.levels.length) doc.moveDown().fontSize(12).fillColor(INK).text('Aucune commune labellisée.', { width: WIDTH });
    for (const level of d.order.levels) {
      if (doc.y > BOTTOM - 80) doc.addPage();
      doc.moveDown(0.8);
      doc.font(fonts.bold).fontSize(15).fillColor(ACCENT).text(`${level.label} — ${frenchCount(level.towns.length, 'commune')}`, MARGIN, doc.y, { width: WIDTH });
      doc.moveDown(0.3);
      for (const town of level.towns) {
        // about 15 towns a page: let the event loop run now and then
        if (++drawn % (PAGES_PER_BREATH * 4) === 0) await breathe();
        if (doc.y > BOTTOM - 40) doc.addPage();
        doc.font(fonts.bold).fontSize(11).fillColor(INK).text(`${town.position}. ${town.name}`, MARGIN, doc.y, { width: WIDTH, continued: true });
        doc.font(fonts.regular).fontSize(9).fillColor(MUTED).text(`  (${town.departement}) ${town.region}${town.firstParticipation ? ' — première participation' : ''}`, { width: WIDTH });
        if (!town.delegates.length) {
          doc.font(fonts.regular).fontSize(9).fillColor(MUTED).text('aucune personne déléguée inscrite', MARGIN + 16, doc.y, { width: WIDTH - 16 });
        }
        for (const delegate of town.delegates) {
          const mark = delegate.present ? PRESENT_MARK : ABSENT_MARK;
          const note = delegate.admission === 'waiting' ? ' — liste d’attente' : delegate.admission === null ? ' — sans place' : '';
          doc.font(fonts.regular).fontSize(10).fillColor(delegate.present ? PRESENT : INK);
          doc.text(`${mark} ${delegate.firstName} ${delegate.lastName}${note}`, MARGIN + 16, doc.y, { width: WIDTH - 16 });
        }
        doc.moveDown(0.3);
      }
    }
  });
}
