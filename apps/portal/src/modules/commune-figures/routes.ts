import { navSection } from '@/app/nav-section';

/** A commune sees its residents in the PLIE in aggregate (no one singled out). */
export const communeFiguresRoutes = navSection(
  'readCommuneFigures',
  { order: 8 },
  { path: '/partenaire/chiffres', name: 'commune-figures', title: 'communeFigures', component: () => import('./components/CommuneFiguresPage.vue') },
);
