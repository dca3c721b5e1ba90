/**
 * Counts the pages of a PDF as its bytes stream in: pdfkit writes each page's object (`/Type /Page`)
 * once the page is drawn, so the count of those seen so far is how far the server has drawn the job.
 * Keeps the end of each chunk, so that a marker cut between two chunks is still counted, and once.
 */
const MARKER = /\/Type\s*\/Page(?![a-zA-Z])/g;
const KEEP = 32;

export function countPdfPages(): { push(chunk: Uint8Array): number } {
  const decoder = new TextDecoder('latin1');
  let tail = '';
  let pages = 0;
  return {
    push(chunk) {
      const text = tail + decoder.decode(chunk, { stream: true });
      // a marker lying wholly in the kept tail was counted with the chunk before
      for (const m of text.matchAll(MARKER)) if ((m.index ?? 0) + m[0].length > tail.length) pages++;
      tail = text.slice(-KEEP);
      return pages;
    },
  };
}
