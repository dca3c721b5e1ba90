/** The app's languages: French first, English on a switch (kept in localStorage). */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const KEY = 'colloquium.language';

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // private mode: the choice lasts as long as the page
  }
}
