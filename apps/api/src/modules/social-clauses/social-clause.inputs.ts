import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ClausePlacementKind, SocialClauseStatus } from '@jalon/domain';
import { LongText } from '../../graphql/input-limits';

@InputType()
export class SocialClauseFilter {
  @Field(() => SocialClauseStatus, { nullable: true })
  status?: SocialClauseStatus | null;

  @Field(() => ID, { nullable: true, description: 'The clauses of one company' })
  companyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the buyer, the contract, its reference or the company' })
  search?: string | null;
}

@InputType({ description: 'The public contract and the hours of integration its clause owes' })
export class SocialClauseDetailsInput {
  @Field({ description: 'The public buyer: the metropolis, a commune, a social landlord…' })
  buyer!: string;

  @Field()
  contractName!: string;

  @Field(() => String, { nullable: true, description: 'The buyer’s reference of the contract' })
  reference?: string | null;

  @Field(() => String, { nullable: true })
  lot?: string | null;

  @Field({ description: 'YYYY-MM-DD: first day of the contract’s execution' })
  startsOn!: string;

  @Field({ description: 'YYYY-MM-DD: last day, after the first' })
  endsOn!: string;

  @Field(() => Float, { description: 'Hours of integration the clause owes' })
  hoursOwed!: number;

  @LongText(2000)
  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType()
export class CreateSocialClauseInput extends SocialClauseDetailsInput {
  @Field(() => ID)
  companyId!: string;

  @Field(() => String, { nullable: true, description: 'Chosen by the client per intended creation: a retry with the same key returns the first result' })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateSocialClauseInput extends SocialClauseDetailsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version that was read; a newer one on the server means CONFLICT' })
  version!: number;
}

@InputType({ description: 'How and when a person works on a clause’s hours' })
export class ClausePlacementDetailsInput {
  @Field(() => ClausePlacementKind)
  kind!: ClausePlacementKind;

  @Field(() => ID, { nullable: true, description: 'The integration company (a followed company) that makes the person available; for MADE_AVAILABLE' })
  intermediaryId?: string | null;

  @Field(() => String, { nullable: true, description: 'The position held' })
  position?: string | null;

  @Field({ description: 'YYYY-MM-DD, within the clause’s period' })
  startsOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, within the clause’s period; null while it goes on' })
  endsOn?: string | null;
}

@InputType()
export class PlaceOnSocialClauseInput extends ClausePlacementDetailsInput {
  @Field(() => ID)
  clauseId!: string;

  @Field(() => ID)
  participantId!: string;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateClausePlacementInput extends ClausePlacementDetailsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;
}

@InputType({ description: 'Hours a placed person did over a span of days' })
export class RecordClauseHoursInput {
  @Field(() => ID)
  placementId!: string;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;

  @Field({ description: 'YYYY-MM-DD, first day worked of the span' })
  fromOn!: string;

  @Field({ description: 'YYYY-MM-DD, last day of the span, not in the future' })
  toOn!: string;

  @Field(() => Float, { description: 'Hours done over the span: more than 0, at most 10 a day' })
  hours!: number;
}

@InputType({ description: 'A record of hours typed by mistake, taken back' })
export class RemoveClauseHoursInput {
  @Field(() => ID)
  id!: string;
}
