import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { MeetingKind, ReferralDecision } from '@jalon/domain';
import { LongText, MaxLength } from '../../graphql/input-limits';

/** Which meetings a list shows: those still to come (soonest first) or those past (latest first). */
export enum MeetingPeriod {
  UPCOMING = 'UPCOMING',
  PAST = 'PAST',
}
registerEnumType(MeetingPeriod, { name: 'MeetingPeriod' });

export enum AgendaMove {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(AgendaMove, { name: 'AgendaMove' });

@InputType()
export class MeetingFilter {
  @Field(() => MeetingPeriod, { defaultValue: MeetingPeriod.UPCOMING })
  period!: MeetingPeriod;

  @Field(() => [MeetingKind], { nullable: true })
  kinds?: MeetingKind[] | null;
}

@InputType({ description: 'A meeting: what, when, where, who is invited' })
export class MeetingDetailsInput {
  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field()
  title!: string;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @MaxLength(300)
  @Field(() => String, { nullable: true, description: 'The room and address; a place or a video link is required' })
  place?: string | null;

  @MaxLength(500)
  @Field(() => String, { nullable: true, description: 'https:// link of the video meeting' })
  videoLink?: string | null;

  @Field(() => [ID], { description: 'Organisations invited: what their attendees see is decided for them' })
  organisationIds!: string[];

  @Field(() => [ID], { defaultValue: [], description: 'People invited by name (users); their organisation is invited with them' })
  inviteeUserIds!: string[];
}

@InputType()
export class PlanMeetingInput {
  @Field(() => MeetingDetailsInput)
  details!: MeetingDetailsInput;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateMeetingInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => MeetingDetailsInput)
  details!: MeetingDetailsInput;
}

@InputType({ description: 'A meeting and the version it was read at' })
export class MeetingVersionInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => Int)
  version!: number;
}

@InputType({ description: 'A point on the agenda: about a participant, about a referral (commission), or general (neither)' })
export class AddAgendaItemInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID, { nullable: true })
  participantId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An open referral, on an accreditation commission' })
  referralId?: string | null;

  @LongText(2000)
  @Field({ description: 'The question to discuss, or the subject of a general item' })
  question!: string;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class EditAgendaItemInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => Int)
  version!: number;

  @LongText(2000)
  @Field()
  question!: string;
}

@InputType({ description: 'An agenda item and the version it was read at' })
export class AgendaItemVersionInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => Int)
  version!: number;
}

@InputType()
export class MoveAgendaItemInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => Int, { description: 'The version the item was read at: two people reordering at once do not overwrite each other' })
  version!: number;

  @Field(() => AgendaMove)
  direction!: AgendaMove;
}

@InputType({ description: 'What the meeting concluded on an item: its minutes and, on a referral before the commission, the decision' })
export class RecordAgendaOutcomeInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => Int)
  version!: number;

  @LongText(10_000)
  @Field(() => String, { nullable: true })
  minutes?: string | null;

  @Field(() => ReferralDecision, { nullable: true, description: 'The commission’s decision on the referral (once)' })
  decision?: ReferralDecision | null;

  @LongText(2000)
  @Field(() => String, { nullable: true, description: 'Required to refuse, redirect or postpone' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'Required to redirect' })
  redirectedTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'To accept: the referent who will follow the person' })
  referentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'To accept a person already on file rather than open a new file' })
  participantId?: string | null;

  @Field({ nullable: true, defaultValue: false })
  confirmNewPerson!: boolean;
}

@InputType({ description: 'Something to do after the meeting' })
export class AddAgendaActionInput {
  @Field(() => ID)
  itemId!: string;

  @LongText(1000)
  @Field()
  description!: string;

  @Field(() => ID, { description: 'An invited organisation, or one of the PLIE’s own' })
  ownerOrganisationId!: string;

  @Field({ description: 'YYYY-MM-DD' })
  dueOn!: string;

  @Field(() => String, { nullable: true, description: 'Chosen by the client per intended creation: a retry with the same key returns the first result' })
  idempotencyKey?: string | null;
}

@InputType()
export class RecordMeetingMinutesInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => Int)
  version!: number;

  @LongText(20_000)
  @Field(() => String, { nullable: true })
  minutes?: string | null;
}
