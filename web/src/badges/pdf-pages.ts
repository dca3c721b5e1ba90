/**
 * Counts the pages of a PDF as its bytes stream in: pdfkit writes each page's object (`/Type /Page`)
 * once the page is drawn, so the count of those seen so far is how far the server has drawn the job.
 * Keeps the end of each chunk, so that a marker cut between two chunks is still counted, and once; a
 * marker at the very end of the bytes so far waits for the next character (`/Pages` is not a page).
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
      // A marker is counted once its end is decided: one more character must follow it (at the end of a
      // chunk, `/Type /Page` may still become `/Type /Pages`). A marker ending before the kept tail's end
      // was decided, and counted, with the chunk before.
      for (const m of text.matchAll(MARKER)) {
        const end = (m.index ?? 0) + m[0].length;
        if (end >= tail.length && end < text.length) pages++;
      }
      tail = text.slice(-KEEP);
      return pages;
    },
  };
}
