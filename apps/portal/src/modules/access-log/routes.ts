import type { RouteRecordRaw } from 'vue-router';

export const accessLogRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/consultations',
    name: 'access-log',
    component: () => import('./components/AccessLogPage.vue'),
    // Who, among the partners, read what of which participant: reviewed by the PLIE's administrator and animation team.
    meta: { can: 'readAccessLog', title: 'accessLog', nav: { label: 'accessLog', order: 27 } },
  },
];
