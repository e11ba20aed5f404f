import { isPartnerKind } from '@jalon/domain';
import { isCommuneCode } from '@jalon/reference-data/node';
import type { RequestContext } from '../context/request-context';
import { errors } from '../graphql/errors';
import { communeOfOrganisation } from '../db/organisation.query';
import { activeMembership } from './tenant-scope';

/**
 * The commune whose aggregate figures the viewer may see: a commune partner its own; staff the one
 * they ask for. The SQL function counting them checks the same (jalon_commune_figures).
 */
export async function readableCommune(ctx: RequestContext, asked: string | null | undefined): Promise<string> {
  const membership = activeMembership(ctx);
  if (!isPartnerKind(membership.organisationKind)) {
    const code = asked?.trim().toUpperCase();
    if (!code || !isCommuneCode(code)) throw errors.badInput(ctx, 'communeCode', 'error.communeUnknown');
    return code;
  }
  const own = await communeOfOrganisation(ctx.em, membership.organisationId);
  if (!own) throw errors.forbidden(ctx, 'error.communeFiguresOnly');
  if (asked && asked.trim().toUpperCase() !== own) throw errors.forbidden(ctx, 'error.communeFiguresOnly');
  return own;
}
