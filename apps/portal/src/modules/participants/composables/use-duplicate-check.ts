import { ref, shallowRef } from 'vue';
import { apolloClient } from '@/app/apollo';
import { PossibleDuplicatesDocument, type PossibleDuplicatesQuery } from '@/gql/graphql';

export type PossibleDuplicate = PossibleDuplicatesQuery['possibleDuplicates'][number];

export interface IdentityKey {
  lastName: string;
  firstName: string;
  birthDate: string;
}

const keyOf = (identity: IdentityKey) => `${identity.lastName.trim()}|${identity.firstName.trim()}|${identity.birthDate}`;

/**
 * Looks for files of people with the same name and birth date before a new file is created. Asks
 * again only when one of the three changed; the last answer stays until then.
 */
export function useDuplicateCheck() {
  const duplicates = shallowRef<PossibleDuplicate[]>([]);
  const checking = ref(false);
  const failed = ref(false);
  let checkedKey: string | null = null;
  let pending: Promise<PossibleDuplicate[]> | null = null;

  function isComplete(identity: IdentityKey): boolean {
    return Boolean(identity.lastName.trim() && identity.firstName.trim() && /^\d{4}-\d{2}-\d{2}$/.test(identity.birthDate));
  }

  /** The possible duplicates for this identity (none when it is incomplete); a failed lookup counts as none. */
  async function check(identity: IdentityKey): Promise<PossibleDuplicate[]> {
    if (!isComplete(identity)) {
      checkedKey = null;
      duplicates.value = [];
      return [];
    }
    const key = keyOf(identity);
    if (key === checkedKey) return pending ?? duplicates.value;
    checkedKey = key;
    checking.value = true;
    failed.value = false;
    pending = apolloClient
      .query({
        query: PossibleDuplicatesDocument,
        variables: { lastName: identity.lastName.trim(), firstName: identity.firstName.trim(), birthDate: identity.birthDate },
        fetchPolicy: 'network-only',
      })
      .then(
        ({ data }) => data?.possibleDuplicates ?? [],
        () => {
          // The API still refuses a duplicate on creation (field confirmNotDuplicate): the form asks again then.
          if (checkedKey === key) {
            failed.value = true;
            checkedKey = null;
          }
          return [] as PossibleDuplicate[];
        },
      );
    const found = await pending;
    // A newer lookup (the name was changed meanwhile) has the last word.
    if (checkedKey === key || checkedKey === null) {
      duplicates.value = found;
      checking.value = false;
      pending = null;
    }
    return found;
  }

  return { duplicates, checking, failed, check };
}
