import type { RouteRecordRaw } from 'vue-router';

export const companiesRoutes: RouteRecordRaw[] = [
  {
    path: '/entreprises',
    name: 'companies',
    component: () => import('./components/CompaniesPage.vue'),
    // The PLIE's business relations: its staff, referents included.
    meta: { can: 'followCompanies', title: 'companies', nav: { label: 'companies', order: 8.5 } },
  },
  {
    path: '/entreprises/:id',
    name: 'company',
    component: () => import('./components/CompanyPage.vue'),
    props: true,
    meta: { can: 'followCompanies', title: 'company', navParent: 'companies' },
  },
];
