import { navSection } from '@/app/nav-section';

/** The referents' monitoring: the animation team compares referents and operators; a referent sees her own. */
export const monitoringRoutes = navSection(
  'readMonitoring',
  { order: 9, labelIf: { can: 'holdCaseload', label: 'myMonitoring' } },
  { path: '/suivi-referents', name: 'monitoring', title: 'monitoring', component: () => import('./components/MonitoringPage.vue') },
);
