import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { readableParticipants } from '../../access/participant-access';
import { loaderFor } from '../../graphql/loaders';
import { newestFirstCursor, PageArgs } from '../../graphql/pagination';
import { toConnection, toGlobalId } from '../../graphql/relay';
import { Participant } from '../participants/participant.entity';
import { findPathway, toTypes } from '../participants/participant.service';
import type { ParticipantType } from '../participants/participant.type';
import { JobOffer, type Candidacy } from './job-offer.entity';
import {
  AnswerCandidacyInput,
  CreateJobOfferInput,
  JobOfferFilter,
  ProposeCandidacyInput,
  RecordCandidacyOutcomeInput,
  UpdateJobOfferInput,
} from './job-offer.inputs';
import { jobMatchCounts, jobMatches } from './job-matching.query';
import {
  answerCandidacy,
  candidaciesOfOffers,
  candidaciesOfPathway,
  countCandidaciesToAnswer,
  createJobOffer,
  getJobOffer,
  listJobOffers,
  proposeCandidacy,
  recordCandidacyOutcome,
  updateJobOffer,
} from './job-offer.service';
import { CandidacyType, JobMatchReasonType, JobOfferConnection, JobOfferType, OfferMatchType, PathwayOfferMatchType } from './job-offer.type';
import { mayFollowCompanies } from '../../access/job-offer-access';

/** The candidacies' types: the people through the consent-aware participant types, the offers named as the viewer may. */
async function candidacyTypes(ctx: RequestContext, candidacies: Candidacy[]): Promise<CandidacyType[]> {
  const people = await toTypes(
    ctx,
    candidacies.map((c) => c.participant as Participant),
  );
  return candidacies.map((c, i) => CandidacyType.from(c, people[i]!, JobOfferType.from(c.offer, mayFollowCompanies(ctx))));
}

/** A page of the offers the viewer reaches (the PLIE's for staff, its own for an employer), the company named as it may. */
async function offersConnection(ctx: RequestContext, filter: JobOfferFilter | undefined, page: PageArgs | undefined): Promise<JobOfferConnection> {
  const result = await listJobOffers(ctx, filter, page);
  return toConnection(
    result,
    newestFirstCursor,
    result.nodes.map((offer) => JobOfferType.from(offer, mayFollowCompanies(ctx))),
  );
}

/** The people of match rows that the viewer may read, in the rows' order. */
async function matchedPeople(ctx: RequestContext, ids: string[]): Promise<Map<string, ParticipantType>> {
  const rows = await ctx.em.find(Participant, { $and: [{ id: { $in: ids } }, await readableParticipants(ctx)] }, { populate: ['referent.organisation'] });
  const types = await toTypes(ctx, rows);
  return new Map(rows.map((row, i) => [row.id, types[i]!]));
}

/** Job offers, the matching both ways, and candidacies. */
@Resolver(() => JobOfferType)
export class JobOfferResolver {
  @Query(() => JobOfferConnection, { description: 'The PLIE’s job offers, newest first' })
  @Allow('followCompanies')
  async jobOffers(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => JobOfferFilter, { nullable: true }) filter?: JobOfferFilter,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<JobOfferConnection> {
    return offersConnection(ctx, filter, page);
  }

  @Query(() => JobOfferConnection, { description: "A partner employer's own offers, newest first" })
  @Allow('postJobOffers')
  async postedJobOffers(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => JobOfferFilter, { nullable: true }) filter?: JobOfferFilter,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<JobOfferConnection> {
    return offersConnection(ctx, filter, page);
  }

  @Query(() => Int, { description: "Candidacies on the employer's offers, shared with it, waiting for its answer" })
  @Allow('postJobOffers')
  async candidaciesToAnswer(@Ctx() ctx: RequestContext): Promise<number> {
    return countCandidaciesToAnswer(ctx);
  }

