import type { RouteRecordRaw } from 'vue-router';

export const organisationsRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/organisations',
    name: 'organisations',
    component: () => import('./components/OrganisationsPage.vue'),
    // The API lets staff read the list; only the PLIE administrator edits it.
    meta: { can: 'readOrganisations', title: 'organisations', nav: { label: 'organisations', order: 20 } },
  },
];
