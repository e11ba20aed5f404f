import { navSection } from '@/app/nav-section';

/** The social clauses the PLIE facilitates: its staff, as the companies. */
export const socialClausesRoutes = [
  ...navSection(
    'followCompanies',
    { order: 8.6 },
    {
      path: '/clauses-sociales',
      name: 'socialClauses',
      title: 'socialClauses',
      component: () => import('./components/SocialClausesPage.vue'),
    },
  ),
];
