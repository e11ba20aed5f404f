import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { isQpvCode, parseQpvFile } from '@jalon/reference-data';
import { isCommuneCode } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { activeMembership } from '../../access/tenant-scope';
import { errors, InputProblems } from '../../graphql/errors';
import { saveChanges } from '../../graphql/save-changes';
import { requiredText } from '../../graphql/text-input';
import { Tenant } from '../tenancy/tenant.entity';
import { PriorityDistrict } from './priority-district.entity';

@ObjectType('PriorityDistrict', { description: 'A priority district (QPV) of the PLIE’s territory' })
export class PriorityDistrictType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => [String])
  communeCodes!: string[];

  static from(d: PriorityDistrict): PriorityDistrictType {
    return { code: d.code, name: d.name, communeCodes: d.communeCodes };
  }
}

@ObjectType('PriorityDistrictImport')
export class PriorityDistrictImportType {
  @Field(() => Int)
  imported!: number;

  @Field(() => Int, { description: 'Lines left out; see problems' })
  rejected!: number;

  @Field(() => [String], { description: 'One line per problem: the line number and what is wrong' })
  problems!: string[];
}

@InputType()
export class PriorityDistrictInput {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => [String])
  communeCodes!: string[];
}

/** Adds or updates districts by code: the tenant's list follows the file, lines with problems left out. */
async function upsert(ctx: RequestContext, districts: ReadonlyArray<{ code: string; name: string; communeCodes: readonly string[] }>): Promise<number> {
  const tenant = ctx.em.getReference(Tenant, activeMembership(ctx).tenantId);
  const existing = new Map((await ctx.em.find(PriorityDistrict, { code: { $in: districts.map((d) => d.code) } })).map((d) => [d.code, d]));
  for (const d of districts) {
    const row = existing.get(d.code) ?? ctx.em.create(PriorityDistrict, { tenant, code: d.code, name: d.name, communeCodes: [...d.communeCodes] });
    ctx.em.assign(row, { name: d.name, communeCodes: [...d.communeCodes] });
  }
  await saveChanges(ctx);
  return districts.length;
}

/** Whether the tenant has this district (participants' addresses may only name known ones). */
export async function isKnownPriorityDistrict(ctx: RequestContext, code: string): Promise<boolean> {
  return (await ctx.em.count(PriorityDistrict, { code })) > 0;
}

@Resolver()
export class PriorityDistrictResolver {
  // The PLIE's territory, no personal data: partners pick the district of the person they refer.
  @Query(() => [PriorityDistrictType], { description: 'The PLIE’s priority districts, optionally of one commune' })
  @Allow('actInTenant')
  async priorityDistricts(
    @Ctx() ctx: RequestContext,
    @Arg('communeCode', () => String, { nullable: true }) communeCode?: string | null,
  ): Promise<PriorityDistrictType[]> {
    const all = await ctx.em.find(PriorityDistrict, {}, { orderBy: { name: 'asc' } });
    return all.filter((d) => !communeCode || d.communeCodes.includes(communeCode)).map(PriorityDistrictType.from);
  }

  @Mutation(() => PriorityDistrictImportType, { description: 'Import the ANCT list (CSV): valid lines are added or updated, the others reported' })
  @Allow('manageDistricts')
  async importPriorityDistricts(@Ctx() ctx: RequestContext, @Arg('csv') csv: string): Promise<PriorityDistrictImportType> {
    const { districts, errors: problems } = parseQpvFile(csv, { isKnownCommune: isCommuneCode });
    if (districts.length === 0 && problems.length > 0) throw errors.badInput(ctx, 'csv', 'error.qpvFileUnreadable');
    return { imported: await upsert(ctx, districts), rejected: problems.length, problems: problems.map((p) => `${p.line}: ${p.message}`) };
  }

  @Mutation(() => PriorityDistrictType, { description: 'Enter or correct one district by hand' })
  @Allow('manageDistricts')
  async savePriorityDistrict(@Ctx() ctx: RequestContext, @Arg('input') input: PriorityDistrictInput): Promise<PriorityDistrictType> {
    const problems = new InputProblems(ctx);
    const code = problems.check(() => requiredText(ctx, 'code', input.code))?.toUpperCase();
    if (code && !isQpvCode(code)) problems.add('code', 'error.qpvCodeInvalid');
    const name = problems.check(() => requiredText(ctx, 'name', input.name));
    if (input.communeCodes.length === 0 || !input.communeCodes.every(isCommuneCode)) problems.add('communeCodes', 'error.communeUnknown');
    problems.throwIfAny();
    await upsert(ctx, [{ code: code!, name: name!, communeCodes: input.communeCodes }]);
    return PriorityDistrictType.from((await ctx.em.findOne(PriorityDistrict, { code: code! }))!);
  }
}
