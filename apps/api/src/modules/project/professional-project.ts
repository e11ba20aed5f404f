import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { type CloseTradeSuggestion, MAX_SKILLS_PER_TRADE, MAX_TARGET_TRADES, suggestCloseTrades, TargetTradeStatus } from '@jalon/domain';
import { closeTradesOf } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { assertMayEdit } from '../../access/participant-access';
import { errors, InputProblems } from '../../graphql/errors';
import { MaxItems } from '../../graphql/input-limits';
import { toGlobalId } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { tradeOf, TradeType } from '../reference/reference.resolver';
import { recordChange } from '../participants/participant-history';
import { Diagnosis } from '../participants/diagnosis.entity';
import { findPathway } from '../participants/participant.service';
import { User } from '../users/user.entity';
import { ProfessionalProject, type TargetTrade } from './professional-project.entity';

@InputType()
export class TargetTradeInput {
  @Field()
  romeCode!: string;

  @Field(() => TargetTradeStatus)
  status!: TargetTradeStatus;

  @Field(() => [String], { description: 'In the person’s own words, and what her stages brought' })
  skillsAcquired!: string[];

  @Field(() => [String])
  skillsToAcquire!: string[];
}

@InputType()
export class RecordProfessionalProjectInput {
  @Field(() => ID)
  pathwayId!: string;

  @Field(() => Int, { description: 'The number of the version this one changes; 0 for the first project' })
  amends!: number;

  @MaxItems(MAX_TARGET_TRADES + 1)
  @Field(() => [TargetTradeInput], { description: `Up to ${MAX_TARGET_TRADES} trades` })
  targets!: TargetTradeInput[];
}

@ObjectType('TargetTrade')
export class TargetTradeType {
  @Field(() => TradeType)
  trade!: TradeType;

  @Field(() => TargetTradeStatus)
  status!: TargetTradeStatus;

  @Field(() => [String])
  skillsAcquired!: string[];

  @Field(() => [String])
  skillsToAcquire!: string[];
}

/** A version of the professional project; staff only, as the commitment contract. */
@ObjectType('ProfessionalProject')
export class ProfessionalProjectType {
  @Field()
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => [TargetTradeType])
  targets!: TargetTradeType[];

  @Field()
  authorName!: string;

  @Field()
  createdAt!: Date;

  static from(project: ProfessionalProject): ProfessionalProjectType {
    return {
      id: toGlobalId('ProfessionalProject', project.id),
      number: project.number,
      targets: project.targets.map((target) => ({
        trade: tradeOf(target.romeCode),
        status: target.status,
        skillsAcquired: target.skillsAcquired,
        skillsToAcquire: target.skillsToAcquire,
      })),
      authorName: project.author.displayName,
      createdAt: project.createdAt,
    };
  }
}

export async function listProjectVersions(ctx: RequestContext, pathwayId: string): Promise<ProfessionalProject[]> {
  const { pathway } = await findPathway(ctx, pathwayId);
  return ctx.em.find(ProfessionalProject, { pathway }, { populate: ['author'], orderBy: { number: 'desc' } });
}

/**
 * "Transferable know-how": the close trades of the trades she held and of those her project aims
 * at (an abandoned one included: what she learnt there stays), minus those already in it.
 */
export async function suggestTrades(ctx: RequestContext, pathwayId: string): Promise<CloseTradeSuggestion[]> {
  const { pathway } = await findPathway(ctx, pathwayId);
  const diagnosis = await ctx.em.findOne(Diagnosis, { pathway });
  const [project] = await ctx.em.find(ProfessionalProject, { pathway }, { orderBy: { number: 'desc' }, limit: 1 });
  const targeted = project?.targets.map((t) => t.romeCode) ?? [];
  return suggestCloseTrades([...(diagnosis?.pastTrades ?? []), ...targeted], closeTradesOf, targeted);
}

/** Trims a list of skills, drops blanks and repeats: what the referent typed, one per line. */
function skillList(problems: InputProblems, field: string, skills: string[]): string[] {
  const list = [...new Set(skills.map((s) => s.trim()).filter(Boolean))];
  if (list.length > MAX_SKILLS_PER_TRADE) problems.add(field, 'error.tooManyItems', { max: MAX_SKILLS_PER_TRADE });
  return list;
}

/**
 * Records the project as a new version. `amends` must name the latest version: someone else
 * changing it in between gets a CONFLICT, not a silent overwrite.
 */
export async function recordProfessionalProject(ctx: RequestContext, input: RecordProfessionalProjectInput): Promise<ProfessionalProject> {
  const { pathway, participant } = await findPathway(ctx, input.pathwayId);
  assertMayEdit(ctx, participant);
  const [latest] = await ctx.em.find(ProfessionalProject, { pathway }, { orderBy: { number: 'desc' }, limit: 1 });
  if ((latest?.number ?? 0) !== input.amends) throw errors.conflict(ctx);
  const problems = new InputProblems(ctx);
  if (input.targets.length > MAX_TARGET_TRADES) problems.add('targets', 'error.tooManyTargetTrades', { max: MAX_TARGET_TRADES });
  const seen = new Set<string>();
  const targets: TargetTrade[] = input.targets.map((target, i) => {
    const romeCode = target.romeCode.trim().toUpperCase();
    if (!romeCode) problems.add(`targets.${i}.romeCode`, 'error.required');
    else if (seen.has(romeCode)) problems.add(`targets.${i}.romeCode`, 'error.tradeTwice');
    seen.add(romeCode);
    return {
      romeCode,
      status: target.status,
      skillsAcquired: skillList(problems, `targets.${i}.skillsAcquired`, target.skillsAcquired),
      skillsToAcquire: skillList(problems, `targets.${i}.skillsToAcquire`, target.skillsToAcquire),
    };
  });
  problems.throwIfAny();
  const project = ctx.em.create(ProfessionalProject, {
    tenant: pathway.tenant,
    pathway,
    number: (latest?.number ?? 0) + 1,
    targets,
    author: ctx.em.getReference(User, ctx.actor!.userId),
  });
  const summary = (list: TargetTrade[] | undefined) => list?.map((t) => `${t.romeCode} ${t.status}`).join(', ') || null;
  recordChange(ctx, participant, 'project.recorded', [{ field: 'targets', before: summary(latest?.targets), after: summary(targets) }]);
  await saveChanges(ctx);
  await ctx.em.populate(project, ['author']);
  return project;
}
