import type { FilterQuery } from '@mikro-orm/core';
import { isValidSiret, MAX_COMPANY_CONTACTS } from '@jalon/domain';
import { getCommune, getNafActivity } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { companyOfficers } from '../../access/company-access';
import { activeMembership } from '../../access/tenant-scope';
import { checkDayWithin, notInFuture, requiredDate } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { afterAscending, pageOf, type PageArgs } from '../../graphql/pagination';
import { saveChanges } from '../../graphql/save-changes';
import { encodeCursor, parseGlobalId, type Page } from '../../graphql/relay';
import { EMAIL, likePattern, optionalText, PHONE, requiredText } from '../../graphql/text-input';
import { createOnce } from '../idempotency/idempotency';
import { Organisation } from '../organisations/organisation.entity';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { Company, CompanyEvent, type CompanyContact } from './company.entity';
import type { CompanyDetailsInput, CompanyFilter, CreateCompanyInput, RecordCompanyEventInput, UpdateCompanyInput } from './company.inputs';

export function companyCursor(c: Company): string {
  return encodeCursor(c.name, c.id);
}

/** The PLIE's companies by name, keyset-paginated; the search reads a name's words or a SIRET. */
export async function listCompanies(ctx: RequestContext, filter: CompanyFilter | undefined, args: PageArgs | undefined): Promise<Page<Company>> {
  const where: FilterQuery<Company> = { tenant: activeMembership(ctx).tenantId };
  if (filter?.kind) where.kind = filter.kind;
  if (filter?.communeCode) where.communeCode = filter.communeCode;
  const search = filter?.search?.trim();
  if (search) {
    const digits = search.replace(/\s/g, '');
    where.$or = /^\d{3,14}$/.test(digits) ? [{ siret: { $like: `${digits}%` } }] : [{ name: { $ilike: likePattern(search) } }];
  }
  return pageOf(ctx, args, {
    key: 'text',
    fetch: (after, limit) =>
      ctx.em.find(
        Company,
        { $and: [where, afterAscending('name', after)] },
        { orderBy: { name: 'asc', id: 'asc' }, limit, populate: ['organisation', 'inCharge.user', 'inCharge.organisation'] },
      ),
    count: () => ctx.em.count(Company, where),
    cursorOf: companyCursor,
  });
}

export async function getCompany(ctx: RequestContext, globalId: string, field = 'id'): Promise<Company> {
  const parsed = parseGlobalId(globalId, 'Company');
  const company =
    parsed &&
    (await ctx.em.findOne(
      Company,
      { id: parsed.id, tenant: activeMembership(ctx).tenantId },
      { populate: ['organisation', 'inCharge.user', 'inCharge.organisation'] },
    ));
  if (!company) throw errors.notFound(ctx, field);
  return company;
}

export async function listCompanyEvents(ctx: RequestContext, company: Company): Promise<CompanyEvent[]> {
  return ctx.em.find(CompanyEvent, { company }, { orderBy: { happenedOn: 'desc', createdAt: 'desc' }, populate: ['author'] });
}

/** Staff who may be put in charge of a company. */
export async function listCompanyOfficers(ctx: RequestContext): Promise<Membership[]> {
  return ctx.em.find(
    Membership,
    { tenant: activeMembership(ctx).tenantId, ...companyOfficers() },
    { populate: ['user', 'organisation'], orderBy: { user: { displayName: 'asc' } } },
  );
}

function checkedContacts(problems: InputProblems, input: CompanyDetailsInput['contacts']): CompanyContact[] {
  if (input.length > MAX_COMPANY_CONTACTS) problems.add('contacts', 'error.tooManyItems', { max: MAX_COMPANY_CONTACTS });
  return input.map((contact, i) => {
    const name = optionalText(contact.name);
    if (!name) problems.add(`contacts.${i}.name`, 'error.required');
    const email = optionalText(contact.email)?.toLowerCase() ?? null;
    if (email && !EMAIL.test(email)) problems.add(`contacts.${i}.email`, 'error.emailInvalid');
    const phone = optionalText(contact.phone);
    if (phone && !PHONE.test(phone)) problems.add(`contacts.${i}.phone`, 'error.phoneInvalid');
    return { name: name ?? '', role: optionalText(contact.role), phone, email };
  });
}

/**
 * What the staff typed, checked at once: a SIRET INSEE could have given, a NAF sub-class that
 * exists, a known commune, a staff member in charge of this PLIE. A SIRET that is a partner
 * organisation's links the company to it, so the ACI is one company, not two.
 */
