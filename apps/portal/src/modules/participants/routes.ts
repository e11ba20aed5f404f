import type { RouteRecordRaw } from 'vue-router';

/** PLIE staff follow participants; partners reach them only through consent (not in these pages). */
export const participantsRoutes: RouteRecordRaw[] = [
  {
    path: '/participants',
    name: 'participants',
    component: () => import('./components/ParticipantsPage.vue'),
    // A referent's list is her caseload: « Mes participants ».
    meta: {
      can: 'followParticipants',
      title: 'participants',
      nav: { label: 'participants', labelIf: { can: 'holdCaseload', label: 'myParticipants' }, order: 5 },
    },
  },
  {
    path: '/participants/new',
    name: 'participant-new',
    component: () => import('./components/ParticipantCreatePage.vue'),
    meta: { can: 'followParticipants', title: 'participantNew', navParent: 'participants' },
  },
  {
    path: '/participants/:id',
    name: 'participant',
    component: () => import('./components/ParticipantPage.vue'),
    meta: { can: 'followParticipants', title: 'participant', navParent: 'participants' },
  },
];
