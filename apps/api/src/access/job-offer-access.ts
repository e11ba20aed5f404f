import type { RequestContext } from '../context/request-context';
import { partnerCompanyId } from '../db/partner-company.query';
import { errors } from '../graphql/errors';
import { may } from './operation-access';

/**
 * Whose offers the viewer writes and lists: the staff who follow companies, any of the PLIE's; a
 * partner employer, its company's only (none while the PLIE has not recorded it as a company).
 */
export type OfferScope = { staff: true } | { staff: false; companyId: string | null };

/**
 * The offers the viewer may write: staff who follow companies, the tenant's; a partner employer
 * (capability postJobOffers), those of the company the PLIE follows that it is, and none before the
 * PLIE records it as one. Row-level security holds the partner to the same (db/rls/tables/job_offer.sql).
 */
export async function offerScope(ctx: RequestContext): Promise<OfferScope> {
  if (may(ctx.actor, 'followCompanies')) return { staff: true };
  if (!may(ctx.actor, 'postJobOffers')) throw errors.forbidden(ctx);
  return { staff: false, companyId: await partnerCompanyId(ctx.em) };
}

/** The condition on an offer's company that keeps a partner to its own: no offer at all before it is a company. */
export function ownCompany(scope: OfferScope & { staff: false }): string | { $in: string[] } {
  return scope.companyId ?? { $in: [] };
}

/** The company a partner employer posts for; refused while the PLIE has not recorded it as one. */
export function assertPostingCompany(ctx: RequestContext, scope: OfferScope & { staff: false }): string {
  if (!scope.companyId) throw errors.forbidden(ctx, 'error.offerNoCompany');
  return scope.companyId;
}

/** Whether the viewer reads the PLIE's directory of companies (and so the company of an offer). */
export function mayFollowCompanies(ctx: RequestContext): boolean {
  return may(ctx.actor, 'followCompanies');
}
