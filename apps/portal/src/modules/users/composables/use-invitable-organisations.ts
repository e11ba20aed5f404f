import { computed } from 'vue';
import { useViewer } from '@/composables/use-viewer';
import { useOrganisationChoices, type OrganisationChoice } from '@/modules/organisations/composables/use-organisation-choices';

/**
 * The organisations whose people the viewer administers: every organisation of the PLIE for its
 * administrator; her own only for a partner's administrator (who may not list the others).
 */
export function useInvitableOrganisations() {
  const { membership, hasRole } = useViewer();
  if (!hasRole(['PARTNER_ADMIN'])) return { ...useOrganisationChoices(), ownOnly: false };
  const own = computed<OrganisationChoice[]>(() => (membership.value ? [membership.value.organisation] : []));
  return { choices: own, loading: computed(() => false), error: computed(() => undefined), reload: () => Promise.resolve(), ownOnly: true };
}
