import { navSection } from '@/app/nav-section';

/** Employers of assisted contracts (integration companies above all) report each month on their employees. */
export const contractsRoutes = navSection(
  'reportOnContracts',
  { order: 7 },
  { path: '/partenaire/comptes-rendus', name: 'contract-reports', title: 'contractReports', component: () => import('./components/ContractMonthPage.vue') },
);
