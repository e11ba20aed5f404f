import type { RouteRecordRaw } from 'vue-router';
import { navSection } from '@/app/nav-section';

/**
 * The participant's own space (her session is not a staff one: public and bare pages, which read
 * her data through her own operations only), and the animation team's list of her requests.
 */
export const participantSpaceRoutes: RouteRecordRaw[] = [
  {
    path: '/mon-espace/connexion',
    name: 'mySpaceSignIn',
    component: () => import('./components/MySpaceSignInPage.vue'),
    meta: { public: true, bare: true, title: 'mySpaceSignIn' },
  },
  {
    path: '/mon-espace',
    name: 'mySpace',
    component: () => import('./components/MySpacePage.vue'),
    meta: { public: true, bare: true, title: 'mySpace' },
  },
  ...navSection(
    'answerRightsRequests',
    { order: 9.5 },
    {
      path: '/demandes-rgpd',
      name: 'rightsRequests',
      title: 'rightsRequests',
      component: () => import('./components/RightsRequestsPage.vue'),
    },
  ),
];
