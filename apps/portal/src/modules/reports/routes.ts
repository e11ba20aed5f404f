import type { RouteRecordRaw } from 'vue-router';

/** The activity report (« bilan d'activité »): the animation team's whole PLIE, a referent's own caseload. */
export const reportsRoutes: RouteRecordRaw[] = [
  {
    path: '/bilan',
    name: 'activity-report',
    component: () => import('./components/ActivityReportPage.vue'),
    meta: { can: 'readActivityReports', title: 'activityReport', nav: { label: 'activityReport', order: 9 } },
  },
];
