import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { addDays, DataClass, NEVER_SHARED, SIX_MONTH_CHECK_IN } from '@jalon/domain';
import type { ConsentSubject, SubjectBearer } from '../../access/consent-scope';
import { Shared, SharedType } from '../../access/field-consent';

const CHECK_IN_EARLY_DAYS = 7;
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { assertMayEdit } from '../../access/participant-access';
import { notInFuture, requiredDate } from '../../graphql/date-input';
import { errors } from '../../graphql/errors';
import { parseGlobalId, toGlobalId } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { optionalText } from '../../graphql/text-input';
import { recordChange } from '../participants/participant-history';
import { Participant } from '../participants/participant.entity';
import { findPathway } from '../participants/participant.service';
import { User } from '../users/user.entity';
import { Pathway } from '../participants/pathway.entity';
import { sixMonthResultFromCheckIn } from '../esf/esf-exit';
import { FollowUpCheckIn } from './follow-up-check-in.entity';
import { LongText } from '../../graphql/input-limits';

@ObjectType('FollowUpCheckIn', { description: 'An in-job follow-up check-in' })
@SharedType(DataClass.EXIT_FOLLOW_UP)
export class FollowUpCheckInType implements SubjectBearer {
  consentSubject!: ConsentSubject;

  @Shared(DataClass.EXIT_FOLLOW_UP)
  @Field()
  id!: string;

  @Shared(DataClass.EXIT_FOLLOW_UP)
  @Field(() => Int)
  monthsAfterExit!: number;

  @Shared(DataClass.EXIT_FOLLOW_UP)
  @Field(() => LocalDateResolver)
  dueOn!: string;

  @Shared(DataClass.EXIT_FOLLOW_UP)
  @Field(() => LocalDateResolver, { nullable: true })
  doneOn!: string | null;

  @Shared(DataClass.EXIT_FOLLOW_UP)
  @Field(() => Boolean, { nullable: true })
  stillEmployed!: boolean | null;

  @Shared(DataClass.EXIT_FOLLOW_UP)
  @Field(() => String, { nullable: true })
  employer!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => Int, { nullable: true })
  version!: number | null;

  static from(c: FollowUpCheckIn, participantId: string): FollowUpCheckInType {
    return {
      id: toGlobalId('FollowUpCheckIn', c.id),
      monthsAfterExit: c.monthsAfterExit,
      dueOn: c.dueOn,
      doneOn: c.doneOn ?? null,
      stillEmployed: c.stillEmployed ?? null,
      employer: c.employer ?? null,
      notes: c.notes ?? null,
      version: c.version,
      consentSubject: { participantId, itemClass: DataClass.EXIT_FOLLOW_UP },
    };
  }
}

@InputType()
export class RecordCheckInInput {
  @Field(() => ID)
  checkInId!: string;

  @Field(() => Int)
  version!: number;

  @Field({ description: 'YYYY-MM-DD' })
  doneOn!: string;

  @Field()
  stillEmployed!: boolean;

  @Field(() => String, { nullable: true })
  employer?: string | null;

  @LongText(2000)
  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@Resolver()
export class FollowUpResolver {
  @Query(() => [FollowUpCheckInType], { description: 'The in-job follow-up check-ins of a pathway' })
  @Allow('actInTenant')
  async followUpCheckIns(@Ctx() ctx: RequestContext, @Arg('pathwayId', () => ID) pathwayId: string): Promise<FollowUpCheckInType[]> {
    const { pathway, participant } = await findPathway(ctx, pathwayId);
    const checkIns = await ctx.em.find(FollowUpCheckIn, { pathway }, { orderBy: { monthsAfterExit: 'asc' } });
    return checkIns.map((checkIn) => FollowUpCheckInType.from(checkIn, participant.id));
  }

  @Mutation(() => FollowUpCheckInType)
  @Allow('followParticipants')
  async recordCheckIn(@Ctx() ctx: RequestContext, @Arg('input') input: RecordCheckInInput): Promise<FollowUpCheckInType> {
    const id = parseGlobalId(input.checkInId, 'FollowUpCheckIn')?.id;
    const checkIn = id ? await ctx.em.findOne(FollowUpCheckIn, { id }, { populate: ['pathway'] }) : null;
    const participant = checkIn && (await ctx.em.findOne(Participant, { id: checkIn.pathway.participant.id }, { populate: ['referent'] }));
    if (!checkIn || !participant) throw errors.notFound(ctx, 'checkInId');
    assertMayEdit(ctx, participant);
    if (checkIn.version !== input.version) throw errors.conflict(ctx);
    const doneOn = notInFuture(ctx, 'doneOn', requiredDate(ctx, 'doneOn', input.doneOn));
    if (checkIn.pathway.exitDate && doneOn < checkIn.pathway.exitDate) throw errors.badInput(ctx, 'doneOn', 'error.dateBeforeExit');
    // A check-in is about the situation N months on: a week early at most.
    const earliest = addDays(checkIn.dueOn, -CHECK_IN_EARLY_DAYS);
    if (doneOn < earliest) throw errors.badInput(ctx, 'doneOn', 'error.checkInTooEarly', { from: earliest });
    ctx.em.assign(checkIn, {
      doneOn,
      stillEmployed: input.stillEmployed,
      employer: optionalText(input.employer),
      notes: optionalText(input.notes),
      recordedBy: ctx.em.getReference(User, ctx.actor!.userId),
    });
    if (checkIn.monthsAfterExit === SIX_MONTH_CHECK_IN) {
      sixMonthResultFromCheckIn(ctx, await ctx.em.findOneOrFail(Pathway, { id: checkIn.pathway.id }, { populate: ['esf'] }), doneOn, input.stillEmployed);
    }
    recordChange(ctx, participant, 'followUp.checkIn', [
      { field: 'monthsAfterExit', before: null, after: checkIn.monthsAfterExit },
      { field: 'stillEmployed', before: null, after: input.stillEmployed },
    ]);
    await saveChanges(ctx);
    return FollowUpCheckInType.from(checkIn, participant.id);
  }
}
