import { navSection } from '@/app/nav-section';

export const esfRoutes = [
  // The funded projects the managing authority knows: kept by the administrator and the animation team.
  ...navSection(
    'manageEsfOperations',
    { order: 26 },
    { path: '/admin/operations-fse', name: 'esfOperations', title: 'esfOperations', component: () => import('./components/EsfOperationsPage.vue') },
  ),
  // What the PLIE reports to the managing authority: the animation team's.
  ...navSection(
    'readEsfIndicators',
    { order: 27 },
    { path: '/fse/indicateurs', name: 'esfIndicators', title: 'esfIndicators', component: () => import('./components/EsfIndicatorsPage.vue') },
  ),
];
