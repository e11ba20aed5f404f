import type { RouteRecordRaw } from 'vue-router';
import type { MembershipRole, OrganisationKind } from '@/gql/graphql';

/** Staff plan and run the PLIE's meetings; referents also put the people they follow on an agenda. */
const STAFF: readonly MembershipRole[] = ['TENANT_ADMIN', 'ANIMATION_TEAM', 'REFERENT'];
/** Invited partner organisations read their share of a meeting: each person only as far as she agreed. */
const PARTNERS: readonly MembershipRole[] = ['PARTNER_AGENT', 'PARTNER_ADMIN'];
const PARTNER_KINDS: readonly OrganisationKind[] = ['COMMUNE', 'INTEGRATION_COMPANY', 'TRAINING_OPERATOR', 'OTHER_PARTNER'];

export const meetingsRoutes: RouteRecordRaw[] = [
  {
    path: '/reunions',
    name: 'meetings',
    component: () => import('./components/MeetingsPage.vue'),
    meta: { roles: STAFF, title: 'meetings', nav: { label: 'meetings', order: 8 } },
  },
  {
    path: '/reunions/:id',
    name: 'meeting',
    component: () => import('./components/MeetingPage.vue'),
    meta: { roles: STAFF, title: 'meeting', navParent: 'meetings' },
  },
  // Partner screens (invited organisations) go below this line.
  {
    path: '/partenaire/reunions',
    name: 'partner-meetings',
    component: () => import('./partner/components/PartnerMeetingsPage.vue'),
    meta: { roles: PARTNERS, organisationKinds: PARTNER_KINDS, title: 'partnerMeetings', nav: { label: 'partnerMeetings', order: 6.5 } },
  },
  {
    path: '/partenaire/reunions/:id',
    name: 'partner-meeting',
    component: () => import('./partner/components/PartnerMeetingPage.vue'),
    meta: { roles: PARTNERS, organisationKinds: PARTNER_KINDS, title: 'partnerMeeting', navParent: 'partner-meetings' },
  },
];
