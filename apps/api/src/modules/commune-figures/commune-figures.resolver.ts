import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { communeFigures, CommuneFiguresType } from './commune-figures';

@Resolver()
export class CommuneFiguresResolver {
  @Query(() => CommuneFiguresType, { description: "A commune's residents in the PLIE, in aggregate: a commune partner sees its own; staff name the commune" })
  @Allow('actInTenant')
  communeFigures(
    @Ctx() ctx: RequestContext,
    @Arg('communeCode', () => String, { nullable: true, description: 'INSEE code; a commune partner may leave it out' }) communeCode?: string | null,
  ): Promise<CommuneFiguresType> {
    return communeFigures(ctx, communeCode);
  }
}
