import { computed, ref, shallowRef } from 'vue';
import { apolloClient } from '@/app/apollo';
import { OrganisationChoicesDocument, type OrganisationChoicesQuery } from '@/gql/graphql';

export type OrganisationChoice = OrganisationChoicesQuery['organisations']['edges'][number]['node'];

const PAGE = 100; // the API's largest page
const MAX_PAGES = 20;

async function fetchPage(after: string | null): Promise<OrganisationChoicesQuery | undefined> {
  const { data } = await apolloClient.query({ query: OrganisationChoicesDocument, variables: { page: { first: PAGE, after } }, fetchPolicy: 'network-only' });
  return data;
}

/** Every active organisation of the PLIE (name and kind), for selects: all pages, by name. */
export function useOrganisationChoices() {
  const choices = shallowRef<OrganisationChoice[]>([]);
  const loading = ref(true);
  const error = shallowRef<unknown>();

  async function load(): Promise<void> {
    loading.value = true;
    error.value = undefined;
    try {
      const all: OrganisationChoice[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const data = await fetchPage(after);
        if (!data) break;
        all.push(...data.organisations.edges.map((edge) => edge.node));
        if (!data.organisations.pageInfo.hasNextPage) break;
        after = data.organisations.pageInfo.endCursor;
      }
      choices.value = all;
    } catch (failure) {
      error.value = failure;
    } finally {
      loading.value = false;
    }
  }

  void load();
  /** As SelectField lists them. */
  const options = computed(() => choices.value.map((o) => ({ value: o.id, label: o.name })));
  return { choices, options, loading, error, reload: load };
}
