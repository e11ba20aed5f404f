import type { RouteRecordRaw } from 'vue-router';

export const esfRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/operations-fse',
    name: 'esfOperations',
    component: () => import('./components/EsfOperationsPage.vue'),
    // The funded projects the managing authority knows: kept by the administrator and the animation team.
    meta: { can: 'manageEsfOperations', title: 'esfOperations', nav: { label: 'esfOperations', order: 26 } },
  },
  {
    path: '/fse/indicateurs',
    name: 'esfIndicators',
    component: () => import('./components/EsfIndicatorsPage.vue'),
    // What the PLIE reports to the managing authority: the animation team's.
    meta: { can: 'readEsfIndicators', title: 'esfIndicators', nav: { label: 'esfIndicators', order: 27 } },
  },
];
