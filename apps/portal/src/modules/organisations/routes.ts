import { navSection } from '@/app/nav-section';

// The API lets staff read the list; only the PLIE administrator edits it.
export const organisationsRoutes = navSection(
  'readOrganisations',
  { order: 20 },
  { path: '/admin/organisations', name: 'organisations', title: 'organisations', component: () => import('./components/OrganisationsPage.vue') },
);
