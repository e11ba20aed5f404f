import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Allow } from '../access/operation-access';
import { Organisation } from '../modules/organisations/organisation.entity';
import { OrganisationType } from '../modules/organisations/organisation.type';
import { Membership } from '../modules/tenancy/membership.entity';
import { MembershipType } from '../modules/tenancy/membership.type';
import { Node, parseGlobalId } from './relay';

/**
 * Relay's node(id). Looks rows up through the tenant-scoped entity manager, so an id of another
 * tenant (or a made-up one) answers null exactly like a missing row.
 */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  @Allow('followParticipants')
  async node(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Node | null> {
    const parsed = parseGlobalId(id);
    if (!parsed) return null;
    switch (parsed.type) {
      case 'Organisation': {
        const organisation = await ctx.em.findOne(Organisation, { id: parsed.id });
        return organisation && OrganisationType.from(organisation);
      }
      case 'Membership': {
        const membership = await ctx.em.findOne(Membership, { id: parsed.id }, { populate: ['user', 'organisation', 'tenant'] });
        return membership && MembershipType.from(membership);
      }
      default:
        return null;
    }
  }
}
