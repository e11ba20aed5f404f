import { computed, readonly, ref, shallowRef } from 'vue';
import type { RouteMeta } from 'vue-router';
import { apolloClient, type SessionLostReason } from '@/app/apollo';
import type { Capability } from '@jalon/domain';
import { MeDocument, type MembershipSummaryFragment, type ViewerFieldsFragment } from '@/gql/graphql';

export type Viewer = ViewerFieldsFragment;
export type MembershipSummary = MembershipSummaryFragment;

/** The logged-in user, shared by the whole portal: null when nobody is, undefined until first asked. */
const viewer = shallowRef<Viewer | null | undefined>(undefined);
/** Why the user was sent to the login page, shown there once. */
const sessionNotice = ref<SessionLostReason | null>(null);

let pending: Promise<void> | null = null;

/** Asks the API who is logged in, once; route guards wait for it. */
export function ensureViewerLoaded(): Promise<void> {
  if (viewer.value !== undefined) return Promise.resolve();
  pending ??= apolloClient
    .query({ query: MeDocument, fetchPolicy: 'network-only' })
    .then(
      ({ data }) => {
        viewer.value = data?.me ?? null;
      },
      () => {
        // Session just expired (the error link noted why) or the API is unreachable: logged out.
        viewer.value = null;
      },
    )
    .finally(() => {
      pending = null;
    });
  return pending;
}

export function setViewer(next: Viewer | null): void {
  viewer.value = next;
  if (next) sessionNotice.value = null;
}

export function noteSessionLost(reason: SessionLostReason): void {
  // Requests sent after the API cleared an expired session's cookie say NOT_LOGGED_IN: keep the real cause.
  if (reason === 'SESSION_EXPIRED' || sessionNotice.value === null) sessionNotice.value = reason;
}

export function clearSessionNotice(): void {
  sessionNotice.value = null;
}

export function useViewer() {
  const membership = computed(() => viewer.value?.activeMembership ?? null);
  /** What the active membership may do, as the API answers it (`me { can }`, from the one table in packages/domain). */
  const may = (capability: Capability) => viewer.value?.can[capability] ?? false;
  return {
    viewer: readonly(viewer),
    membership,
    sessionNotice: readonly(sessionNotice),
    may,
    /** Whether the active membership may open a page: the capability it declares, if any. */
    mayOpen: (meta: RouteMeta) => !meta.can || may(meta.can),
  };
}
