import type { RouteRecordRaw } from 'vue-router';
import type { MembershipRole } from '@/gql/graphql';

/** PLIE staff follow participants; partners reach them only through consent (not in these pages). */
const STAFF: readonly MembershipRole[] = ['REFERENT', 'ANIMATION_TEAM', 'TENANT_ADMIN'];

export const participantsRoutes: RouteRecordRaw[] = [
  {
    path: '/participants',
    name: 'participants',
    component: () => import('./components/ParticipantsPage.vue'),
    // A referent's list is her caseload: « Mes participants ».
    meta: { roles: STAFF, title: 'participants', nav: { label: 'participants', roleLabels: { REFERENT: 'myParticipants' }, order: 5 } },
  },
  {
    path: '/participants/new',
    name: 'participant-new',
    component: () => import('./components/ParticipantCreatePage.vue'),
    meta: { roles: STAFF, title: 'participantNew', navParent: 'participants' },
  },
  {
    path: '/participants/:id',
    name: 'participant',
    component: () => import('./components/ParticipantPage.vue'),
    meta: { roles: STAFF, title: 'participant', navParent: 'participants' },
  },
];
