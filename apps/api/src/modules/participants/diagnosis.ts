import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { DataClass, isSpecialCategory, MAX_PAST_TRADES, NEVER_SHARED, ObstacleCategory } from '@jalon/domain';
import type { ConsentScope, ConsentSubject, SubjectBearer } from '../../access/consent-scope';
import { Shared, SharedType } from '../../access/field-consent';
import type { RequestContext } from '../../context/request-context';
import { assertMayEdit } from '../../access/participant-access';
import { notInFuture, optionalDate } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { saveChanges } from '../../graphql/save-changes';
import { optionalText } from '../../graphql/text-input';
import { Diagnosis } from './diagnosis.entity';
import { recordChange } from './participant-history';
import { findPathway } from './participant.service';
import { LongText, MaxItems } from '../../graphql/input-limits';
import { tradeOf, TradeType } from '../reference/reference.resolver';

@InputType()
export class ObstacleInput {
  @Field(() => ObstacleCategory)
  category!: ObstacleCategory;

  @LongText(1000)
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class RecordDiagnosisInput {
  @Field(() => ID)
  pathwayId!: string;

  @Field(() => Int, { nullable: true, description: 'The version read; omit when recording the first diagnosis' })
  version?: number | null;

  @LongText(4000)
  @Field(() => String, { nullable: true })
  strengths?: string | null;

  @Field(() => [ObstacleInput])
  obstacles!: ObstacleInput[];

  @LongText(4000)
  @Field(() => String, { nullable: true })
  needs?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  carriedOutOn?: string | null;
}

@InputType()
export class RecordPastTradesInput {
  @Field(() => ID)
  pathwayId!: string;

  @Field(() => Int, { nullable: true, description: 'The version of the diagnosis read; omit when none is recorded' })
  version?: number | null;

  @MaxItems(MAX_PAST_TRADES + 1)
  @Field(() => [String])
  romeCodes!: string[];
}

@ObjectType('Obstacle')
@SharedType(DataClass.DIAGNOSIS, 'and HEALTH, DISABILITY or JUSTICE for those categories')
export class ObstacleType implements SubjectBearer {
  consentSubject!: ConsentSubject;

  @Shared(DataClass.DIAGNOSIS)
  @Field(() => ObstacleCategory)
  category!: ObstacleCategory;

  @Shared(DataClass.DIAGNOSIS)
  @Field(() => String, { nullable: true })
  note!: string | null;

  @Shared(DataClass.DIAGNOSIS)
  @Field({ description: 'Health, disability, justice: special-category data (GDPR art. 9/10), shared only under its own consent' })
  specialCategory!: boolean;
}

/** The class an obstacle is shared under: special categories need their own grant. */
const OBSTACLE_CLASS: Partial<Record<ObstacleCategory, DataClass>> = {
  [ObstacleCategory.HEALTH]: DataClass.HEALTH,
  [ObstacleCategory.DISABILITY]: DataClass.DISABILITY,
  [ObstacleCategory.JUSTICE]: DataClass.JUSTICE,
};

@ObjectType('Diagnosis')
@SharedType(DataClass.DIAGNOSIS)
export class DiagnosisType implements SubjectBearer {
  consentSubject!: ConsentSubject;

  @Shared(DataClass.DIAGNOSIS)
  @Field(() => String, { nullable: true })
  strengths!: string | null;

  // A partner gets the obstacles whose class is shared with it; the others are left out, not nulled.
  @Shared(DataClass.DIAGNOSIS)
  @Field(() => [ObstacleType])
  obstacles!: ObstacleType[];

  @Shared(DataClass.DIAGNOSIS)
  @Field(() => String, { nullable: true })
  needs!: string | null;

  @Shared(DataClass.DIAGNOSIS)
  @Field(() => LocalDateResolver, { nullable: true })
  carriedOutOn!: string | null;

  @Shared(DataClass.DIAGNOSIS)
  @Field(() => [TradeType], { description: 'Trades the person held before (ROME)' })
  pastTrades!: TradeType[];

  @Shared(NEVER_SHARED)
  @Field(() => Int, { nullable: true })
  version!: number | null;

