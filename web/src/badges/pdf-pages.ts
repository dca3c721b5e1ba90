/**
 * Counts the pages of a PDF as its bytes stream in: pdfkit writes each page's object (`/Type /Page`)
 * once the page is drawn, so the count of those seen so far is how far the server has drawn the job.
 * Keeps the end of each chunk, so that a marker cut between two chunks is still counted, and once. A
 * marker that ends a chunk is only counted with the next one: until its next byte is seen, it may be
 * the start of `/Type /Pages` (the page tree, not a page).
 */
const MARKER = /\/Type\s*\/Page(?![a-zA-Z])/g;
const KEEP = 32;

export function countPdfPages(): { push(chunk: Uint8Array): number } {
  const decoder = new TextDecoder('latin1');
  let tail = '';
  // markers ending at or before this index of `tail` were already decided (counted, or not markers)
  let decided = 0;
  let pages = 0;
  return {
    push(chunk) {
      const text = tail + decoder.decode(chunk, { stream: true });
      for (const m of text.matchAll(MARKER)) {
        const end = (m.index ?? 0) + m[0].length;
        if (end > decided && end < text.length) pages++;
      }
      tail = text.slice(-KEEP);
      // every index but the last is decided now: a marker ending there has a byte after it
      decided = Math.max(tail.length - 1, 0);
      return pages;
    },
  };
}
