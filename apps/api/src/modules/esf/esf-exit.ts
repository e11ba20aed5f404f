import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { EsfAnswer, sixMonthResultFrom } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { assertMayEdit } from '../../access/participant-access';
import { Allow } from '../../access/operation-access';
import { notInFuture, requiredDate } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { saveChanges } from '../../graphql/save-changes';
import { diff, recordChange } from '../participants/participant-history';
import { findPathway, participantView } from '../participants/participant.service';
import { ParticipantType } from '../participants/participant.type';
import type { Pathway } from '../participants/pathway.entity';
import { EsfRecord } from './esf-record.entity';

@InputType({ description: 'The ESF+ exit questionnaire (EECR01–EECR04); REFUSED records that the person declined to answer' })
export class RecordEsfExitInput {
  @Field(() => ID)
  pathwayId!: string;

  @Field(() => Int, { description: 'esfVersion of the pathway, as read' })
  version!: number;

  @Field({ description: 'The day the answers were collected: not before the exit, not in the future' })
  answeredOn!: string;

  @Field(() => EsfAnswer)
  jobSearching!: EsfAnswer;

  @Field(() => EsfAnswer)
  inTraining!: EsfAnswer;

  @Field(() => EsfAnswer)
  qualification!: EsfAnswer;

  @Field(() => EsfAnswer)
  employed!: EsfAnswer;
}

@InputType({ description: 'The ESF+ result six months after leaving' })
export class RecordEsfSixMonthsInput {
  @Field(() => ID)
  pathwayId!: string;

  @Field(() => Int, { description: 'esfVersion of the pathway, as read' })
  version!: number;

  @Field({ description: 'The day the answers were collected: six months after the exit at the earliest' })
  answeredOn!: string;

  @Field(() => EsfAnswer)
  employed!: EsfAnswer;

  @Field(() => EsfAnswer)
  betterSituation!: EsfAnswer;
}

/** The pathway's record for an answer on leaving: an exited pathway, the version read, a day checked against the exit. */
async function recordOnLeaving(
  ctx: RequestContext,
  input: { pathwayId: string; version: number; answeredOn: string },
  earliest: (exitDate: string) => string,
  tooEarly: 'error.dateBeforeExit' | 'error.dateBeforeExit6Months',
) {
  const { pathway, participant } = await findPathway(ctx, input.pathwayId);
  assertMayEdit(ctx, participant);
  const problems = new InputProblems(ctx);
  if (!pathway.exitDate) problems.add('pathwayId', 'error.esfNotExited');
  const day = problems.check(() => notInFuture(ctx, 'answeredOn', requiredDate(ctx, 'answeredOn', input.answeredOn)));
  if (day && pathway.exitDate && day < earliest(pathway.exitDate)) problems.add('answeredOn', tooEarly, { date: earliest(pathway.exitDate) });
  problems.throwIfAny();
  if ((pathway.esf?.version ?? 0) !== input.version) throw errors.conflict(ctx);
  return { participant, record: recordOf(ctx, pathway), day: day! };
}

function recordOf(ctx: RequestContext, pathway: Pathway): EsfRecord {
  return pathway.esf ?? ctx.em.create(EsfRecord, { tenant: pathway.tenant, pathway });
}

@Resolver()
export class EsfExitResolver {
  @Mutation(() => ParticipantType, { description: 'Records the ESF+ exit questionnaire of an exited pathway' })
  @Allow('followParticipants')
  async recordEsfExit(@Ctx() ctx: RequestContext, @Arg('input') input: RecordEsfExitInput): Promise<ParticipantType> {
    const { participant, record, day } = await recordOnLeaving(ctx, input, (exit) => exit, 'error.dateBeforeExit');
    const answers = {
      exitJobSearching: input.jobSearching,
      exitInTraining: input.inTraining,
      exitQualification: input.qualification,
      exitEmployed: input.employed,
      exitAnsweredOn: day,
    };
    recordChange(ctx, participant, 'pathway.esfExit', diff(pick(record, answers), answers));
    ctx.em.assign(record, answers);
    await saveChanges(ctx);
    return participantView(ctx, participant);
  }

  @Mutation(() => ParticipantType, { description: 'Records the ESF+ result six months after leaving' })
  @Allow('followParticipants')
  async recordEsfSixMonths(@Ctx() ctx: RequestContext, @Arg('input') input: RecordEsfSixMonthsInput): Promise<ParticipantType> {
    const { participant, record, day } = await recordOnLeaving(ctx, input, sixMonthResultFrom, 'error.dateBeforeExit6Months');
    const answers = { sixMonthEmployed: input.employed, sixMonthBetterSituation: input.betterSituation, sixMonthAnsweredOn: day };
    recordChange(ctx, participant, 'pathway.esfSixMonths', diff(pick(record, answers), answers));
    ctx.em.assign(record, answers);
    await saveChanges(ctx);
    return participantView(ctx, participant);
  }
}

/** The record's current values of the fields about to change, for the history. */
function pick<T extends object>(record: EsfRecord, fields: T): Record<string, string | null> {
  return Object.fromEntries(Object.keys(fields).map((k) => [k, (record[k as keyof EsfRecord] as string | null | undefined) ?? null]));
}

/**
 * The in-job follow-up's six-month check-in is the six-month result (in employment or not), unless
 * one was collected already; whether the situation is better is asked separately.
 */
export function sixMonthResultFromCheckIn(ctx: RequestContext, pathway: Pathway, doneOn: string, stillEmployed: boolean): void {
  const record = recordOf(ctx, pathway);
  if (record.sixMonthAnsweredOn) return;
  record.sixMonthEmployed = stillEmployed ? EsfAnswer.YES : EsfAnswer.NO;
  if (stillEmployed) record.sixMonthBetterSituation ??= EsfAnswer.YES;
  record.sixMonthAnsweredOn = doneOn;
}
