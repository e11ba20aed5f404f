import { ReportScopeKind } from '@jalon/domain';
import { isCommuneCode } from '@jalon/reference-data/node';
import type { RequestContext } from '../context/request-context';
import { errors } from '../graphql/errors';
import { parseGlobalId } from '../graphql/relay';
import { organisationExists, organisationOfMembership } from '../db/report-scope.query';
import { may } from './operation-access';
import { activeMembership } from './tenant-scope';

/** The people a report counts: the whole PLIE, an operator's (organisation id), a referent's caseload (membership id), a commune's residents (INSEE code). */
export type ReportScope = { kind: ReportScopeKind.WHOLE_PLIE } | { kind: Exclude<ReportScopeKind, ReportScopeKind.WHOLE_PLIE>; id: string };

/** What a request asks for: at most one of them; none is the viewer's default scope. */
export interface ReportScopeRequest {
  operatorId?: string | null;
  referentId?: string | null;
  communeCode?: string | null;
}

/** The scope asked for, checked (ids of this tenant, a known commune), or null when none was. */
async function askedScope(ctx: RequestContext, asked: ReportScopeRequest): Promise<ReportScope | null> {
  const given = (['operatorId', 'referentId', 'communeCode'] as const).filter((field) => asked[field]?.trim());
  if (given.length > 1) throw errors.badInput(ctx, given[1]!, 'error.reportOneScope');
  if (asked.operatorId?.trim()) {
    const id = parseGlobalId(asked.operatorId, 'Organisation')?.id;
    if (!id || !(await organisationExists(ctx.em, id))) throw errors.notFound(ctx, 'operatorId');
    return { kind: ReportScopeKind.OPERATOR, id };
  }
  if (asked.referentId?.trim()) {
    const id = parseGlobalId(asked.referentId, 'Membership')?.id;
    if (!id || !(await organisationOfMembership(ctx.em, id))) throw errors.notFound(ctx, 'referentId');
    return { kind: ReportScopeKind.CASELOAD, id };
  }
  if (asked.communeCode?.trim()) {
    const code = asked.communeCode.trim().toUpperCase();
    if (!isCommuneCode(code)) throw errors.badInput(ctx, 'communeCode', 'error.communeUnknown');
    return { kind: ReportScopeKind.COMMUNE_RESIDENTS, id: code };
  }
  return null;
}

/**
 * Refuses a report beyond the viewer's rights (FORBIDDEN): the animation team and tenant admins
 * may count any scope of the PLIE; a referent her own caseload, and, when the tenant lets
 * referents read their colleagues' files, her operator's and her operator colleagues' caseloads.
 * Partners count nothing here (the capability keeps them out before this).
 */
export async function assertMayReadReport(ctx: RequestContext, scope: ReportScope): Promise<void> {
  if (may(ctx.actor, 'readWholeTenant')) return;
  const self = activeMembership(ctx);
  if (!may(ctx.actor, 'holdCaseload')) throw errors.forbidden(ctx);
  if (scope.kind === ReportScopeKind.CASELOAD && scope.id === self.id) return;
  if (self.colleaguesCanRead) {
    if (scope.kind === ReportScopeKind.OPERATOR && scope.id === self.organisationId) return;
    if (scope.kind === ReportScopeKind.CASELOAD && (await organisationOfMembership(ctx.em, scope.id)) === self.organisationId) return;
  }
  throw errors.forbidden(ctx, 'error.reportNotYourCaseload');
}

/**
 * The scope a report counts: the one asked for, if the viewer may read it; by default the whole
 * PLIE for the animation team and tenant admins, her own caseload for a referent.
 */
export async function readableReportScope(ctx: RequestContext, asked: ReportScopeRequest): Promise<ReportScope> {
  const scope =
    (await askedScope(ctx, asked)) ??
    (may(ctx.actor, 'readWholeTenant') ? { kind: ReportScopeKind.WHOLE_PLIE } : { kind: ReportScopeKind.CASELOAD, id: activeMembership(ctx).id });
  await assertMayReadReport(ctx, scope);
  return scope;
}