  /** `scope`: decide for a preview's partner (see consent-scope.ts). */
  static from(d: Diagnosis, participantId: string, scope?: ConsentScope): DiagnosisType {
    return {
      strengths: d.strengths ?? null,
      obstacles: d.obstacles.map((o) => ({
        ...o,
        specialCategory: isSpecialCategory(o.category),
        consentSubject: { participantId, itemClass: OBSTACLE_CLASS[o.category] ?? DataClass.DIAGNOSIS, scope },
      })),
      needs: d.needs ?? null,
      carriedOutOn: d.carriedOutOn ?? null,
      pastTrades: d.pastTrades.map(tradeOf),
      version: d.version,
      consentSubject: { participantId, itemClass: DataClass.DIAGNOSIS, scope },
    };
  }
}

/**
 * Records the trades the person held before, on the pathway's diagnosis (created if none yet):
 * kept apart from the rest of the diagnosis so the professional project can add one in a click.
 */
export async function recordPastTrades(ctx: RequestContext, input: RecordPastTradesInput): Promise<Diagnosis> {
  const { pathway, participant } = await findPathway(ctx, input.pathwayId);
  assertMayEdit(ctx, participant);
  const existing = await ctx.em.findOne(Diagnosis, { pathway });
  if ((existing?.version ?? null) !== (input.version ?? null)) throw errors.conflict(ctx);
  const problems = new InputProblems(ctx);
  if (input.romeCodes.length > MAX_PAST_TRADES) problems.add('romeCodes', 'error.tooManyItems', { max: MAX_PAST_TRADES });
  const codes = input.romeCodes.map((code) => code.trim().toUpperCase()).filter(Boolean);
  if (new Set(codes).size !== codes.length) problems.add('romeCodes', 'error.tradeTwice');
  problems.throwIfAny();
  const diagnosis = existing ?? ctx.em.create(Diagnosis, { tenant: pathway.tenant, pathway });
  const before = diagnosis.pastTrades.join(', ') || null;
  diagnosis.pastTrades = codes;
  recordChange(ctx, participant, 'diagnosis.pastTrades', [{ field: 'pastTrades', before, after: codes.join(', ') || null }]);
  await saveChanges(ctx);
  return diagnosis;
}

export async function findDiagnosis(ctx: RequestContext, pathwayId: string): Promise<Diagnosis | null> {
  const { pathway } = await findPathway(ctx, pathwayId);
  return ctx.em.findOne(Diagnosis, { pathway });
}

/** Records (or revises) the diagnosis of a pathway; the history notes which obstacle categories changed, not their wording. */
export async function recordDiagnosis(ctx: RequestContext, input: RecordDiagnosisInput): Promise<Diagnosis> {
  const { pathway, participant } = await findPathway(ctx, input.pathwayId);
  assertMayEdit(ctx, participant);
  const existing = await ctx.em.findOne(Diagnosis, { pathway });
  if (existing && existing.version !== input.version) throw errors.conflict(ctx);
  const problems = new InputProblems(ctx);
  const categories = input.obstacles.map((o) => o.category);
  if (new Set(categories).size !== categories.length) problems.add('obstacles', 'error.obstacleTwice');
  const carriedOutOn = input.carriedOutOn
    ? problems.check(() => notInFuture(ctx, 'carriedOutOn', optionalDate(ctx, 'carriedOutOn', input.carriedOutOn)!))
    : null;
  problems.throwIfAny();
  const values = {
    strengths: optionalText(input.strengths),
    needs: optionalText(input.needs),
    obstacles: input.obstacles.map((o) => ({ category: o.category, note: optionalText(o.note) })),
    carriedOutOn: carriedOutOn ?? null,
  };
  const before = existing?.obstacles.map((o) => o.category).join(', ') ?? null;
  const diagnosis = existing ?? ctx.em.create(Diagnosis, { tenant: pathway.tenant, pathway, ...values });
  if (existing) ctx.em.assign(existing, values);
  recordChange(ctx, participant, 'diagnosis.recorded', [{ field: 'obstacles', before, after: categories.join(', ') }]);
  await saveChanges(ctx);
  return diagnosis;
}
