import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { PageArgs } from '../../graphql/pagination';
import { toConnection } from '../../graphql/relay';
import { CompanyType } from '../companies/company.type';
import {
  CreateSocialClauseInput,
  PlaceOnSocialClauseInput,
  RecordClauseHoursInput,
  RemoveClauseHoursInput,
  SocialClauseFilter,
  UpdateClausePlacementInput,
  UpdateSocialClauseInput,
} from './social-clause.inputs';
import {
  clauseCursor,
  clausesOfCompany,
  createSocialClause,
  getSocialClause,
  listSocialClauses,
  placeOnSocialClause,
  placementsOf,
  recordClauseHours,
  removeClauseHours,
  updateClausePlacement,
  updateSocialClause,
} from './social-clause.service';
import { ClausePlacementType, SocialClauseConnection, SocialClauseType } from './social-clause.type';

/** Social clauses of public contracts, the people placed on them and their hours: staff only. */
@Resolver(() => SocialClauseType)
export class SocialClauseResolver {
  @Query(() => SocialClauseConnection, { description: 'The PLIE’s social clauses, those ending first first' })
  @Allow('followCompanies')
  async socialClauses(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => SocialClauseFilter, { nullable: true }) filter?: SocialClauseFilter,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<SocialClauseConnection> {
    const result = await listSocialClauses(ctx, filter, page);
    return toConnection(result.page, clauseCursor, result.clauses);
  }

  @Query(() => SocialClauseType)
  @Allow('followCompanies')
  async socialClause(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<SocialClauseType> {
    return getSocialClause(ctx, id);
  }

  @FieldResolver(() => [ClausePlacementType], { description: 'The people placed on the clause, first placed first' })
  @Allow('followCompanies')
  async placements(@Root() clause: SocialClauseType, @Ctx() ctx: RequestContext): Promise<ClausePlacementType[]> {
    return placementsOf(ctx, clause.entity);
  }

  @Mutation(() => SocialClauseType, { description: 'Record the social clause of a public contract a company won' })
  @Allow('followCompanies')
  async createSocialClause(@Ctx() ctx: RequestContext, @Arg('input') input: CreateSocialClauseInput): Promise<SocialClauseType> {
    return createSocialClause(ctx, input);
  }

  @Mutation(() => SocialClauseType)
  @Allow('followCompanies')
  async updateSocialClause(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateSocialClauseInput): Promise<SocialClauseType> {
    return updateSocialClause(ctx, input);
  }

  @Mutation(() => ClausePlacementType, { description: 'Place a person followed on a clause’s hours' })
  @Allow('followCompanies')
  async placeOnSocialClause(@Ctx() ctx: RequestContext, @Arg('input') input: PlaceOnSocialClauseInput): Promise<ClausePlacementType> {
    return placeOnSocialClause(ctx, input);
  }

  @Mutation(() => ClausePlacementType, { description: 'Change how or when a person works on a clause (end the placement, correct its days)' })
  @Allow('followCompanies')
  async updateClausePlacement(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateClausePlacementInput): Promise<ClausePlacementType> {
    return updateClausePlacement(ctx, input);
  }

  @Mutation(() => ClausePlacementType, { description: 'Record hours a placed person did; answers the placement with its hours' })
  @Allow('followCompanies')
  async recordClauseHours(@Ctx() ctx: RequestContext, @Arg('input') input: RecordClauseHoursInput): Promise<ClausePlacementType> {
    return recordClauseHours(ctx, input);
  }

  @Mutation(() => ClausePlacementType, { description: 'Take back hours recorded by mistake; answers the placement with its hours' })
  @Allow('followCompanies')
  async removeClauseHours(@Ctx() ctx: RequestContext, @Arg('input') input: RemoveClauseHoursInput): Promise<ClausePlacementType> {
    return removeClauseHours(ctx, input);
  }
}

/** A company's clauses, on its page. */
@Resolver(() => CompanyType)
export class CompanySocialClausesResolver {
  @FieldResolver(() => [SocialClauseType], { description: 'The social clauses of contracts the company won, those ending first first' })
  @Allow('followCompanies')
  async socialClauses(@Root() company: CompanyType, @Ctx() ctx: RequestContext): Promise<SocialClauseType[]> {
    return clausesOfCompany(ctx, company.entity);
  }
}
