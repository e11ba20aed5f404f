import type { RequestContext } from '../context/request-context';
import { communeOfOrganisation } from '../db/organisation.query';
import { errors } from '../graphql/errors';
import { readableAgendaReferent } from './agenda-access';
import { may } from './operation-access';
import { activeMembership } from './tenant-scope';

/**
 * The commune whose office hours the viewer books and reads the figures of: a commune partner its
 * own (capability bookOfficeHours). Row-level security shows a partner the office hours of its
 * commune only (db/rls/tables/office_hours.sql, jalon_commune_of_partner()).
 */
export async function bookingCommune(ctx: RequestContext): Promise<string> {
  if (!may(ctx.actor, 'bookOfficeHours')) throw errors.forbidden(ctx);
  const own = await communeOfOrganisation(ctx.em, activeMembership(ctx).organisationId);
  if (!own) throw errors.forbidden(ctx, 'error.communeFiguresOnly');
  return own;
}

/**
 * Whose office hours a staff member keeps: a referent her own; the animation team any referent's
 * (named). Null: the animation team named none (every referent's, to read).
 */
export function officeHoursReferent(ctx: RequestContext, requested: string | null | undefined): string | null {
  return readableAgendaReferent(ctx, requested);
}

/**
 * Whether the viewer reads office hours for a commune (its own commune's) rather than as staff
 * keeping an agenda (a referent's own, the animation team's any); any other partner is refused.
 */
export function actsForCommune(ctx: RequestContext): boolean {
  if (may(ctx.actor, 'bookOfficeHours')) return true;
  if (may(ctx.actor, 'followParticipants')) return false;
  throw errors.forbidden(ctx);
}
