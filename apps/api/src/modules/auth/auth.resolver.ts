import { Arg, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { PASSWORD_MAX_LENGTH } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { errors } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import { login, loadViewer, logout, switchMembership } from './auth.service';
import { ViewerType } from './viewer.type';
import { MaxLength } from '../../graphql/input-limits';

@InputType()
class LoginInput {
  @MaxLength(254)
  @Field()
  email!: string;

  @MaxLength(PASSWORD_MAX_LENGTH)
  @Field()
  password!: string;
}

@Resolver()
export class AuthResolver {
  @Query(() => ViewerType, { nullable: true, description: 'The logged-in user; null when nobody is, UNAUTHENTICATED when the session just ended' })
  @Allow('PUBLIC')
  async me(@Ctx() ctx: RequestContext): Promise<ViewerType | null> {
    if (!ctx.actor) {
      if (ctx.sessionExpired) throw errors.unauthenticated(ctx, 'SESSION_EXPIRED');
      return null;
    }
    return loadViewer(ctx, ctx.actor.userId, ctx.actor.membership?.id ?? null);
  }

  @Mutation(() => ViewerType)
  @Allow('PUBLIC')
  login(@Ctx() ctx: RequestContext, @Arg('input') input: LoginInput): Promise<ViewerType> {
    return login(ctx, input.email, input.password);
  }

  @Mutation(() => Boolean)
  @Allow('PUBLIC')
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return logout(ctx);
  }

  @Mutation(() => ViewerType, { description: 'Act through another of my memberships, possibly in another PLIE' })
  @Allow('AUTHENTICATED')
  switchMembership(@Ctx() ctx: RequestContext, @Arg('membershipId', () => ID) membershipId: string): Promise<ViewerType> {
    const actor = ctx.actor!;
    const parsed = parseGlobalId(membershipId, 'Membership');
    if (!parsed) throw errors.notFound(ctx, 'membershipId');
    return switchMembership(ctx, actor.userId, actor.sessionId, parsed.id);
  }
}
