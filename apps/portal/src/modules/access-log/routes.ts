import { navSection } from '@/app/nav-section';

// Who, among the partners, read what of which participant: reviewed by the PLIE's administrator and animation team.
export const accessLogRoutes = navSection(
  'readAccessLog',
  { order: 27 },
  { path: '/admin/consultations', name: 'access-log', title: 'accessLog', component: () => import('./components/AccessLogPage.vue') },
);
