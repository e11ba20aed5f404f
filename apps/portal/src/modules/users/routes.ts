import type { RouteRecordRaw } from 'vue-router';

export const usersRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/users',
    name: 'users',
    component: () => import('./components/UsersPage.vue'),
    // A partner's administrator manages the people of her own organisation only (the API keeps to it).
    meta: { can: 'manageUsers', title: 'users', nav: { label: 'users', order: 10 } },
  },
];
