import type { RouteRecordRaw } from 'vue-router';
import type { MembershipRole, OrganisationKind } from '@/gql/graphql';

/** Employers of assisted contracts (integration companies above all) report each month on their employees. */
const PARTNERS: readonly MembershipRole[] = ['PARTNER_AGENT', 'PARTNER_ADMIN'];
const EMPLOYERS: readonly OrganisationKind[] = ['INTEGRATION_COMPANY', 'TRAINING_OPERATOR', 'OTHER_PARTNER'];

export const contractsRoutes: RouteRecordRaw[] = [
  {
    path: '/partenaire/comptes-rendus',
    name: 'contract-reports',
    component: () => import('./components/ContractMonthPage.vue'),
    meta: { roles: PARTNERS, organisationKinds: EMPLOYERS, title: 'contractReports', nav: { label: 'contractReports', order: 7 } },
  },
];
