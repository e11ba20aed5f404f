import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CandidacyStatus, JobContractType, JobOfferSource, JobOfferStatus } from '@jalon/domain';
import { LongText } from '../../graphql/input-limits';
import { CollectedAgreementInput } from '../consent/consent.inputs';

@InputType()
export class JobOfferFilter {
  @Field(() => JobOfferStatus, { nullable: true })
  status?: JobOfferStatus | null;

  @Field(() => ID, { nullable: true, description: 'The offers of one company' })
  companyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the title' })
  search?: string | null;
}

@InputType({ description: 'What the offer says' })
export class JobOfferDetailsInput {
  @Field()
  title!: string;

  @Field({ description: 'ROME code of the trade' })
  romeCode!: string;

  @Field({ description: 'INSEE code of the commune where the job is' })
  communeCode!: string;

  @Field(() => JobContractType)
  contractType!: JobContractType;

  @Field(() => Int, { nullable: true, description: 'Months; none for a CDI' })
  durationMonths?: number | null;

  @Field(() => Float)
  weeklyHours!: number;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  startOn?: string | null;

  @Field(() => Int)
  positions!: number;

  @LongText(2000)
  @Field(() => String, { nullable: true, description: 'Diplomas, licences, experience the employer asks for' })
  requirements?: string | null;

  @Field(() => JobOfferSource, { nullable: true, description: 'Staff only: where it came from (a partner’s own offer is PARTNER)' })
  source?: JobOfferSource | null;

  @Field(() => ID, { nullable: true, description: 'Staff only: the company followed that offers it' })
  companyId?: string | null;
}

@InputType()
export class CreateJobOfferInput extends JobOfferDetailsInput {
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateJobOfferInput extends JobOfferDetailsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => JobOfferStatus)
  status!: JobOfferStatus;
}

@InputType()
export class ProposeCandidacyInput {
  @Field(() => ID)
  offerId!: string;

  @Field(() => ID)
  pathwayId!: string;

  @LongText(2000)
  @Field({ description: 'What the employer reads about her: written for it, never her file' })
  summary!: string;

  @Field(() => CollectedAgreementInput, {
    nullable: true,
    description: 'When the employer is a partner organisation: her agreement that it sees the candidacy, recorded with it',
  })
  consent?: CollectedAgreementInput | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType({ description: "The employer's answer" })
export class AnswerCandidacyInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => CandidacyStatus, { description: 'RETAINED or NOT_RETAINED' })
  answer!: CandidacyStatus;

  @LongText(2000)
  @Field(() => String, { nullable: true, description: 'Required when not retained: why' })
  note?: string | null;
}

@InputType({ description: "The referent's record of how it ended" })
export class RecordCandidacyOutcomeInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => CandidacyStatus, { description: 'HIRED, NOT_RETAINED or WITHDRAWN' })
  outcome!: CandidacyStatus;

  @LongText(2000)
  @Field(() => String, { nullable: true, description: 'Required unless hired' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'Hired: the first day of work, YYYY-MM-DD' })
  hiredOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'Hired: the kind of the stage the job becomes' })
  stageKindId?: string | null;
}
