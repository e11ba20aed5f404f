import { navSection } from '@/app/nav-section';

/** The PLIE's business relations: its staff, referents included. */
export const companiesRoutes = [
  ...navSection(
    'followCompanies',
    { order: 8.5 },
    { path: '/entreprises', name: 'companies', title: 'companies', component: () => import('./components/CompaniesPage.vue') },
    { path: '/entreprises/:id', name: 'company', title: 'company', component: () => import('./components/CompanyPage.vue') },
  ),
];
