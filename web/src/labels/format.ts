import type { Language } from '../i18n/language';

/** « 12,3 Ko » / « 12.3 KB ». */
export function formatBytes(bytes: number, language: Language): string {
  const fr = language === 'fr';
  const number = (n: number) => n.toLocaleString(fr ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} ${fr ? 'o' : 'B'}`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} ${fr ? 'Ko' : 'KB'}`;
  return `${number(bytes / 1024 / 1024)} ${fr ? 'Mo' : 'MB'}`;
}
