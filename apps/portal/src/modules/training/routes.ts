import { navSection } from '@/app/nav-section';

/** Training operators report each month on their trainees' attendance, and on how the training ended. */
export const trainingRoutes = navSection(
  'reportOnTraining',
  { order: 7.5 },
  { path: '/partenaire/formations', name: 'training-reports', title: 'trainingReports', component: () => import('./components/TrainingMonthPage.vue') },
);
