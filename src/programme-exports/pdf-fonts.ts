import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The DejaVu Sans files the PDF embeds (subset): Latin with every diacritic, Greek (polytonic too), Cyrillic. */
export interface PdfFonts {
  regular: string;
  bold: string;
}

let resolved: PdfFonts | null = null;

/**
 * Paths of DejaVuSans.ttf and DejaVuSans-Bold.ttf in the dejavu-fonts-ttf package, found by Node's
 * own module resolution from this file (not from the working directory), once.
 */
export function pdfFonts(): PdfFonts {
  if (resolved) return resolved;
  const require = createRequire(import.meta.url);
  const fonts = {
    regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
  for (const file of Object.values(fonts)) if (!existsSync(file)) throw new Error(`Font file missing: ${file}`);
  resolved = fonts;
  return fonts;
}
