import { navSection } from '@/app/nav-section';

/** Partners refer people to the PLIE and follow what became of their referrals (never the file itself). The animation team decides on referrals; referents may read the inbox. */
export const referralsRoutes = [
  ...navSection(
    'followSharedParticipants',
    { order: 6 },
    {
      path: '/partenaire/orientations',
      name: 'partner-referrals',
      title: 'partnerReferrals',
      component: () => import('./components/PartnerReferralsPage.vue'),
    },
    {
      path: '/partenaire/orientations/nouvelle',
      name: 'partner-referral-new',
      title: 'referralNew',
      component: () => import('./components/ReferralFormPage.vue'),
    },
  ),
  ...navSection(
    'followParticipants',
    { order: 6 },
    { path: '/orientations', name: 'referrals', title: 'referrals', component: () => import('./components/ReferralInboxPage.vue') },
    { path: '/orientations/:id', name: 'referral', title: 'referral', component: () => import('./components/ReferralPage.vue') },
  ),
];
