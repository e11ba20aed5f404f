import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useToast } from 'primevue/usetoast';
import { apolloClient } from '@/app/apollo';
import { ParticipantDocument } from '@/gql/graphql';
import { staffFile, type StaffParticipantFile } from '../staff-file';

/**
 * Reads a file again from the server for a form refused with a CONFLICT (someone saved a newer
 * version). The cache is updated, so every part of the page shows the latest data; `reload` gives
 * what was read to `then` (to put it in the form) and says so, or says on the form that it failed.
 */
export function useParticipantReload(form: { formError: Ref<string | null> }) {
  const { t } = useI18n();
  const toast = useToast();
  const reloading = ref(false);

  async function read(id: string): Promise<StaffParticipantFile | null> {
    reloading.value = true;
    try {
      const { data } = await apolloClient.query({ query: ParticipantDocument, variables: { id }, fetchPolicy: 'network-only' });
      return data?.participant ? staffFile(data.participant) : null;
    } catch {
      return null;
    } finally {
      reloading.value = false;
    }
  }

  async function reload(id: string, then: (fresh: StaffParticipantFile) => void, summary = t('participantFile.reloaded')): Promise<void> {
    const fresh = await read(id);
    if (!fresh) {
      form.formError.value = t('app.networkError');
      return;
    }
    then(fresh);
    toast.add({ severity: 'info', summary, life: 6000 });
  }

  return { reload, reloading };
}
