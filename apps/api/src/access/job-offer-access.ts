import type { RequestContext } from '../context/request-context';
import { partnerCompanyId } from '../db/partner-company.query';
import { errors } from '../graphql/errors';
import { may } from './operation-access';

/** Whose offers the viewer writes and lists: the staff who follow companies, any of the PLIE's; a partner employer, its company's only. */
export type OfferScope = { staff: true } | { staff: false; companyId: string };

/**
 * The offers the viewer may write: staff who follow companies, the tenant's; a partner employer
 * (capability postJobOffers), those of the company the PLIE follows that it is, and none before the
 * PLIE records it as one. Row-level security holds the partner to the same (db/rls/tables/job_offer.sql).
 */
export async function offerScope(ctx: RequestContext): Promise<OfferScope> {
  if (may(ctx.actor, 'followCompanies')) return { staff: true };
  if (!may(ctx.actor, 'postJobOffers')) throw errors.forbidden(ctx);
  const companyId = await partnerCompanyId(ctx.em);
  if (!companyId) throw errors.forbidden(ctx, 'error.offerNoCompany');
  return { staff: false, companyId };
}

/** Whether the viewer reads the PLIE's directory of companies (and so the company of an offer). */
export function mayFollowCompanies(ctx: RequestContext): boolean {
  return may(ctx.actor, 'followCompanies');
}
