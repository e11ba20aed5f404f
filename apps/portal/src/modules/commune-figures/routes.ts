import type { RouteRecordRaw } from 'vue-router';

/** A commune sees its residents in the PLIE in aggregate (no one singled out). */
export const communeFiguresRoutes: RouteRecordRaw[] = [
  {
    path: '/partenaire/chiffres',
    name: 'commune-figures',
    component: () => import('./components/CommuneFiguresPage.vue'),
    meta: {
      can: 'readCommuneFigures',
      title: 'communeFigures',
      nav: { label: 'communeFigures', order: 8 },
    },
  },
];
