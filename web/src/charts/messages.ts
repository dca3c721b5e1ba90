import { defineMessages } from '../i18n/i18n';

/** The words every chart uses: the switch that shows its table of numbers. */
export const chartMessages = defineMessages({
  fr: {
    showTable: 'Afficher le tableau des chiffres',
    hideTable: 'Masquer le tableau des chiffres',
    highlighted: 'mis en évidence',
    total: 'Total',
  },
  en: {
    showTable: 'Show the table of figures',
    hideTable: 'Hide the table of figures',
    highlighted: 'highlighted',
    total: 'Total',
  },
});
