import { Field, ID, InputType, Int } from 'type-graphql';
import { CaseloadAlert, EmploymentSituation, EsfAnswer, ExitKind, Gender, PathwayStatus } from '@jalon/domain';
import { LongText, MaxLength } from '../../graphql/input-limits';

@InputType({ description: 'Identity, contact and address: what the referent types at reception' })
export class ParticipantDetailsInput {
  @MaxLength(100)
  @Field()
  firstName!: string;

  @MaxLength(100)
  @Field()
  lastName!: string;

  @Field({ description: 'YYYY-MM-DD' })
  birthDate!: string;

  @Field(() => Gender, { nullable: true })
  gender?: Gender | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @MaxLength(254)
  @Field(() => String, { nullable: true })
  email?: string | null;

  @MaxLength(300)
  @Field(() => String, { nullable: true })
  addressLine?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune of residence' })
  communeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Priority district (QPV) code, e.g. QN03801M' })
  priorityDistrictCode?: string | null;
}

@InputType({ description: 'Situation at entry (ESF+ items); REFUSED records that the person declined to answer' })
export class EsfEntryInput {
  @Field(() => EmploymentSituation, { nullable: true })
  employmentSituation?: EmploymentSituation | null;

  @Field(() => Int, { nullable: true, description: 'ISCED 2011 level, 0 to 8' })
  educationLevel?: number | null;

  @Field(() => EsfAnswer, { nullable: true })
  disability?: EsfAnswer | null;

  @Field(() => EsfAnswer, { nullable: true })
  thirdCountryNational?: EsfAnswer | null;

  @Field(() => EsfAnswer, { nullable: true })
  foreignBackground?: EsfAnswer | null;

  @Field(() => EsfAnswer, { nullable: true })
  minority?: EsfAnswer | null;

  @Field(() => EsfAnswer, { nullable: true })
  homeless?: EsfAnswer | null;

  @Field(() => EsfAnswer, { nullable: true })
  ruralArea?: EsfAnswer | null;

  @Field(() => EsfAnswer, { nullable: true, description: 'Beneficiary of minimum income (RSA) at entry: a PLIE item, not an ESF+ one' })
  minimumIncome?: EsfAnswer | null;
}

@InputType()
export class CreateParticipantInput {
  @Field(() => ParticipantDetailsInput)
  details!: ParticipantDetailsInput;

  @Field(() => EsfEntryInput, { nullable: true })
  entry?: EsfEntryInput | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today when omitted' })
  referralDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'The referent (a membership); the creating referent when omitted' })
  referentId?: string | null;

  @Field({ nullable: true, defaultValue: false, description: 'Create even though a person with the same name and birth date exists' })
  confirmNotDuplicate!: boolean;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateParticipantInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ParticipantDetailsInput)
  details!: ParticipantDetailsInput;
}

@InputType()
export class UpdatePathwayEntryInput {
  @Field(() => ID)
  pathwayId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => EsfEntryInput, { description: 'The whole situation at entry: items left out are cleared' })
  entry!: EsfEntryInput;
}

@InputType()
export class ChangePathwayStatusInput {
  @Field(() => ID)
  pathwayId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => PathwayStatus)
  status!: PathwayStatus;

  @Field({ description: 'The day it happened, YYYY-MM-DD (entry date when becoming ACTIVE, exit date when EXITED)' })
  date!: string;

  @Field(() => ExitKind, { nullable: true, description: 'Required when the status becomes EXITED' })
  exitKind?: ExitKind | null;

  @LongText(1000)
  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'When closing an in-job follow-up: whether the positive exit is confirmed' })
  exitValidated?: boolean | null;
}

@InputType()
export class ReassignParticipantInput {
  @Field(() => ID)
  participantId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ID)
  referentId!: string;
}

@InputType()
export class ParticipantFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, any case or accent' })
  search?: string | null;

  @Field(() => [PathwayStatus], { nullable: true, description: 'Status of the current pathway' })
  statuses?: PathwayStatus[] | null;

  @Field(() => ID, { nullable: true })
  referentId?: string | null;

  @Field({ nullable: true, defaultValue: false, description: 'Only my caseload' })
  mine!: boolean;

  @Field(() => String, { nullable: true })
  communeCode?: string | null;

  @Field(() => CaseloadAlert, { nullable: true, description: 'Only files showing this alert' })
  alert?: CaseloadAlert | null;

  @Field(() => ID, { nullable: true, description: 'Only people with a stage of this kind in a pathway' })
  stageKindId?: string | null;
}
