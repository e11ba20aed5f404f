import { useI18n } from 'vue-i18n';
import { useLabels } from '@/composables/use-labels';
import type { ConsentEffect, ConsentEventAction, ConsentFieldsFragment, ConsentMethod, ConsentPurpose } from '@/gql/graphql';
import type { StatusKey } from '../consent-rules';

/** French (or English) words for consents: data classes, purposes, methods, statuses, grantees. */
export function useConsentLabels() {
  const { t, te } = useI18n();
  const labels = useLabels();
  /** A data class (or IDENTIFICATION in the access log); an unknown code as it is. */
  const dataClass = (value: string) => (te(`consent.dataClass.${value}`) ? t(`consent.dataClass.${value}`) : value);
  return {
    dataClass,
    dataClasses: (values: readonly string[]) => values.map(dataClass).join(', '),
    purpose: (value: ConsentPurpose) => t(`consent.purpose.${value}`),
    method: (value: ConsentMethod) => t(`consent.method.${value}`),
    effect: (value: ConsentEffect) => t(`consent.effect.${value}`),
    status: (value: StatusKey) => t(`consent.status.${value}`),
    event: (value: ConsentEventAction) => t(`consent.event.${value}`),
    /** « Mission locale » or « Toutes les structures : Commune ». */
    grantee: (consent: Pick<ConsentFieldsFragment, 'granteeOrganisation' | 'granteeKind'>) =>
      consent.granteeOrganisation?.name ?? (consent.granteeKind ? t('consent.allOfKind', { kind: labels.kind(consent.granteeKind) }) : ''),
  };
}
