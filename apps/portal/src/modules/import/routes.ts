import { navSection } from '@/app/nav-section';

/** Import from another tool: the animation team brings the files of its previous software. */
export const importRoutes = [
  ...navSection('importFiles', { order: 24 }, { path: '/import', name: 'import', title: 'import', component: () => import('./components/ImportPage.vue') }),
];
