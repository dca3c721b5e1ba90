import { countPdfPages } from '../../web/src/badges/pdf-pages.js';
import { parsePages } from '../../web/src/badges/pages-text.js';

/**
 * The badges page's two small rules, on plain data: the pages of a PDF counted as its bytes stream in
 * (whatever the chunks, the page tree's `/Type /Pages` never counted as a page), and the spoiled pages
 * typed by an organiser.
 */
const bytes = (s: string) => Buffer.from(s, 'latin1');

/** A PDF as pdfkit lays its objects out: pages as they are drawn, the page tree at the end. */
function pdfLike(pages: number): string {
  let out = '%PDF-1.3\n%\xff\xff\xff\xff\n';
  for (let i = 0; i < pages; i++) out += `${10 + i} 0 obj\n<<\n/Type /Page\n/Parent 1 0 R\n/MediaBox [0 0 595.28 841.89]\n>>\nendobj\n`;
  out += '1 0 obj\n<<\n/Type /Pages\n/Count 3\n/Kids [10 0 R 11 0 R 12 0 R]\n>>\nendobj\n2 0 obj\n<<\n/Type /Catalog\n/Pages 1 0 R\n>>\nendobj\ntrailer\n%%EOF\n';
  return out;
}

describe('Badges page: counting a streamed PDF’s pages; the spoiled pages typed', () => {
  it('counts each page once and never the page tree, wherever the chunks are cut (two chunks, every cut)', () => {
    const pdf = pdfLike(3);
    for (let cut = 0; cut <= pdf.length; cut++) {
      const counter = countPdfPages();
      counter.push(bytes(pdf.slice(0, cut)));
      expect([cut, counter.push(bytes(pdf.slice(cut)))]).toEqual([cut, 3]);
    }
  });

  it('counts right with chunks of every size from 1 to 40 bytes, and says how far it got as bytes arrive', () => {
    const pdf = pdfLike(5);
    for (let size = 1; size <= 40; size++) {
      const counter = countPdfPages();
      const seen: number[] = [];
      for (let at = 0; at < pdf.length; at += size) seen.push(counter.push(bytes(pdf.slice(at, at + size))));
      expect([size, seen.at(-1)]).toEqual([size, 5]);
      // never backwards, never more than the pages written so far
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }
    // the count follows the drawing: after the third page's object, 3
    const third = pdf.indexOf('/Type /Page\n', pdf.indexOf('12 0 obj'));
    expect(countPdfPages().push(bytes(pdf.slice(0, third + '/Type /Page\n'.length)))).toBe(3);
  });

  it('does not count a page tree cut right after « /Type /Page » (the cut that once made 127 of 126 pages)', () => {
    const pdf = pdfLike(2);
    const cut = pdf.indexOf('/Type /Pages') + '/Type /Page'.length;
    const counter = countPdfPages();
    expect(counter.push(bytes(pdf.slice(0, cut)))).toBe(2);
    expect(counter.push(bytes(pdf.slice(cut)))).toBe(2);
  });

  it('reads the spoiled pages as typed: numbers and ranges; anything else is not read', () => {
    expect(parsePages('2')).toEqual([2]);
    expect(parsePages('2, 5-7')).toEqual([2, 5, 6, 7]);
    expect(parsePages(' 3 – 4 ; 9 ')).toEqual([3, 4, 9]);
    expect(parsePages('1 2')).toEqual([1, 2]);
    for (const bad of ['', ' ', 'deux', '2,x', '7-5', '-3', '1-2000', '2.5']) expect([bad, parsePages(bad)]).toEqual([bad, null]);
  });
});
