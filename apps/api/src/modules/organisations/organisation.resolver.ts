import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { PageArgs } from '../../graphql/pagination';
import { toConnection } from '../../graphql/relay';
import { CreateOrganisationInput, OrganisationFilter, UpdateOrganisationInput } from './organisation.inputs';
import { createOrganisation, getOrganisation, listOrganisations, organisationCursor, updateOrganisation } from './organisation.service';
import { OrganisationConnection, OrganisationType } from './organisation.type';

@Resolver()
export class OrganisationResolver {
  @Query(() => OrganisationConnection, { description: 'Organisations of the active PLIE, by name' })
  @Allow('readOrganisations')
  async organisations(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => OrganisationFilter, { nullable: true }) filter?: OrganisationFilter,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<OrganisationConnection> {
    const result = await listOrganisations(ctx, filter, page);
    return toConnection(result, organisationCursor, result.nodes.map(OrganisationType.from));
  }

  @Query(() => OrganisationType)
  @Allow('readOrganisations')
  async organisation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<OrganisationType> {
    return OrganisationType.from(await getOrganisation(ctx, id));
  }

  @Mutation(() => OrganisationType)
  @Allow('manageOrganisations')
  async createOrganisation(@Ctx() ctx: RequestContext, @Arg('input') input: CreateOrganisationInput): Promise<OrganisationType> {
    return OrganisationType.from(await createOrganisation(ctx, input));
  }

  @Mutation(() => OrganisationType)
  @Allow('manageOrganisations')
  async updateOrganisation(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateOrganisationInput): Promise<OrganisationType> {
    return OrganisationType.from(await updateOrganisation(ctx, input));
  }
}
