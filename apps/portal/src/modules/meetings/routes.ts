import { navSection } from '@/app/nav-section';

/**
 * Staff plan and run the PLIE's meetings; referents also put the people they follow on an agenda.
 * Invited partner organisations read their share of a meeting: each person only as far as she agreed.
 */
export const meetingsRoutes = [
  ...navSection(
    'runMeetings',
    { order: 8 },
    { path: '/reunions', name: 'meetings', title: 'meetings', component: () => import('./components/MeetingsPage.vue') },
    { path: '/reunions/:id', name: 'meeting', title: 'meeting', component: () => import('./components/MeetingPage.vue') },
  ),
  // Partner screens (invited organisations) go below this line.
  ...navSection(
    'followSharedParticipants',
    { order: 6.5 },
    {
      path: '/partenaire/reunions',
      name: 'partner-meetings',
      title: 'partnerMeetings',
      component: () => import('./partner/components/PartnerMeetingsPage.vue'),
    },
    {
      path: '/partenaire/reunions/:id',
      name: 'partner-meeting',
      title: 'partnerMeeting',
      component: () => import('./partner/components/PartnerMeetingPage.vue'),
    },
  ),
];
