import { navSection } from '@/app/nav-section';

// A partner's administrator manages the people of her own organisation only (the API keeps to it).
export const usersRoutes = navSection(
  'manageUsers',
  { order: 10 },
  { path: '/admin/users', name: 'users', title: 'users', component: () => import('./components/UsersPage.vue') },
);
