import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { RightsRequestKind, RightsRequestStatus } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { PageArgs } from '../../graphql/pagination';
import { toGlobalId } from '../../graphql/relay';
import { ownFile } from './participant-file';
import {
  accessOf,
  answerRequest,
  emailSignInLink,
  issueCode,
  revokeAccess,
  rightsRequestsPage,
  signInWithCode,
  signInWithLink,
  signOutParticipant,
  submitOwnRightsRequest,
  withdrawOwnConsentAndTell,
} from './participant-space.service';
import { MySpaceType, ParticipantAccessCodeType, ParticipantSpaceAccessType, RightsRequestConnection, RightsRequestType } from './participant-space.type';

/** The participant's own space (her operations, rule PARTICIPANT) and what staff do about it. */
@Resolver()
export class ParticipantSpaceResolver {
  @Mutation(() => Boolean, { description: 'Signs a participant in to her own space with the one-time code her referent handed her' })
  @Allow('PUBLIC')
  signInWithParticipantCode(@Ctx() ctx: RequestContext, @Arg('code') code: string): Promise<boolean> {
    return signInWithCode(ctx, code);
  }

  @Mutation(() => Boolean, { description: 'Signs a participant in to her own space with the secret of the link emailed to her' })
  @Allow('PUBLIC')
  signInWithParticipantLink(@Ctx() ctx: RequestContext, @Arg('token') token: string): Promise<boolean> {
    return signInWithLink(ctx, token);
  }

  @Mutation(() => DateTimeResolver, { description: 'Emails the person a single-use sign-in link to her space; returns until when it works' })
  @Allow('followParticipants')
  sendParticipantSignInLink(@Ctx() ctx: RequestContext, @Arg('participantId', () => ID) participantId: string): Promise<Date> {
    return emailSignInLink(ctx, participantId);
  }

  @Mutation(() => Boolean, { description: "Ends the participant's session in this browser" })
  @Allow('PUBLIC')
  signOutParticipant(@Ctx() ctx: RequestContext): Promise<boolean> {
    return signOutParticipant(ctx);
  }

  @Query(() => MySpaceType, { description: 'Her own file, as she may read it' })
  @Allow('PARTICIPANT')
  async mySpace(@Ctx() ctx: RequestContext): Promise<MySpaceType> {
    return MySpaceType.from(await ownFile(ctx), ctx.now, ctx.locale);
  }

  @Mutation(() => MySpaceType, { description: 'She withdraws one of her consents: effective at the partner’s next request, her referent told' })
  @Allow('PARTICIPANT')
  async withdrawMyConsent(@Ctx() ctx: RequestContext, @Arg('consentId', () => ID) consentId: string): Promise<MySpaceType> {
    await withdrawOwnConsentAndTell(ctx, consentId);
    return MySpaceType.from(await ownFile(ctx), ctx.now, ctx.locale);
  }

  @Mutation(() => MySpaceType, { description: 'She asks for a correction or the erasure of her data; the animation team answers within one month' })
  @Allow('PARTICIPANT')
  async submitRightsRequest(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => RightsRequestKind) kind: RightsRequestKind,
    @Arg('message') message: string,
  ): Promise<MySpaceType> {
    await submitOwnRightsRequest(ctx, kind, message);
    return MySpaceType.from(await ownFile(ctx), ctx.now, ctx.locale);
  }

  @Query(() => ParticipantSpaceAccessType, { description: 'Whether the person can reach her own space' })
  @Allow('followParticipants')
  async participantSpaceAccess(@Ctx() ctx: RequestContext, @Arg('participantId', () => ID) participantId: string): Promise<ParticipantSpaceAccessType> {
    const state = await accessOf(ctx, participantId);
    return {
      participantId: toGlobalId('Participant', state.participantId),
      active: state.liveSessions > 0,
      lastSignInAt: state.lastSignInAt,
      codeExpiresAt: state.codeExpiresAt,
    };
  }

  @Mutation(() => ParticipantAccessCodeType, { description: 'A new one-time code for the person (an unused earlier one stops working)' })
  @Allow('followParticipants')
  async createParticipantAccessCode(@Ctx() ctx: RequestContext, @Arg('participantId', () => ID) participantId: string): Promise<ParticipantAccessCodeType> {
    const { code, expiresAt } = await issueCode(ctx, participantId);
    return ParticipantAccessCodeType.of(code, expiresAt);
  }

  @Mutation(() => ParticipantSpaceAccessType, { description: 'Ends all her sessions (at their next request) and her unused codes' })
  @Allow('followParticipants')
  async revokeParticipantSpaceAccess(@Ctx() ctx: RequestContext, @Arg('participantId', () => ID) participantId: string): Promise<ParticipantSpaceAccessType> {
    await revokeAccess(ctx, participantId);
    return this.participantSpaceAccess(ctx, participantId);
  }

  @Query(() => RightsRequestConnection, { description: "The participants' requests for correction or erasure, open ones first by deadline" })
  @Allow('answerRightsRequests')
  rightsRequests(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => RightsRequestStatus, { nullable: true }) status: RightsRequestStatus | null,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<RightsRequestConnection> {
    return rightsRequestsPage(ctx, status ?? null, page);
  }

  @Mutation(() => RightsRequestType, { description: 'Closes a request with the answer given to the person' })
  @Allow('answerRightsRequests')
  async answerRightsRequest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('answer') answer: string,
  ): Promise<RightsRequestType> {
    return RightsRequestType.fromRow(await answerRequest(ctx, id, version, answer));
  }
}
