import type { Locale } from './i18n';

/** The few PrimeVue built-in texts the portal's components show or announce. */
export const primeVueLocales: Record<
  Locale,
  { accept: string; reject: string; emptyMessage: string; emptyFilterMessage: string; emptySearchMessage: string; aria: Record<string, string> }
> = {
  fr: {
    accept: 'Oui',
    reject: 'Non',
    emptyMessage: 'Aucune option disponible',
    emptyFilterMessage: 'Aucun résultat',
    emptySearchMessage: 'Aucun résultat',
    aria: {
      close: 'Fermer',
      previous: 'Précédent',
      next: 'Suivant',
      navigation: 'Navigation',
      selectRow: 'Ligne sélectionnée',
      unselectRow: 'Ligne désélectionnée',
    },
  },
  en: {
    accept: 'Yes',
    reject: 'No',
    emptyMessage: 'No available options',
    emptyFilterMessage: 'No results found',
    emptySearchMessage: 'No results found',
    aria: { close: 'Close', previous: 'Previous', next: 'Next', navigation: 'Navigation', selectRow: 'Row selected', unselectRow: 'Row unselected' },
  },
};
