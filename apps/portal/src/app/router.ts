import { createRouter, createWebHistory, type RouteLocationRaw } from 'vue-router';
import type { Capability } from '@jalon/domain';
import { ensureViewerLoaded, useViewer } from '@/composables/use-viewer';
import { safeRedirect } from '@/app/safe-redirect';
import { authRoutes } from '@/modules/auth/routes';
import { homeRoutes } from '@/modules/home/routes';
import { usersRoutes } from '@/modules/users/routes';
import { organisationsRoutes } from '@/modules/organisations/routes';
import { participantsRoutes } from '@/modules/participants/routes';
import { appointmentsRoutes } from '@/modules/appointments/routes';
import { priorityDistrictsRoutes } from '@/modules/priority-districts/routes';
import { esfRoutes } from '@/modules/esf/routes';
import { partnerRoutes } from '@/modules/partner/routes';
import { referralsRoutes } from '@/modules/referrals/routes';
import { accessLogRoutes } from '@/modules/access-log/routes';
import { contractsRoutes } from '@/modules/contracts/routes';
import { trainingRoutes } from '@/modules/training/routes';
import { communeFiguresRoutes } from '@/modules/commune-figures/routes';
import { officeHoursRoutes } from '@/modules/office-hours/routes';
import { reportsRoutes } from '@/modules/reports/routes';
import { monitoringRoutes } from '@/modules/monitoring/routes';
import { meetingsRoutes } from '@/modules/meetings/routes';
import { companiesRoutes } from '@/modules/companies/routes';
import { offersRoutes } from '@/modules/offers/routes';
import { programmeRoutes } from '@/modules/programme/routes';
import { socialClausesRoutes } from '@/modules/social-clauses/routes';
import { importRoutes } from '@/modules/import/routes';
import { retentionRoutes } from '@/modules/retention/routes';
import { participantSpaceRoutes } from '@/modules/participant-space/routes';
import { errorRoutes } from '@/modules/errors/routes';
import type { NavKey, TitleKey } from './nav-section';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without logging in. */
    public?: boolean;
    /** Only for people not logged in (the login page): others go home. */
    guestOnly?: boolean;
    /** Shown without the shell (header, navigation). */
    bare?: boolean;
    /** The capability (packages/domain, capability.ts) the active membership needs to see the page; absent: any logged-in user. */
    can?: Capability;
    /** Key under `titles` in the locale files, for the document title. */
    title?: TitleKey;
    /** Appears in the main navigation with this label key (under `nav`), in this order; `labelIf` words it for holders of a capability. */
    nav?: { label: NavKey; order: number; labelIf?: { can: Capability; label: NavKey } };
    /** The navigation item this page belongs to (a file belongs to the list of participants). */
    navParent?: string;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    ...authRoutes,
    ...homeRoutes,
    ...participantsRoutes,
    ...appointmentsRoutes,
    ...usersRoutes,
    ...organisationsRoutes,
    ...priorityDistrictsRoutes,
    ...esfRoutes,
    ...partnerRoutes,
    ...referralsRoutes,
    ...accessLogRoutes,
    ...contractsRoutes,
    ...trainingRoutes,
    ...communeFiguresRoutes,
    ...officeHoursRoutes,
    ...reportsRoutes,
    ...monitoringRoutes,
    ...meetingsRoutes,
    ...companiesRoutes,
    ...offersRoutes,
    ...programmeRoutes,
    ...socialClausesRoutes,
    ...importRoutes,
    ...retentionRoutes,
    ...participantSpaceRoutes,
    ...errorRoutes,
  ],
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach(async (to): Promise<true | RouteLocationRaw> => {
  await ensureViewerLoaded();
  const { viewer } = useViewer();
  if (to.meta.guestOnly && viewer.value) return safeRedirect(to.query.redirect) ?? { name: 'home' };
  if (!to.meta.public && !viewer.value) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  }
  // A page needing a capability the user lacks keeps its address and shows "not allowed" (see AppShell).
  return true;
});
