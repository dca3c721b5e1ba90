import { countPdfPages } from '../../web/src/badges/pdf-pages.js';

/** The badges page's progress counts `/Type /Page` objects as the PDF streams in, chunk by chunk. */
describe('countPdfPages (the badges page’s progress)', () => {
  const pdf = '%PDF-1.3\n1 0 obj << /Type /Pages /Count 2 >> endobj\n2 0 obj << /Type /Page /Parent 1 0 R >> endobj\n3 0 obj << /Type\n/Page >> endobj\n%%EOF\n';

  it('counts each page once and never the page tree, wherever the chunks are cut', () => {
    for (let size = 1; size <= pdf.length; size++) {
      const counter = countPdfPages();
      let pages = 0;
      for (let at = 0; at < pdf.length; at += size) pages = counter.push(new TextEncoder().encode(pdf.slice(at, at + size)));
      expect([size, pages]).toEqual([size, 2]);
    }
  });

  it('waits for the next byte when a chunk ends on « /Type /Page »: it may be « /Pages »', () => {
    const counter = countPdfPages();
    expect(counter.push(new TextEncoder().encode('<< /Type /Page'))).toBe(0);
    expect(counter.push(new TextEncoder().encode('s /Count 1 >>'))).toBe(0);
    expect(counter.push(new TextEncoder().encode('<< /Type /Page'))).toBe(0);
    expect(counter.push(new TextEncoder().encode(' >>'))).toBe(1);
  });
});
