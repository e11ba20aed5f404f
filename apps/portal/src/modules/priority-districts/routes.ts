import type { RouteRecordRaw } from 'vue-router';

export const priorityDistrictsRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/quartiers',
    name: 'districts',
    component: () => import('./components/DistrictsPage.vue'),
    // The PLIE's reference list of priority districts (QPV): kept by its administrator and animation team.
    meta: { can: 'manageDistricts', title: 'districts', nav: { label: 'districts', order: 25 } },
  },
];
