/**
 * The menu: each feature adds its entries here with the roles that may use them (the server stays
 * the judge; this only hides what a person cannot do). `roles: null` = everyone, signed in or not;
 * `roles: []` = signed-out people only.
 */
import type { Role } from '../auth/session';
import type { Language } from '../i18n/language';

export interface NavEntry {
  /** A path inside the app (`/me`), or an absolute path outside it (`/desk`) with `external: true`. */
  to: string;
  label: Record<Language, string>;
  roles: Role[] | null;
  external?: boolean;
}

export const NAV: NavEntry[] = [
  { to: '/', label: { fr: 'Accueil', en: 'Home' }, roles: null },
  { to: '/proposals', label: { fr: 'Mes propositions', en: 'My proposals' }, roles: ['speaker'] },
  { to: '/me', label: { fr: 'Mon profil', en: 'My profile' }, roles: ['speaker'] },
  { to: '/events', label: { fr: 'Événements', en: 'Events' }, roles: ['organiser'] },
  { to: '/review', label: { fr: 'Évaluation des propositions', en: 'Reviewing proposals' }, roles: ['organiser'] },
  { to: '/settings', label: { fr: 'Réglages', en: 'Settings' }, roles: ['organiser'] },
  { to: '/account', label: { fr: 'Mon compte', en: 'My account' }, roles: ['organiser', 'reception', 'speaker'] },
  { to: '/labels', label: { fr: 'Label Ville Internet', en: 'Label Ville Internet' }, roles: ['organiser'] },
  { to: '/desk', label: { fr: 'Accueil des participants', en: 'Reception desk' }, roles: ['reception', 'organiser'], external: true },
];

export function visibleEntries(entries: NavEntry[], roles: Role[] | null): NavEntry[] {
  return entries.filter((e) => {
    if (e.roles === null) return true;
    if (roles === null) return e.roles.length === 0;
    return e.roles.some((r) => roles.includes(r));
  });
}
