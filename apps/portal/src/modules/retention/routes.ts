import { navSection } from '@/app/nav-section';

/** The files' life cycle: the policy, the runs and the dry run, and the archived files (the animation team). */
export const retentionRoutes = [
  ...navSection(
    'manageRetention',
    { order: 28 },
    {
      path: '/conservation',
      name: 'retention',
      title: 'retention',
      component: () => import('./components/RetentionPage.vue'),
    },
    {
      path: '/conservation/archives',
      name: 'archivedFiles',
      title: 'archivedFiles',
      component: () => import('./components/ArchivedFilesPage.vue'),
    },
  ),
];