  @Query(() => JobOfferType)
  @Allow('actInTenant')
  async jobOffer(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<JobOfferType> {
    return JobOfferType.from((await getJobOffer(ctx, id)).offer, mayFollowCompanies(ctx));
  }

  @Query(() => [PathwayOfferMatchType], { description: 'The open offers that match a person’s project, the strongest first' })
  @Allow('followCompanies')
  async pathwayOfferMatches(@Ctx() ctx: RequestContext, @Arg('pathwayId', () => ID) pathwayId: string): Promise<PathwayOfferMatchType[]> {
    const { pathway } = await findPathway(ctx, pathwayId);
    const rows = await jobMatches(ctx.em, { pathwayId: pathway.id });
    const offers = await ctx.em.find(JobOffer, { id: { $in: rows.map((row) => row.offerId) } }, { populate: ['company'] });
    const byId = new Map(offers.map((offer) => [offer.id, offer]));
    return rows.map((row) => ({ offer: JobOfferType.from(byId.get(row.offerId)!, true), reason: JobMatchReasonType.from(row) }));
  }

  @Query(() => [CandidacyType], { description: "A person's candidacies, latest first" })
  @Allow('followCompanies')
  async pathwayCandidacies(@Ctx() ctx: RequestContext, @Arg('pathwayId', () => ID) pathwayId: string): Promise<CandidacyType[]> {
    return candidacyTypes(ctx, await candidaciesOfPathway(ctx, pathwayId));
  }

  @FieldResolver(() => [OfferMatchType], { description: 'The people available whose project matches the offer, the strongest first' })
  @Allow('followCompanies')
  async matches(@Root() offer: JobOfferType, @Ctx() ctx: RequestContext): Promise<OfferMatchType[]> {
    const rows = await jobMatches(ctx.em, { offerIds: [offer.entity.id] });
    const people = await matchedPeople(
      ctx,
      rows.map((row) => row.participantId),
    );
    return rows.flatMap((row) => {
      const participant = people.get(row.participantId);
      return participant ? [{ participant, pathwayId: toGlobalId('Pathway', row.pathwayId), reason: JobMatchReasonType.from(row) }] : [];
    });
  }

  @FieldResolver(() => Int, { description: 'How many people match the offer (over the whole PLIE)' })
  @Allow('followCompanies')
  async matchCount(@Root() offer: JobOfferType, @Ctx() ctx: RequestContext): Promise<number> {
    const counts = loaderFor<string, number>(ctx, 'jobMatchCounts', async (ids) => {
      const byOffer = await jobMatchCounts(ctx.em, ids);
      return ids.map((id) => byOffer.get(id) ?? 0);
    });
    return counts.load(offer.entity.id);
  }

  @FieldResolver(() => [CandidacyType], { description: 'The candidacies on the offer (an employer sees those the people agreed to share with it)' })
  @Allow('actInTenant')
  async candidacies(@Root() offer: JobOfferType, @Ctx() ctx: RequestContext): Promise<CandidacyType[]> {
    const all = loaderFor<string, Candidacy[]>(ctx, 'offerCandidacies', async (ids) => {
      const rows = await candidaciesOfOffers(ctx, ids);
      return ids.map((id) => rows.filter((row) => row.offer.id === id));
    });
    return candidacyTypes(ctx, await all.load(offer.entity.id));
  }

  @Mutation(() => JobOfferType, { description: 'Record an offer (staff), or post one of your own (a partner employer)' })
  @Allow('actInTenant')
  async createJobOffer(@Ctx() ctx: RequestContext, @Arg('input') input: CreateJobOfferInput): Promise<JobOfferType> {
    return JobOfferType.from(await createJobOffer(ctx, input), mayFollowCompanies(ctx));
  }

  @Mutation(() => JobOfferType)
  @Allow('actInTenant')
  async updateJobOffer(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateJobOfferInput): Promise<JobOfferType> {
    return JobOfferType.from(await updateJobOffer(ctx, input), mayFollowCompanies(ctx));
  }

  @Mutation(() => CandidacyType, { description: 'Propose a person on an open offer' })
  @Allow('followCompanies')
  async proposeCandidacy(@Ctx() ctx: RequestContext, @Arg('input') input: ProposeCandidacyInput): Promise<CandidacyType> {
    return (await candidacyTypes(ctx, [await proposeCandidacy(ctx, input)]))[0]!;
  }

  @Mutation(() => CandidacyType, { description: "The employer's answer to a candidacy it sees" })
  @Allow('postJobOffers')
  async answerCandidacy(@Ctx() ctx: RequestContext, @Arg('input') input: AnswerCandidacyInput): Promise<CandidacyType> {
    return (await candidacyTypes(ctx, [await answerCandidacy(ctx, input)]))[0]!;
  }

  @Mutation(() => CandidacyType, { description: 'Record how a candidacy ended; a hire becomes a stage' })
  @Allow('followCompanies')
  async recordCandidacyOutcome(@Ctx() ctx: RequestContext, @Arg('input') input: RecordCandidacyOutcomeInput): Promise<CandidacyType> {
    return (await candidacyTypes(ctx, [await recordCandidacyOutcome(ctx, input)]))[0]!;
  }
}
