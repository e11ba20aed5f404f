import type { RouteRecordRaw } from 'vue-router';

export const usersRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/users',
    name: 'users',
    component: () => import('./components/UsersPage.vue'),
    meta: { roles: ['TENANT_ADMIN'], title: 'users', nav: { label: 'users', order: 10 } },
  },
];
