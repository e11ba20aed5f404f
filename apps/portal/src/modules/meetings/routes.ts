import type { RouteRecordRaw } from 'vue-router';

/**
 * Staff plan and run the PLIE's meetings; referents also put the people they follow on an agenda.
 * Invited partner organisations read their share of a meeting: each person only as far as she agreed.
 */
export const meetingsRoutes: RouteRecordRaw[] = [
  {
    path: '/reunions',
    name: 'meetings',
    component: () => import('./components/MeetingsPage.vue'),
    meta: { can: 'runMeetings', title: 'meetings', nav: { label: 'meetings', order: 8 } },
  },
  {
    path: '/reunions/:id',
    name: 'meeting',
    component: () => import('./components/MeetingPage.vue'),
    meta: { can: 'runMeetings', title: 'meeting', navParent: 'meetings' },
  },
  // Partner screens (invited organisations) go below this line.
  {
    path: '/partenaire/reunions',
    name: 'partner-meetings',
    component: () => import('./partner/components/PartnerMeetingsPage.vue'),
    meta: { can: 'followSharedParticipants', title: 'partnerMeetings', nav: { label: 'partnerMeetings', order: 6.5 } },
  },
  {
    path: '/partenaire/reunions/:id',
    name: 'partner-meeting',
    component: () => import('./partner/components/PartnerMeetingPage.vue'),
    meta: { can: 'followSharedParticipants', title: 'partnerMeeting', navParent: 'partner-meetings' },
  },
];
