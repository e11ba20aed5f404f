import { navSection } from '@/app/nav-section';

/** Office hours (« permanences »): the animation team assigns referents; referents publish theirs; a commune books them. */
export const officeHoursRoutes = [
  ...navSection(
    'assignOfficeHours',
    { order: 7.5 },
    {
      path: '/permanences/affectations',
      name: 'office-hours-assignments',
      title: 'officeHoursAssignments',
      component: () => import('./components/OfficeHoursAssignmentsPage.vue'),
    },
  ),
  ...navSection(
    'keepAgenda',
    { order: 7.2 },
    { path: '/permanences', name: 'my-office-hours', title: 'myOfficeHours', component: () => import('./components/MyOfficeHoursPage.vue') },
  ),
  ...navSection(
    'bookOfficeHours',
    { order: 6.5 },
    {
      path: '/partenaire/permanences',
      name: 'commune-office-hours',
      title: 'communeOfficeHours',
      component: () => import('./components/CommuneOfficeHoursPage.vue'),
    },
  ),
];
