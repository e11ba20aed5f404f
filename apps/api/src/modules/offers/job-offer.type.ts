import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AreaMatch, CandidacyStatus, DataClass, JobContractType, JobOfferSource, JobOfferStatus, TradeMatch } from '@jalon/domain';
import { getCommune } from '@jalon/reference-data/node';
import type { ConsentSubject, SubjectBearer } from '../../access/consent-scope';
import { Shared, SharedType } from '../../access/field-consent';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import { tradeOf, TradeType } from '../reference/reference.resolver';
import { ParticipantType } from '../participants/participant.type';
import type { Candidacy, JobOffer } from './job-offer.entity';
import type { JobMatchRow } from './job-matching.query';

@ObjectType('JobOfferCompany', { description: 'The company followed that offers the job (staff only)' })
export class JobOfferCompanyType {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'The partner organisation the company is: it sees the candidacies shared with it' })
  partnerId!: string | null;
}

/** A job offer. Not about a person: staff read the tenant's, a partner employer its own. */
@ObjectType('JobOffer', { implements: Node })
export class JobOfferType extends Node {
  readonly __typename = 'JobOffer';

  @Field()
  title!: string;

  @Field(() => TradeType)
  trade!: TradeType;

  @Field()
  communeCode!: string;

  @Field()
  communeName!: string;

  @Field(() => JobContractType)
  contractType!: JobContractType;

  @Field(() => Int, { nullable: true })
  durationMonths!: number | null;

  @Field(() => Float)
  weeklyHours!: number;

  @Field(() => LocalDateResolver, { nullable: true })
  startOn!: string | null;

  @Field(() => Int)
  positions!: number;

  @Field(() => String, { nullable: true })
  requirements!: string | null;

  @Field(() => JobOfferStatus)
  status!: JobOfferStatus;

  @Field(() => JobOfferSource)
  source!: JobOfferSource;

  @Field(() => JobOfferCompanyType, { nullable: true })
  company!: JobOfferCompanyType | null;

  @Field(() => Int)
  version!: number;

  @Field()
  updatedAt!: Date;

  /** For the field resolvers (matches, candidacies). */
  entity!: JobOffer;

  /** The company is named to staff; a partner knows its own (it may not read the PLIE's directory). */
  static from(offer: JobOffer, namesCompany: boolean): JobOfferType {
    return Object.assign(new JobOfferType(), {
      id: toGlobalId('JobOffer', offer.id),
      title: offer.title,
      trade: tradeOf(offer.romeCode),
      communeCode: offer.communeCode,
      communeName: getCommune(offer.communeCode)?.name ?? offer.communeCode,
      contractType: offer.contractType,
      durationMonths: offer.durationMonths ?? null,
      weeklyHours: Number(offer.weeklyHours),
      startOn: offer.startOn ?? null,
      positions: offer.positions,
      requirements: offer.requirements ?? null,
      status: offer.status,
      source: offer.source,
      company:
        namesCompany && offer.company
          ? {
              id: toGlobalId('Company', offer.company.id),
              name: offer.company.name,
              partnerId: offer.company.organisation ? toGlobalId('Organisation', offer.company.organisation.id) : null,
            }
          : null,
      version: offer.version,
      updatedAt: offer.updatedAt,
      entity: offer,
    });
  }
}

@ObjectType('JobOfferConnection')
export class JobOfferConnection extends Connection(JobOfferType, 'JobOffer') {}

/** Why a person and an offer match (staff only: the matching reads whole files' projects). */
@ObjectType('JobMatchReason')
export class JobMatchReasonType {
  @Field(() => TradeType, { description: 'Her target trade that leads to the offer' })
  targetTrade!: TradeType;

  @Field(() => TradeMatch)
  tradeMatch!: TradeMatch;

  @Field(() => Int, { description: 'Rank of the close trade (1 = closest); 0 for the same trade or sheet' })
  rank!: number;

  @Field(() => AreaMatch)
  area!: AreaMatch;

  @Field({ description: 'Already proposed on this offer' })
  proposed!: boolean;

  static from(row: JobMatchRow): JobMatchReasonType {
    return { targetTrade: tradeOf(row.targetCode), tradeMatch: row.tradeMatch, rank: row.rank, area: row.area, proposed: row.proposed };
  }
}

@ObjectType('OfferMatch', { description: 'A person who matches an offer' })
export class OfferMatchType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;

  @Field(() => ID)
  pathwayId!: string;

  @Field(() => JobMatchReasonType)
  reason!: JobMatchReasonType;
}

@ObjectType('PathwayOfferMatch', { description: 'An open offer that matches a person’s project' })
export class PathwayOfferMatchType {
  @Field(() => JobOfferType)
  offer!: JobOfferType;

  @Field(() => JobMatchReasonType)
  reason!: JobMatchReasonType;
}

/**
 * A candidacy: participant-bearing. An employer sees it, and the person's identity with it, only
 * under a consent sharing JOB_APPLICATION with its organisation; never her file.
 */
@ObjectType('Candidacy', { implements: Node })
@SharedType(DataClass.JOB_APPLICATION)
export class CandidacyType extends Node implements SubjectBearer {
  readonly __typename = 'Candidacy';
  consentSubject!: ConsentSubject;

  @Shared(DataClass.JOB_APPLICATION)
  @Field(() => ParticipantType)
  participant!: ParticipantType;

  @Shared(DataClass.JOB_APPLICATION)
  @Field(() => JobOfferType)
  offer!: JobOfferType;

  @Shared(DataClass.JOB_APPLICATION)
  @Field({ description: 'What the referent wrote for the employer' })
  summary!: string;

  @Shared(DataClass.JOB_APPLICATION)
  @Field(() => CandidacyStatus)
  status!: CandidacyStatus;

  @Shared(DataClass.JOB_APPLICATION)
  @Field(() => String, { nullable: true, description: "The employer's words with its answer" })
  answerNote!: string | null;

  @Shared(DataClass.JOB_APPLICATION)
  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;

  @Shared(DataClass.JOB_APPLICATION)
  @Field(() => String, { nullable: true, description: 'Why not retained, or withdrawn' })
  outcomeReason!: string | null;

  @Shared(DataClass.JOB_APPLICATION)
  @Field(() => LocalDateResolver, { nullable: true })
  hiredOn!: string | null;

  @Shared(DataClass.JOB_APPLICATION)
  @Field()
  proposedAt!: Date;

  @Shared(DataClass.JOB_APPLICATION)
  @Field(() => Int)
  version!: number;

  static from(candidacy: Candidacy, participant: ParticipantType, offer: JobOfferType): CandidacyType {
    return Object.assign(new CandidacyType(), {
      id: toGlobalId('Candidacy', candidacy.id),
      participant,
      offer,
      summary: candidacy.summary,
      status: candidacy.status,
      answerNote: candidacy.answerNote ?? null,
      answeredAt: candidacy.answeredAt ?? null,
      outcomeReason: candidacy.outcomeReason ?? null,
      hiredOn: candidacy.hiredOn ?? null,
      proposedAt: candidacy.createdAt,
      version: candidacy.version,
      consentSubject: { participantId: candidacy.participant.id, itemClass: DataClass.JOB_APPLICATION },
    });
  }
}
