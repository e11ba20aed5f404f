import { navSection } from '@/app/nav-section';

/** Partner organisations see, through consent, the people who share something with them. */
export const partnerRoutes = navSection(
  'followSharedParticipants',
  { order: 5 },
  {
    path: '/partenaire/personnes',
    name: 'partner-participants',
    title: 'partnerParticipants',
    component: () => import('./components/PartnerParticipantsPage.vue'),
  },
  {
    path: '/partenaire/personnes/:id',
    name: 'partner-participant',
    title: 'partnerParticipant',
    component: () => import('./components/PartnerParticipantPage.vue'),
  },
);
