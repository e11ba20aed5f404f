import type { RouteRecordRaw } from 'vue-router';

export const authRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./components/LoginPage.vue'),
    meta: { public: true, guestOnly: true, bare: true, title: 'login' },
  },
  {
    path: '/invitation/:token',
    name: 'invitation',
    component: () => import('./components/InvitationPage.vue'),
    props: true,
    meta: { public: true, bare: true, title: 'invitation' },
  },
];
