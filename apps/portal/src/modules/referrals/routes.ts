import type { RouteRecordRaw } from 'vue-router';
import type { MembershipRole } from '@/gql/graphql';

/** Partners refer people to the PLIE and follow what became of their referrals (never the file itself). */
const PARTNERS: readonly MembershipRole[] = ['PARTNER_AGENT', 'PARTNER_ADMIN'];
/** The animation team decides on referrals; referents may read the inbox. */
const STAFF: readonly MembershipRole[] = ['TENANT_ADMIN', 'ANIMATION_TEAM', 'REFERENT'];

export const referralsRoutes: RouteRecordRaw[] = [
  {
    path: '/partenaire/orientations',
    name: 'partner-referrals',
    component: () => import('./components/PartnerReferralsPage.vue'),
    meta: { roles: PARTNERS, title: 'partnerReferrals', nav: { label: 'partnerReferrals', order: 6 } },
  },
  {
    path: '/partenaire/orientations/nouvelle',
    name: 'partner-referral-new',
    component: () => import('./components/ReferralFormPage.vue'),
    meta: { roles: PARTNERS, title: 'referralNew', navParent: 'partner-referrals' },
  },
  {
    path: '/orientations',
    name: 'referrals',
    component: () => import('./components/ReferralInboxPage.vue'),
    meta: { roles: STAFF, title: 'referrals', nav: { label: 'referrals', order: 6 } },
  },
  {
    path: '/orientations/:id',
    name: 'referral',
    component: () => import('./components/ReferralPage.vue'),
    meta: { roles: STAFF, title: 'referral', navParent: 'referrals' },
  },
];
