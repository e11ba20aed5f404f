import type { FilterQuery } from '@mikro-orm/core';
import { hasInseeCode, hasSiaeKind, type OrganisationKind, type SiaeKind } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { createOnce } from '../idempotency/idempotency';
import { activeMembership } from '../../access/tenant-scope';
import { errors, InputProblems } from '../../graphql/errors';
import { afterAscending, pageOf, type PageArgs } from '../../graphql/pagination';
import { saveChanges } from '../../graphql/save-changes';
import { encodeCursor, parseGlobalId, type Page } from '../../graphql/relay';
import { likePattern, optionalText, requiredText } from '../../graphql/text-input';
import { Tenant } from '../tenancy/tenant.entity';
import { linkCompanyTo } from '../companies/company.service';
import { Organisation } from './organisation.entity';
import type { CreateOrganisationInput, OrganisationFilter, UpdateOrganisationInput } from './organisation.inputs';

export function organisationCursor(o: Organisation): string {
  return encodeCursor(o.name, o.id);
}

/** Organisations of the active tenant by name, keyset-paginated: one query for the page, one for the total. */
export async function listOrganisations(ctx: RequestContext, filter: OrganisationFilter | undefined, args: PageArgs | undefined): Promise<Page<Organisation>> {
  const where: FilterQuery<Organisation> = {};
  if (filter?.kind) where.kind = filter.kind;
  if (!filter?.includeInactive) where.active = true;
  if (filter?.search?.trim()) where.name = { $ilike: likePattern(filter.search.trim()) };
  return pageOf(ctx, args, {
    key: 'text',
    fetch: (after, limit) => ctx.em.find(Organisation, { $and: [where, afterAscending('name', after)] }, { orderBy: { name: 'asc', id: 'asc' }, limit }),
    count: () => ctx.em.count(Organisation, where),
    cursorOf: organisationCursor,
  });
}

export async function getOrganisation(ctx: RequestContext, globalId: string, field = 'id'): Promise<Organisation> {
  const parsed = parseGlobalId(globalId, 'Organisation');
  const organisation = parsed && (await ctx.em.findOne(Organisation, { id: parsed.id }));
  if (!organisation) throw errors.notFound(ctx, field);
  return organisation;
}

interface Details {
  siaeKind?: SiaeKind | null;
  inseeCode?: string | null;
  siret?: string | null;
}

/**
 * The name, and the kind-specific fields: a SIAE kind only (and always) for integration companies,
 * an INSEE code only for communes. Every problem is refused at once.
 */
function checkedDetails(ctx: RequestContext, kind: OrganisationKind, input: Details & { name: string }) {
  const problems = new InputProblems(ctx);
  const name = problems.check(() => requiredText(ctx, 'name', input.name));
  const siaeKind = input.siaeKind ?? null;
  if (hasSiaeKind(kind) && !siaeKind) problems.add('siaeKind', 'error.siaeKindRequired');
  if (!hasSiaeKind(kind) && siaeKind) problems.add('siaeKind', 'error.siaeKindOnlyForIntegrationCompany');
  const inseeCode = optionalText(input.inseeCode)?.toUpperCase() ?? null;
  if (inseeCode && !hasInseeCode(kind)) problems.add('inseeCode', 'error.inseeCodeOnlyForCommune');
  else if (inseeCode && !/^(\d{5}|2[AB]\d{3})$/.test(inseeCode)) problems.add('inseeCode', 'error.inseeCodeInvalid');
  const siret = optionalText(input.siret?.replace(/\s/g, ''));
  if (siret && !/^\d{14}$/.test(siret)) problems.add('siret', 'error.siretInvalid');
  problems.throwIfAny();
  return { name: name!, siaeKind, inseeCode, siret };
}

const UNIQUE_NAME = { field: 'name', message: 'error.nameTaken' } as const;

export function createOrganisation(ctx: RequestContext, input: CreateOrganisationInput): Promise<Organisation> {
  const { tenantId } = activeMembership(ctx);
  return createOnce(
    ctx,
    'createOrganisation',
    input.idempotencyKey,
    async () => {
      const organisation = ctx.em.create(Organisation, {
        tenant: ctx.em.getReference(Tenant, tenantId),
        kind: input.kind,
        ...checkedDetails(ctx, input.kind, input),
      });
      await linkCompanyTo(ctx, organisation);
      await saveChanges(ctx, UNIQUE_NAME);
      return organisation;
    },
    (id) => ctx.em.findOne(Organisation, { id }),
  );
}

export async function updateOrganisation(ctx: RequestContext, input: UpdateOrganisationInput): Promise<Organisation> {
  const organisation = await getOrganisation(ctx, input.id);
  if (organisation.version !== input.version) throw errors.conflict(ctx);
  ctx.em.assign(organisation, { active: input.active, ...checkedDetails(ctx, organisation.kind, input) });
  await linkCompanyTo(ctx, organisation);
  await saveChanges(ctx, UNIQUE_NAME);
  return organisation;
}
