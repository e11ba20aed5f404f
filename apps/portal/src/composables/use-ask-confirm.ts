import { useConfirm } from 'primevue/useconfirm';
import { useI18n } from 'vue-i18n';

export interface ConfirmQuestion {
  header: string;
  message: string;
  acceptLabel: string;
  /** The button that keeps things as they are; « Annuler » unless told. */
  keepLabel?: string;
  /** An action that takes something away (the default) shows its button in red. */
  danger?: boolean;
  accept: () => unknown;
}

/**
 * Asks before an action that cannot be taken back. The button that keeps things as they are has
 * the focus, so that Enter pressed by habit does no harm.
 */
export function useAskConfirm(): (question: ConfirmQuestion) => void {
  const confirm = useConfirm();
  const { t } = useI18n();
  return ({ header, message, acceptLabel, keepLabel, danger = true, accept }) =>
    confirm.require({
      header,
      message,
      icon: 'pi pi-exclamation-triangle',
      defaultFocus: 'reject',
      rejectProps: { label: keepLabel ?? t('app.cancel'), severity: 'secondary', outlined: true },
      acceptProps: danger ? { label: acceptLabel, severity: 'danger' } : { label: acceptLabel },
      accept: () => void accept(),
    });
}
