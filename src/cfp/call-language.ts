/** The languages a proposal can be written in. */
export const CALL_LANGUAGES = ['fr', 'en'] as const;
export type CallLanguage = (typeof CALL_LANGUAGES)[number];
