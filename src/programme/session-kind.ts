/** Kinds of programme session (séance plénière, atelier, table ronde, conférence invitée, pause, cocktail, cérémonie). */
export const SESSION_KINDS = ['plenary', 'workshop', 'round-table', 'keynote', 'break', 'reception', 'ceremony'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_KIND_LABELS: Readonly<Record<SessionKind, { fr: string; en: string }>> = {
  plenary: { fr: 'Séance plénière', en: 'Plenary session' },
  workshop: { fr: 'Atelier', en: 'Workshop' },
  'round-table': { fr: 'Table ronde', en: 'Round table' },
  keynote: { fr: 'Conférence invitée', en: 'Keynote' },
  break: { fr: 'Pause', en: 'Break' },
  reception: { fr: 'Cocktail', en: 'Reception' },
  ceremony: { fr: 'Cérémonie', en: 'Ceremony' },
};
