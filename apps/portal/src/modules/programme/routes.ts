import { navSection } from '@/app/nav-section';

/** The PLIE's programme of actions: staff read it (the animation team keeps it); an operator answers the positionings shared with it. */
export const programmeRoutes = [
  ...navSection(
    'followParticipants',
    { order: 8.7 },
    { path: '/programme', name: 'programme', title: 'programme', component: () => import('./components/ProgrammePage.vue') },
    { path: '/programme/:id', name: 'programmeAction', title: 'programmeAction', component: () => import('./components/ProgrammeActionPage.vue') },
  ),
  ...navSection(
    'followParticipants',
    { order: 8.71 },
    { path: '/besoins', name: 'programmeNeeds', title: 'programmeNeeds', component: () => import('./components/NeedsPage.vue') },
  ),
  ...navSection(
    'manageProgramme',
    { order: 8.72 },
    { path: '/catalogue-etapes', name: 'stageKindCatalogue', title: 'stageKindCatalogue', component: () => import('./components/StageKindCataloguePage.vue') },
  ),
  ...navSection(
    'answerPositionings',
    { order: 8.7 },
    {
      path: '/positionnements',
      name: 'positioningsToAnswer',
      title: 'positioningsToAnswer',
      component: () => import('./components/PositioningsToAnswerPage.vue'),
    },
  ),
];
