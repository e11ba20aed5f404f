import { pathwayDayBounds } from '@jalon/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RequestContext } from '../../context/request-context';
import { assertMayEdit } from '../../access/participant-access';
import { checkDayWithin, notInFuture, optionalDate, requiredDate, todayInFrance } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { optionalText } from '../../graphql/text-input';
import { User } from '../users/user.entity';
import { CommitmentContract } from './commitment-contract.entity';
import { recordChange } from './participant-history';
import { findPathway } from './participant.service';
import { LongText } from '../../graphql/input-limits';

@InputType()
export class RecordContractInput {
  @Field(() => ID)
  pathwayId!: string;

  @Field(() => Int, { description: 'The number of the version this one amends; 0 for the first contract' })
  amends!: number;

  @LongText(500)
  @Field(() => [String])
  objectives!: string[];

  @Field()
  startsOn!: string;

  @Field()
  reviewOn!: string;

  @Field(() => String, { nullable: true })
  signedByParticipantOn?: string | null;

  @Field(() => String, { nullable: true })
  signedByReferentOn?: string | null;

  @Field(() => String, { nullable: true })
  signedByAnimationTeamOn?: string | null;

  @LongText(1000)
  @Field(() => String, { nullable: true, description: 'Required for an amendment' })
  amendmentReason?: string | null;
}

@ObjectType('CommitmentContract')
export class CommitmentContractType {
  @Field()
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => [String])
  objectives!: string[];

  @Field(() => LocalDateResolver)
  startsOn!: string;

  @Field(() => LocalDateResolver)
  reviewOn!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  signedByParticipantOn!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  signedByReferentOn!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  signedByAnimationTeamOn!: string | null;

  @Field({ description: 'Signed by all three parties' })
  fullySigned!: boolean;

  @Field(() => String, { nullable: true })
  amendmentReason!: string | null;

  @Field()
  authorName!: string;

  @Field()
  createdAt!: Date;

  static from(c: CommitmentContract): CommitmentContractType {
    return {
      id: toGlobalId('CommitmentContract', c.id),
      number: c.number,
      objectives: c.objectives,
      startsOn: c.startsOn,
      reviewOn: c.reviewOn,
      signedByParticipantOn: c.signedByParticipantOn ?? null,
      signedByReferentOn: c.signedByReferentOn ?? null,
      signedByAnimationTeamOn: c.signedByAnimationTeamOn ?? null,
      fullySigned: Boolean(c.signedByParticipantOn && c.signedByReferentOn && c.signedByAnimationTeamOn),
      amendmentReason: c.amendmentReason ?? null,
      authorName: c.author.displayName,
      createdAt: c.createdAt,
    };
  }
}

export async function listContracts(ctx: RequestContext, pathwayId: string): Promise<CommitmentContract[]> {
  const { pathway } = await findPathway(ctx, pathwayId);
  return ctx.em.find(CommitmentContract, { pathway }, { populate: ['author'], orderBy: { number: 'desc' } });
}

function signature(ctx: RequestContext, field: string, value: string | null | undefined): string | null {
  const date = optionalDate(ctx, field, value);
  return date && notInFuture(ctx, field, date);
}

/**
 * Records the first contract of a pathway, or an amendment as a new version. `amends` must name
 * the latest version: someone else amending in between gets a CONFLICT, not a silent overwrite.
 */
export async function recordContract(ctx: RequestContext, input: RecordContractInput): Promise<CommitmentContract> {
  const { pathway, participant } = await findPathway(ctx, input.pathwayId);
  assertMayEdit(ctx, participant);
  const [latest] = await ctx.em.find(CommitmentContract, { pathway }, { orderBy: { number: 'desc' }, limit: 1 });
  if ((latest?.number ?? 0) !== input.amends) throw errors.conflict(ctx);
  const problems = new InputProblems(ctx);
  const objectives = input.objectives.map((o) => o.trim()).filter(Boolean);
  if (objectives.length === 0) problems.add('objectives', 'error.required');
  // Its days are bounded as the pathway's (packages/domain plausible-dates.ts).
  const bounds = pathwayDayBounds(participant.birthDate, todayInFrance(ctx.now));
  const startsOn = problems.check(() => requiredDate(ctx, 'startsOn', input.startsOn));
  const reviewOn = problems.check(() => requiredDate(ctx, 'reviewOn', input.reviewOn));
  checkDayWithin(problems, 'startsOn', startsOn, bounds, 'error.dateBeforeMinimumAge');
  checkDayWithin(problems, 'reviewOn', reviewOn, bounds, 'error.dateBeforeMinimumAge');
  if (startsOn && reviewOn && reviewOn <= startsOn) problems.add('reviewOn', 'error.reviewBeforeStart');
  const amendmentReason = optionalText(input.amendmentReason);
  if (latest && !amendmentReason) problems.add('amendmentReason', 'error.required');
  const signatures = {
    signedByParticipantOn: problems.check(() => signature(ctx, 'signedByParticipantOn', input.signedByParticipantOn)) ?? null,
    signedByReferentOn: problems.check(() => signature(ctx, 'signedByReferentOn', input.signedByReferentOn)) ?? null,
    signedByAnimationTeamOn: problems.check(() => signature(ctx, 'signedByAnimationTeamOn', input.signedByAnimationTeamOn)) ?? null,
  };
  for (const [field, day] of Object.entries(signatures)) checkDayWithin(problems, field, day, bounds, 'error.dateBeforeMinimumAge');
  problems.throwIfAny();
  const contract = ctx.em.create(CommitmentContract, {
    tenant: pathway.tenant,
    pathway,
    number: (latest?.number ?? 0) + 1,
    objectives,
    startsOn: startsOn!,
    reviewOn: reviewOn!,
    ...signatures,
    amendmentReason: latest ? amendmentReason : null,
    author: ctx.em.getReference(User, ctx.actor!.userId),
  });
  recordChange(ctx, participant, latest ? 'contract.amended' : 'contract.recorded', [
    { field: 'number', before: latest?.number ?? null, after: contract.number },
    { field: 'reviewOn', before: latest?.reviewOn ?? null, after: contract.reviewOn },
  ]);
  await saveChanges(ctx);
  await ctx.em.populate(contract, ['author']);
  return contract;
}
