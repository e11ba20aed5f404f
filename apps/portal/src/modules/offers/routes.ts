import { navSection } from '@/app/nav-section';

/** Job offers and the matching: the PLIE's staff; an employer partner, its own offers and their candidacies. */
export const offersRoutes = [
  ...navSection(
    'followCompanies',
    { order: 8.6 },
    { path: '/offres', name: 'jobOffers', title: 'jobOffers', component: () => import('./components/JobOffersPage.vue') },
    { path: '/offres/:id', name: 'jobOffer', title: 'jobOffer', component: () => import('./components/JobOfferPage.vue') },
  ),
  ...navSection(
    'postJobOffers',
    { order: 8.6 },
    { path: '/mes-offres', name: 'postedJobOffers', title: 'postedJobOffers', component: () => import('./components/PostedOffersPage.vue') },
    { path: '/mes-offres/:id', name: 'postedJobOffer', title: 'postedJobOffer', component: () => import('./components/PostedOfferPage.vue') },
  ),
];
