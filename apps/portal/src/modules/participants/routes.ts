import { navSection } from '@/app/nav-section';

/** PLIE staff follow participants; partners reach them only through consent (not in these pages). */
export const participantsRoutes = navSection(
  'followParticipants',
  { order: 5, labelIf: { can: 'holdCaseload', label: 'myParticipants' } },
  // A referent's list is her caseload: « Mes participants ».
  { path: '/participants', name: 'participants', title: 'participants', component: () => import('./components/ParticipantsPage.vue') },
  { path: '/participants/new', name: 'participant-new', title: 'participantNew', component: () => import('./components/ParticipantCreatePage.vue') },
  { path: '/participants/:id', name: 'participant', title: 'participant', component: () => import('./components/ParticipantPage.vue') },
);
