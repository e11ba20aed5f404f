import type { RouteRecordRaw } from 'vue-router';

/** Partners refer people to the PLIE and follow what became of their referrals (never the file itself). The animation team decides on referrals; referents may read the inbox. */
export const referralsRoutes: RouteRecordRaw[] = [
  {
    path: '/partenaire/orientations',
    name: 'partner-referrals',
    component: () => import('./components/PartnerReferralsPage.vue'),
    meta: { can: 'followSharedParticipants', title: 'partnerReferrals', nav: { label: 'partnerReferrals', order: 6 } },
  },
  {
    path: '/partenaire/orientations/nouvelle',
    name: 'partner-referral-new',
    component: () => import('./components/ReferralFormPage.vue'),
    meta: { can: 'followSharedParticipants', title: 'referralNew', navParent: 'partner-referrals' },
  },
  {
    path: '/orientations',
    name: 'referrals',
    component: () => import('./components/ReferralInboxPage.vue'),
    meta: { can: 'followParticipants', title: 'referrals', nav: { label: 'referrals', order: 6 } },
  },
  {
    path: '/orientations/:id',
    name: 'referral',
    component: () => import('./components/ReferralPage.vue'),
    meta: { can: 'followParticipants', title: 'referral', navParent: 'referrals' },
  },
];
