import { navSection } from '@/app/nav-section';

// The PLIE's reference list of priority districts (QPV): kept by its administrator and animation team.
export const priorityDistrictsRoutes = navSection(
  'manageDistricts',
  { order: 25 },
  { path: '/admin/quartiers', name: 'districts', title: 'districts', component: () => import('./components/DistrictsPage.vue') },
);
