import { useI18n } from 'vue-i18n';
import type { InvitationStatus, MembershipRole, OrganisationKind, SiaeKind } from '@/gql/graphql';

export const ROLES: readonly MembershipRole[] = ['TENANT_ADMIN', 'ANIMATION_TEAM', 'REFERENT', 'PARTNER_AGENT', 'PARTNER_ADMIN'];
export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'ANIMATION_TEAM',
  'REFERENT_OPERATOR',
  'COMMUNE',
  'INTEGRATION_COMPANY',
  'TRAINING_OPERATOR',
  'OTHER_PARTNER',
];
export const SIAE_KINDS: readonly SiaeKind[] = ['ACI', 'AI', 'EI', 'EITI', 'ETTI', 'GEIQ'];

/** Translated names for the API's enums and dates in the UI locale. */
export function useLabels() {
  const { t, locale } = useI18n();
  return {
    role: (role: MembershipRole) => t(`enums.role.${role}`),
    kind: (kind: OrganisationKind) => t(`enums.organisationKind.${kind}`),
    siaeKind: (kind: SiaeKind) => t(`enums.siaeKind.${kind}`),
    invitationStatus: (status: InvitationStatus) => t(`enums.invitationStatus.${status}`),
    date: (iso: string) => new Intl.DateTimeFormat(locale.value, { dateStyle: 'long' }).format(new Date(iso)),
    dateTime: (iso: string) => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  };
}
