import { Field, ID, InputType, Int } from 'type-graphql';
import { ConsentEffect, ConsentMethod, ConsentPurpose, DataClass, OrganisationKind } from '@jalon/domain';
import { MaxLength } from '../../graphql/input-limits';

/** What is agreed: with whom, what, for which stages and purpose, for how long, and how it was collected. */
@InputType()
export class ConsentTermsInput {
  @Field(() => ID, { nullable: true, description: 'The partner organisation; or give granteeKind for every organisation of a kind' })
  granteeOrganisationId?: string | null;

  @Field(() => OrganisationKind, { nullable: true })
  granteeKind?: OrganisationKind | null;

  @Field(() => ConsentEffect, { nullable: true, description: 'GRANT (default), or REFUSAL: never share these classes with this grantee' })
  effect?: ConsentEffect | null;

  @Field(() => [DataClass])
  dataClasses!: DataClass[];

  @Field(() => [String], { nullable: true, description: 'Stage kind codes the stage classes cover; none (and no stageIds): every stage' })
  stageKindCodes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Or the listed stages only' })
  stageIds?: string[] | null;

  @Field(() => ConsentPurpose)
  purpose!: ConsentPurpose;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; from now when absent' })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, last day included; otherwise until withdrawn or the pathway ends' })
  validUntil?: string | null;

  @Field(() => ConsentMethod)
  method!: ConsentMethod;

  @Field({ description: 'YYYY-MM-DD: the day the person agreed' })
  collectedOn!: string;

  @MaxLength(50)
  @Field({ description: 'Version of the information notice the person was given' })
  noticeVersion!: string;

  @Field(() => String, { nullable: true, description: 'For an oral consent' })
  witness?: string | null;
}

/** How the person agreed to the sharing a proposal to a partner makes (a candidacy, a positioning): the proposal sets the terms. */
@InputType({ description: "The person's agreement to the sharing the proposal makes, collected now" })
export class CollectedAgreementInput {
  @Field(() => ConsentMethod)
  method!: ConsentMethod;

  @Field({ description: 'YYYY-MM-DD: the day she agreed' })
  collectedOn!: string;

  @Field(() => String, { nullable: true, description: 'For an oral agreement' })
  witness?: string | null;
}

@InputType()
export class GrantConsentInput extends ConsentTermsInput {
  @Field(() => ID)
  participantId!: string;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class AmendConsentInput extends ConsentTermsInput {
  @Field(() => ID)
  consentId!: string;

  @Field(() => Int)
  version!: number;
}
