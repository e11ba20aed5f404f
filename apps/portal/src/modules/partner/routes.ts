import type { RouteRecordRaw } from 'vue-router';

/** Partner organisations see, through consent, the people who share something with them. */
export const partnerRoutes: RouteRecordRaw[] = [
  {
    path: '/partenaire/personnes',
    name: 'partner-participants',
    component: () => import('./components/PartnerParticipantsPage.vue'),
    meta: { can: 'followSharedParticipants', title: 'partnerParticipants', nav: { label: 'partnerParticipants', order: 5 } },
  },
  {
    path: '/partenaire/personnes/:id',
    name: 'partner-participant',
    component: () => import('./components/PartnerParticipantPage.vue'),
    meta: { can: 'followSharedParticipants', title: 'partnerParticipant', navParent: 'partner-participants' },
  },
];
