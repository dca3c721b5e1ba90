/**
 * Translations: each feature folder keeps its own messages as `{ fr: {...}, en: {...} }` (the
 * English object must have the same keys: `defineMessages` checks it), and reads them with
 * `useT(messages)`. `{name}` placeholders are filled from the second argument.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { storeLanguage, storedLanguage, type Language } from './language';

export type Messages<K extends string> = { fr: Record<K, string>; en: Record<K, string> };

export function defineMessages<K extends string>(messages: { fr: Record<K, string>; en: Record<NoInfer<K>, string> }): Messages<K> {
  return messages;
}

interface I18nState {
  language: Language;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18nState>({ language: 'fr', setLanguage: () => undefined });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLanguage(): I18nState {
  return useContext(I18nContext);
}

export function fill(text: string, values?: Record<string, string | number>): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `const t = useT(messages); t('title')`. */
export function useT<K extends string>(messages: Messages<K>): (key: K, values?: Record<string, string | number>) => string {
  const { language } = useLanguage();
  return useCallback((key: K, values?: Record<string, string | number>) => fill(messages[language][key], values), [messages, language]);
}
