import type { RouteRecordRaw } from 'vue-router';
import type { MembershipRole } from '@/gql/graphql';

/** Training operators report each month on their trainees' attendance, and on how the training ended. */
const PARTNERS: readonly MembershipRole[] = ['PARTNER_AGENT', 'PARTNER_ADMIN'];

export const trainingRoutes: RouteRecordRaw[] = [
  {
    path: '/partenaire/formations',
    name: 'training-reports',
    component: () => import('./components/TrainingMonthPage.vue'),
    meta: { roles: PARTNERS, organisationKinds: ['TRAINING_OPERATOR'], title: 'trainingReports', nav: { label: 'trainingReports', order: 7.5 } },
  },
];
