import type { RouteRecordRaw } from 'vue-router';

export const homeRoutes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('./components/HomePage.vue'),
    meta: { title: 'home', nav: { label: 'home', order: 0 } },
  },
];
