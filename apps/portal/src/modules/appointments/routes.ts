import { navSection } from '@/app/nav-section';

// A referent's own agenda; the animation team looks at a referent's and books collective sessions for them.
export const appointmentsRoutes = navSection(
  'keepAgenda',
  { order: 7 },
  { path: '/agenda', name: 'agenda', title: 'agenda', component: () => import('./components/AgendaPage.vue') },
);
