import type { RouteRecordRaw } from 'vue-router';
import type { MembershipRole } from '@/gql/graphql';

/** Partner organisations see, through consent, the people who share something with them. */
const PARTNERS: readonly MembershipRole[] = ['PARTNER_AGENT', 'PARTNER_ADMIN'];

export const partnerRoutes: RouteRecordRaw[] = [
  {
    path: '/partenaire/personnes',
    name: 'partner-participants',
    component: () => import('./components/PartnerParticipantsPage.vue'),
    meta: { roles: PARTNERS, title: 'partnerParticipants', nav: { label: 'partnerParticipants', order: 5 } },
  },
  {
    path: '/partenaire/personnes/:id',
    name: 'partner-participant',
    component: () => import('./components/PartnerParticipantPage.vue'),
    meta: { roles: PARTNERS, title: 'partnerParticipant', navParent: 'partner-participants' },
  },
];
