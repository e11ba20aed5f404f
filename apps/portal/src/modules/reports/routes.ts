import { navSection } from '@/app/nav-section';

/** The activity report (« bilan d'activité »): the animation team's whole PLIE, a referent's own caseload. */
export const reportsRoutes = navSection(
  'readActivityReports',
  { order: 9 },
  { path: '/bilan', name: 'activity-report', title: 'activityReport', component: () => import('./components/ActivityReportPage.vue') },
);
