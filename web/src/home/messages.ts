import { defineMessages } from '../i18n/i18n';

export const homeMessages = defineMessages({
  fr: {
    title: 'Espace du colloque',
    intro: 'Le colloque international « Villes et territoires numériques » et la cérémonie du Label Ville Internet.',
    events: 'Les événements',
    programme: 'Programme',
    cfp: 'Appel à communications',
    loadFailed: 'Impossible de charger les événements.',
  },
  en: {
    title: 'Colloquium space',
    intro: 'The international colloquium « Villes et territoires numériques » and the Label Ville Internet ceremony.',
    events: 'The events',
    programme: 'Programme',
    cfp: 'Call for papers',
    loadFailed: 'The events could not be loaded.',
  },
});
