import type { RouteRecordRaw } from 'vue-router';

export const appointmentsRoutes: RouteRecordRaw[] = [
  {
    path: '/agenda',
    name: 'agenda',
    component: () => import('./components/AgendaPage.vue'),
    // A referent's own agenda; the animation team looks at a referent's and books collective sessions for them.
    meta: { can: 'keepAgenda', title: 'agenda', nav: { label: 'agenda', order: 7 } },
  },
];
