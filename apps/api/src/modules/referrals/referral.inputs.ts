import { Field, ID, InputType, Int } from 'type-graphql';
import { ConsentMethod, ReferralDecision, ReferralStatus } from '@jalon/domain';
import { ParticipantDetailsInput } from '../participants/participant.inputs';
import { LongText } from '../../graphql/input-limits';

@InputType({ description: 'A partner refers a person to the PLIE, with the person agreeing' })
export class SubmitReferralInput {
  @Field(() => ParticipantDetailsInput)
  details!: ParticipantDetailsInput;

  @Field(() => ID, { nullable: true, description: 'Staff recording a referral received from a partner: that organisation. A partner refers for its own.' })
  organisationId?: string | null;

  @LongText(4000)
  @Field({ description: "The person's situation as the partner knows it" })
  situation!: string;

  @LongText(2000)
  @Field({ description: 'Why the partner refers the person' })
  reason!: string;

  @LongText(2000)
  @Field(() => String, { nullable: true, description: "The person's expectations" })
  expectations?: string | null;

  @Field(() => ConsentMethod, { description: 'How the person agreed to be referred' })
  agreementMethod!: ConsentMethod;

  @Field({ description: 'YYYY-MM-DD' })
  agreedOn!: string;

  @Field(() => String, { nullable: true, description: 'Required for an oral agreement' })
  witness?: string | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class ReferralFilter {
  @Field(() => [ReferralStatus], { nullable: true })
  statuses?: ReferralStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Part of the name' })
  search?: string | null;
}

@InputType()
export class ReviewReferralInput {
  @Field(() => ID)
  referralId!: string;

  @Field(() => Int)
  version!: number;
}

@InputType({ description: "The accreditation commission's decision on a referral" })
export class DecideReferralInput {
  @Field(() => ID)
  referralId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ReferralDecision)
  decision!: ReferralDecision;

  @LongText(2000)
  @Field(() => String, { nullable: true, description: 'Required to refuse, redirect or postpone: the referring partners read it' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'Required to redirect: where the person is sent instead' })
  redirectedTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'To accept: the referent who will follow the person (required for a new file)' })
  referentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'To accept a person already on file (one of possibleMatches) rather than open a new file' })
  participantId?: string | null;

  @Field({ nullable: true, defaultValue: false, description: 'Open a new file even though a person with the same name and birth date is on file' })
  confirmNewPerson!: boolean;
}