async function checkedDetails(ctx: RequestContext, input: CompanyDetailsInput) {
  const problems = new InputProblems(ctx);
  const siret = input.siret.replace(/\s/g, '');
  if (!isValidSiret(siret)) problems.add('siret', /^\d{14}$/.test(siret) ? 'error.siretChecksum' : 'error.siretInvalid');
  const name = problems.check(() => requiredText(ctx, 'name', input.name));
  const nafText = optionalText(input.nafCode);
  const naf = nafText ? getNafActivity(nafText) : null;
  if (nafText && !naf) problems.add('nafCode', 'error.nafUnknown');
  const postcode = optionalText(input.postcode);
  if (postcode && !/^\d{5}$/.test(postcode)) problems.add('postcode', 'error.postcodeInvalid');
  const communeCode = optionalText(input.communeCode)?.toUpperCase() ?? null;
  if (communeCode && postcode && !getCommune(communeCode)?.postcodes.includes(postcode)) problems.add('postcode', 'error.postcodeNotOfCommune');
  const contacts = checkedContacts(problems, input.contacts);
  const inChargeId = input.inChargeId ? parseGlobalId(input.inChargeId, 'Membership')?.id : null;
  const inCharge = inChargeId
    ? await ctx.em.findOne(Membership, { id: inChargeId, tenant: activeMembership(ctx).tenantId, ...companyOfficers() }, { populate: ['user', 'organisation'] })
    : null;
  if (input.inChargeId && !inCharge) problems.add('inChargeId', 'error.officerInvalid');
  problems.throwIfAny();
  const organisation = await ctx.em.findOne(Organisation, { siret, tenant: activeMembership(ctx).tenantId });
  return {
    siret,
    name: name!,
    kind: input.kind,
    nafCode: naf?.code ?? null,
    address: optionalText(input.address),
    postcode,
    communeCode,
    contacts,
    inCharge,
    organisation,
  };
}

const UNIQUE_SIRET = { field: 'siret', message: 'error.siretTaken' } as const;

export function createCompany(ctx: RequestContext, input: CreateCompanyInput): Promise<Company> {
  const { tenantId } = activeMembership(ctx);
  return createOnce(
    ctx,
    'createCompany',
    input.idempotencyKey,
    async () => {
      const company = ctx.em.create(Company, { tenant: ctx.em.getReference(Tenant, tenantId), ...(await checkedDetails(ctx, input)) });
      await saveChanges(ctx, UNIQUE_SIRET);
      await ctx.em.populate(company, ['organisation', 'inCharge.user', 'inCharge.organisation']);
      return company;
    },
    (id) => ctx.em.findOne(Company, { id }, { populate: ['organisation', 'inCharge.user', 'inCharge.organisation'] }),
  );
}

export async function updateCompany(ctx: RequestContext, input: UpdateCompanyInput): Promise<Company> {
  const company = await getCompany(ctx, input.id);
  if (company.version !== input.version) throw errors.conflict(ctx);
  ctx.em.assign(company, await checkedDetails(ctx, input));
  await saveChanges(ctx, UNIQUE_SIRET);
  await ctx.em.populate(company, ['organisation', 'inCharge.user', 'inCharge.organisation']);
  return company;
}

/** The earliest day a company's history goes back to: a record of this century's relations, not a typing slip. */
const EARLIEST_EVENT = '2000-01-01';

export async function recordCompanyEvent(ctx: RequestContext, input: RecordCompanyEventInput): Promise<CompanyEvent> {
  const company = await getCompany(ctx, input.companyId, 'companyId');
  return createOnce(
    ctx,
    'recordCompanyEvent',
    input.idempotencyKey,
    async () => {
      const problems = new InputProblems(ctx);
      const happenedOn = problems.check(() => notInFuture(ctx, 'happenedOn', requiredDate(ctx, 'happenedOn', input.happenedOn)));
      checkDayWithin(problems, 'happenedOn', happenedOn, { earliest: EARLIEST_EVENT, latest: null });
      const summary = problems.check(() => requiredText(ctx, 'summary', input.summary));
      problems.throwIfAny();
      const event = ctx.em.create(CompanyEvent, {
        tenant: company.tenant,
        company,
        kind: input.kind,
        happenedOn: happenedOn!,
        summary: summary!,
        outcome: optionalText(input.outcome),
        author: ctx.em.getReference(User, ctx.actor!.userId),
      });
      await saveChanges(ctx);
      await ctx.em.populate(event, ['author']);
      return event;
    },
    (id) => ctx.em.findOne(CompanyEvent, { id }, { populate: ['author'] }),
  );
}

/**
 * Keeps a partner organisation and the company of its SIRET one record: the company of that SIRET
 * is linked to it, and a company linked to it under another SIRET no longer is. Called when an
 * organisation's SIRET is saved, in the same transaction.
 */
export async function linkCompanyTo(ctx: RequestContext, organisation: Organisation): Promise<void> {
  const linked = await ctx.em.find(Company, { organisation });
  for (const company of linked) if (company.siret !== organisation.siret) company.organisation = null;
  if (organisation.siret) {
    const company = await ctx.em.findOne(Company, { siret: organisation.siret, tenant: organisation.tenant });
    if (company) company.organisation = organisation;
  }
}
