import type { RouteRecordRaw } from 'vue-router';

/** Employers of assisted contracts (integration companies above all) report each month on their employees. */
export const contractsRoutes: RouteRecordRaw[] = [
  {
    path: '/partenaire/comptes-rendus',
    name: 'contract-reports',
    component: () => import('./components/ContractMonthPage.vue'),
    meta: { can: 'reportOnContracts', title: 'contractReports', nav: { label: 'contractReports', order: 7 } },
  },
];
