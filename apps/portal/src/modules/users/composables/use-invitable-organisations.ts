import { computed } from 'vue';
import { useViewer } from '@/composables/use-viewer';
import { useOrganisationChoices, type OrganisationChoice } from '@/modules/organisations/composables/use-organisation-choices';

/**
 * The organisations whose people the viewer administers: every organisation of the PLIE for its
 * administrator; her own only for a partner's administrator (who may not list the others).
 */
export function useInvitableOrganisations() {
  const { membership, may } = useViewer();
  // A partner's administrator is the one who manages users while following only shared participants.
  if (!may('followSharedParticipants')) return { ...useOrganisationChoices(), ownOnly: false };
  const own = computed<OrganisationChoice[]>(() => (membership.value ? [membership.value.organisation] : []));
  return { choices: own, loading: computed(() => false), error: computed(() => undefined), reload: () => Promise.resolve(), ownOnly: true };
}
