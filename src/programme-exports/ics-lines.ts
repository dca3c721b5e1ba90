/** UTF-8 length of a code point. */
function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line as RFC 5545 §3.1 asks: at most 75 octets a line, continuation lines
 * starting with one space, never inside a UTF-8 character (nor between the halves of a surrogate
 * pair). Counts octets from code points, without encoding: ical-generator's own folder encodes
 * each character separately, which took seconds on a programme of a few thousand items.
 */
export function foldContentLine(line: string): string {
  if (line.length <= 25 || (line.length <= 75 && Buffer.byteLength(line, 'utf8') <= 75)) return line;
  let out = '';
  let start = 0;
  let size = 0;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i)!;
    const width = octets(codePoint);
    if (size + width > 75) {
      out += `${line.slice(start, i)}\r\n `;
      start = i;
      size = 1;
    }
    size += width;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return out + line.slice(start);
}

/** Folds every line of an iCalendar text (lines end with CRLF). */
export function foldContentLines(text: string): string {
  return text.split('\r\n').map(foldContentLine).join('\r\n');
}
