import type { RouteRecordRaw } from 'vue-router';

/** Training operators report each month on their trainees' attendance, and on how the training ended. */
export const trainingRoutes: RouteRecordRaw[] = [
  {
    path: '/partenaire/formations',
    name: 'training-reports',
    component: () => import('./components/TrainingMonthPage.vue'),
    meta: { can: 'reportOnTraining', title: 'trainingReports', nav: { label: 'trainingReports', order: 7.5 } },
  },
];
