import { apolloClient } from '@/app/apollo';
import { LogoutDocument, SwitchMembershipDocument } from '@/gql/graphql';
import { setViewer, type Viewer } from './use-viewer';

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Ends the session on the server, then forgets the viewer and every cached answer. */
export async function logout(): Promise<ActionResult<null>> {
  try {
    await apolloClient.mutate({ mutation: LogoutDocument });
  } catch (error) {
    return { ok: false, error };
  }
  setViewer(null);
  await apolloClient.clearStore();
  return { ok: true, value: null };
}

/**
 * Acts through another membership (possibly in another PLIE): the cache holds the previous
 * tenant's data, so it is emptied before the new viewer is published and the pages reload.
 */
export async function switchMembership(membershipId: string): Promise<ActionResult<Viewer>> {
  let next: Viewer;
  try {
    const { data } = await apolloClient.mutate({ mutation: SwitchMembershipDocument, variables: { membershipId } });
    if (!data) throw new Error('switchMembership returned no data');
    next = data.switchMembership;
  } catch (error) {
    return { ok: false, error };
  }
  await apolloClient.clearStore();
  setViewer(next);
  return { ok: true, value: next };
}
