import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { PageArgs } from '../../graphql/pagination';
import { toConnection } from '../../graphql/relay';
import { CompanyFilter, CreateCompanyInput, RecordCompanyEventInput, UpdateCompanyInput } from './company.inputs';
import {
  companyCursor,
  createCompany,
  getCompany,
  listCompanies,
  listCompanyEvents,
  listCompanyOfficers,
  recordCompanyEvent,
  updateCompany,
} from './company.service';
import { CompanyConnection, CompanyEventType, CompanyOfficerType, CompanyType } from './company.type';

/** The PLIE's directory of companies and its relations with them: staff only. */
@Resolver(() => CompanyType)
export class CompanyResolver {
  @Query(() => CompanyConnection, { description: 'Companies the PLIE follows, by name' })
  @Allow('followCompanies')
  async companies(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => CompanyFilter, { nullable: true }) filter?: CompanyFilter,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<CompanyConnection> {
    const result = await listCompanies(ctx, filter, page);
    return toConnection(result, companyCursor, result.nodes.map(CompanyType.from));
  }

  @Query(() => CompanyType)
  @Allow('followCompanies')
  async company(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<CompanyType> {
    return CompanyType.from(await getCompany(ctx, id));
  }

  @Query(() => [CompanyOfficerType], { description: 'Staff members who may be in charge of a company' })
  @Allow('followCompanies')
  async companyOfficers(@Ctx() ctx: RequestContext): Promise<CompanyOfficerType[]> {
    return (await listCompanyOfficers(ctx)).map(CompanyOfficerType.from);
  }

  @FieldResolver(() => [CompanyEventType], { description: 'What happened with the company, latest first' })
  @Allow('followCompanies')
  async events(@Root() company: CompanyType, @Ctx() ctx: RequestContext): Promise<CompanyEventType[]> {
    return (await listCompanyEvents(ctx, company.entity)).map(CompanyEventType.from);
  }

  @Mutation(() => CompanyType)
  @Allow('followCompanies')
  async createCompany(@Ctx() ctx: RequestContext, @Arg('input') input: CreateCompanyInput): Promise<CompanyType> {
    return CompanyType.from(await createCompany(ctx, input));
  }

  @Mutation(() => CompanyType)
  @Allow('followCompanies')
  async updateCompany(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateCompanyInput): Promise<CompanyType> {
    return CompanyType.from(await updateCompany(ctx, input));
  }

  @Mutation(() => CompanyEventType, { description: 'Record a visit, a call, an email or an event with a company' })
  @Allow('followCompanies')
  async recordCompanyEvent(@Ctx() ctx: RequestContext, @Arg('input') input: RecordCompanyEventInput): Promise<CompanyEventType> {
    return CompanyEventType.from(await recordCompanyEvent(ctx, input));
  }
}
