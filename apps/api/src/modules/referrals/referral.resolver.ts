import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { userNames } from '../../db/user-names.query';
import { PageArgs } from '../../graphql/pagination';
import { toConnection, toGlobalId } from '../../graphql/relay';
import { findPossibleDuplicates, toTypes } from '../participants/participant.service';
import { ParticipantType } from '../participants/participant.type';
import { DecideReferralInput, ReferralFilter, ReviewReferralInput, SubmitReferralInput } from './referral.inputs';
import {
  attachmentsOf,
  decideReferral,
  findReadableReferral,
  listReferrals,
  pathwayStatusesOf,
  referralCursor,
  referralIdOf,
  type ReferralRecord,
  reviewReferral,
  submissionsOf,
  submitReferral,
} from './referral.service';
import { ReferralConnection, ReferralType } from './referral.type';

async function referralViews(ctx: RequestContext, records: ReferralRecord[]): Promise<ReferralType[]> {
  // One after the other: the request's queries share one connection (its transaction).
  const submissions = await submissionsOf(ctx, records);
  const attachments = await attachmentsOf(ctx, records);
  const statuses = await pathwayStatusesOf(ctx, records);
  const names = await userNames(
    ctx,
    [...submissions.values()].flatMap((list) => list.map((submission) => submission.author.id)),
  );
  return records.map((record) => {
    const id = referralIdOf(record);
    return ReferralType.from(record, submissions.get(id) ?? [], attachments.get(id) ?? [], statuses.get(id) ?? null, names);
  });
}

@Resolver(() => ReferralType)
export class ReferralResolver {
  @Query(() => ReferralConnection, { description: 'The referrals inbox (staff); for a partner, the referrals it made. Newest first' })
  @Allow('actInTenant')
  async referrals(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ReferralFilter, { nullable: true }) filter?: ReferralFilter,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<ReferralConnection> {
    const list = await listReferrals(ctx, filter, page);
    if ('own' in list) return toConnection(list.own, referralCursor, await referralViews(ctx, list.own.nodes));
    const views = list.inbox.nodes.map((row) => ReferralType.from(row, row.submissions, row.attachments, row.pathwayStatus, list.names));
    return toConnection(list.inbox, referralCursor, views);
  }

  @Query(() => ReferralType)
  @Allow('actInTenant')
  async referral(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ReferralType> {
    return (await referralViews(ctx, [await findReadableReferral(ctx, id)]))[0]!;
  }

  @Mutation(() => ReferralType, { description: 'Refer a person to the PLIE; a person already referred and not yet decided gets this referral added' })
  @Allow('actInTenant')
  async submitReferral(@Ctx() ctx: RequestContext, @Arg('input') input: SubmitReferralInput): Promise<ReferralType> {
    return (await referralViews(ctx, [await submitReferral(ctx, input)]))[0]!;
  }

  @Mutation(() => ReferralType, { description: 'Take a new or postponed referral under review, before the commission' })
  @Allow('decideReferrals')
  async reviewReferral(@Ctx() ctx: RequestContext, @Arg('input') input: ReviewReferralInput): Promise<ReferralType> {
    return (await referralViews(ctx, [await reviewReferral(ctx, input)]))[0]!;
  }

  @Mutation(() => ReferralType, { description: "Record the accreditation commission's decision" })
  @Allow('decideReferrals')
  async decideReferral(@Ctx() ctx: RequestContext, @Arg('input') input: DecideReferralInput): Promise<ReferralType> {
    return (await referralViews(ctx, [await decideReferral(ctx, input)]))[0]!;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The file the referral opened or joined, once accepted' })
  @Allow('followParticipants')
  participantId(@Root() referral: ReferralType): string | null {
    return referral.referral?.participant ? toGlobalId('Participant', referral.referral.participant.id) : null;
  }

  @FieldResolver(() => [ParticipantType], {
    description: 'People on file with the same name and birth date: accept one of them rather than open a second file',
  })
  @Allow('followParticipants')
  async possibleMatches(@Root() referral: ReferralType, @Ctx() ctx: RequestContext): Promise<ParticipantType[]> {
    const { lastName, firstName, birthDate } = referral.referral!;
    return toTypes(ctx, await findPossibleDuplicates(ctx, lastName, firstName, birthDate));
  }
}
