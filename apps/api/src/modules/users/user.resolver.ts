import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { PageArgs } from '../../graphql/pagination';
import { toConnection } from '../../graphql/relay';
import { ViewerType } from '../auth/viewer.type';
import { MembershipConnection, MembershipType } from '../tenancy/membership.type';
import { acceptInvitation, inviteUser, listPendingInvitations, previewInvitation, revokeInvitation } from './invitation.service';
import { InvitationCreatedType, InvitationPreviewType, InvitationType } from './invitation.type';
import { listMembers, memberCursor, setMembershipActive } from './member.service';
import { AcceptInvitationInput, InviteUserInput, MemberFilter, SetMembershipActiveInput } from './user.inputs';

/** Who manages access: the PLIE's administrator for everyone, a partner's administrator for her organisation (member.service.ts). */

@Resolver()
export class UserResolver {
  @Query(() => MembershipConnection, { description: "People with access to the active PLIE (a partner's administrator: her organisation's), by name" })
  @Allow('manageUsers')
  async members(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => MemberFilter, { nullable: true }) filter?: MemberFilter,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<MembershipConnection> {
    const result = await listMembers(ctx, filter, page);
    return toConnection(result, memberCursor, result.nodes.map(MembershipType.from));
  }

  @Query(() => [InvitationType], { description: 'Invitations not yet accepted nor revoked, newest first' })
  @Allow('manageUsers')
  async pendingInvitations(@Ctx() ctx: RequestContext): Promise<InvitationType[]> {
    return (await listPendingInvitations(ctx)).map(InvitationType.from);
  }

  @Query(() => InvitationPreviewType, { nullable: true, description: 'The invitation behind a link; null when it is no longer valid' })
  @Allow('PUBLIC')
  invitation(@Ctx() ctx: RequestContext, @Arg('token') token: string): Promise<InvitationPreviewType | null> {
    return previewInvitation(ctx, token);
  }

  @Mutation(() => InvitationCreatedType)
  @Allow('manageUsers')
  async inviteUser(@Ctx() ctx: RequestContext, @Arg('input') input: InviteUserInput): Promise<InvitationCreatedType> {
    const { invitation, acceptUrl } = await inviteUser(ctx, input);
    return { invitation: InvitationType.from(invitation), acceptUrl };
  }

  @Mutation(() => InvitationType)
  @Allow('manageUsers')
  async revokeInvitation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<InvitationType> {
    return InvitationType.from(await revokeInvitation(ctx, id));
  }

  @Mutation(() => ViewerType, { description: 'Accept an invitation: set a password (or confirm the existing one) and log in' })
  @Allow('PUBLIC')
  acceptInvitation(@Ctx() ctx: RequestContext, @Arg('input') input: AcceptInvitationInput): Promise<ViewerType> {
    return acceptInvitation(ctx, input);
  }

  @Mutation(() => MembershipType, { description: "Deactivate (or reactivate) a person's access to the active PLIE" })
  @Allow('manageUsers')
  async setMembershipActive(@Ctx() ctx: RequestContext, @Arg('input') input: SetMembershipActiveInput): Promise<MembershipType> {
    return MembershipType.from(await setMembershipActive(ctx, input));
  }
}
