import type { RouteRecordRaw } from 'vue-router';

/** The referents' monitoring: the animation team compares referents and operators; a referent sees her own. */
export const monitoringRoutes: RouteRecordRaw[] = [
  {
    path: '/suivi-referents',
    name: 'monitoring',
    component: () => import('./components/MonitoringPage.vue'),
    meta: {
      can: 'readMonitoring',
      title: 'monitoring',
      nav: { label: 'monitoring', labelIf: { can: 'holdCaseload', label: 'myMonitoring' }, order: 9 },
    },
  },
];
