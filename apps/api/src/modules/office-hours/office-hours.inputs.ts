import { Field, ID, InputType, Int } from 'type-graphql';
import { ConsentMethod, OfficeHoursClosureReason } from '@jalon/domain';
import { MaxLength } from '../../graphql/input-limits';

@InputType()
export class AssignReferentInput {
  @Field(() => ID, { description: "The referent's membership" })
  referentId!: string;

  @Field({ description: 'INSEE code of the member commune' })
  communeCode!: string;

  @Field(() => String, { nullable: true, description: 'A priority district (QPV) of that commune, or none: the commune at large' })
  priorityDistrictCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Chosen by the client per intended creation: a retry with the same key returns the first result' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A weekly slot, in Paris wall time' })
export class OfficeHoursDetailsInput {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday' })
  weekday!: number;

  @Field(() => Int, { description: 'Minutes after midnight (9:00 = 540)' })
  startMinute!: number;

  @Field(() => Int, { description: 'Minutes after midnight, after the start' })
  endMinute!: number;

  @Field(() => Int, { description: 'Length of one appointment, in minutes' })
  slotMinutes!: number;

  @MaxLength(300)
  @Field({ description: 'Where residents come' })
  address!: string;

  @Field({ description: 'YYYY-MM-DD: first day held' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: last day held, or none' })
  validUntil?: string | null;
}

@InputType()
export class PublishOfficeHoursInput extends OfficeHoursDetailsInput {
  @Field(() => ID, { description: 'Where the referent is assigned' })
  assignmentId!: string;

  @Field(() => String, { nullable: true, description: 'Chosen by the client per intended creation: a retry with the same key returns the first result' })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateOfficeHoursInput extends OfficeHoursDetailsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version that was read; a newer one on the server means CONFLICT' })
  version!: number;
}

@InputType()
export class CloseOfficeHoursDayInput {
  @Field(() => ID)
  officeHoursId!: string;

  @Field({ description: 'YYYY-MM-DD: a day the office hours are held' })
  day!: string;

  @Field(() => OfficeHoursClosureReason)
  reason!: OfficeHoursClosureReason;

  @MaxLength(300)
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'A commune books a free slot for a resident it refers, with her agreement' })
export class BookOfficeHoursSlotInput {
  @Field(() => ID)
  officeHoursId!: string;

  @Field({ description: 'The start of a free slot, as listed' })
  startsAt!: Date;

  @Field(() => ID, { description: 'The referral of the resident, submitted by the commune' })
  referralId!: string;

  @Field(() => ConsentMethod, { nullable: true, description: 'How the person agreed to the appointment' })
  agreementMethod?: ConsentMethod | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when she agreed' })
  agreedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Chosen by the client per intended creation: a retry with the same key returns the first result' })
  idempotencyKey?: string | null;
}
