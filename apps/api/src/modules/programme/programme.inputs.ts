import { Field, ID, InputType, Int } from 'type-graphql';
import { PositioningStatus, ProgrammeActionStatus, ProgrammeFunding, StageCategory } from '@jalon/domain';
import { LongText } from '../../graphql/input-limits';
import { CollectedAgreementInput } from '../consent/consent.inputs';

@InputType()
export class ProgrammeActionFilter {
  @Field(() => ProgrammeActionStatus, { nullable: true })
  status?: ProgrammeActionStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'Only the actions people may be positioned on (planned, open, or full with a waiting list)' })
  takesPositionings?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the title' })
  search?: string | null;
}

@InputType({ description: 'What the action is' })
export class ProgrammeActionDetailsInput {
  @Field()
  title!: string;

  @Field(() => ID, { description: 'The partner organisation that runs it' })
  operatorId!: string;

  @Field(() => ID, { description: 'The kind of stage it is for the people accepted' })
  kindId!: string;

  @Field(() => ProgrammeFunding)
  funding!: ProgrammeFunding;

  @Field(() => ID, { nullable: true, description: 'ESF_OPERATION: the operation that funds it' })
  esfOperationId?: string | null;

  @Field(() => String, { nullable: true, description: 'COMMUNE or OTHER: who funds it' })
  funder?: string | null;

  @LongText(2000)
  @Field({ description: 'Who it is for' })
  targetPublic!: string;
}

@InputType()
export class CreateProgrammeActionInput extends ProgrammeActionDetailsInput {
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateProgrammeActionInput extends ProgrammeActionDetailsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ProgrammeActionStatus)
  status!: ProgrammeActionStatus;
}

@InputType({ description: 'A session: its dates, where, how many places' })
export class SessionDetailsInput {
  @Field({ description: 'YYYY-MM-DD' })
  startsOn!: string;

  @Field({ description: 'YYYY-MM-DD' })
  endsOn!: string;

  @Field({ description: 'INSEE code of the commune where it is held' })
  communeCode!: string;

  @Field(() => Int)
  places!: number;
}

@InputType()
export class AddProgrammeSessionInput extends SessionDetailsInput {
  @Field(() => ID)
  actionId!: string;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateProgrammeSessionInput extends SessionDetailsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;
}

@InputType()
export class ProposePositioningInput {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => ID)
  pathwayId!: string;

  @LongText(1000)
  @Field({ description: 'Why she is proposed: the operator reads it' })
  reason!: string;

  @Field(() => CollectedAgreementInput, { nullable: true, description: 'Her agreement that the operator sees it, recorded with it (none: it waits for one)' })
  consent?: CollectedAgreementInput | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType({ description: "The operator's answer" })
export class AnswerPositioningInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => PositioningStatus, { description: 'ACCEPTED (the waiting list when the session is full), DECLINED or WAITING' })
  answer!: PositioningStatus;

  @LongText(1000)
  @Field(() => String, { nullable: true, description: 'Required when declined: why' })
  note?: string | null;
}

@InputType()
export class WithdrawPositioningInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @LongText(1000)
  @Field({ description: 'Why (the operator reads it)' })
  reason!: string;
}

@InputType({ description: 'An unmet need for the programme' })
export class RecordProgrammeNeedInput {
  @Field(() => ID, { description: 'The kind of action needed' })
  kindId!: string;

  @Field({ description: 'INSEE code of the commune' })
  communeCode!: string;

  @Field(() => Int, { description: 'How many people (1 for a person)' })
  people!: number;

  @Field({ description: "For when: a month 'YYYY-MM' or a quarter 'YYYY-Qn'" })
  period!: string;

  @Field(() => ID, { nullable: true, description: 'The person it is for, if one' })
  participantId?: string | null;

  @LongText(1000)
  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A kind of stage of the catalogue' })
export class StageKindDetailsInput {
  @Field()
  labelFr!: string;

  @Field()
  labelEn!: string;
}

@InputType()
export class CreateStageKindInput extends StageKindDetailsInput {
  @Field(() => StageCategory)
  category!: StageCategory;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Rename a kind, or retire it (a kind in use is retired, never deleted) and bring it back' })
export class UpdateStageKindInput extends StageKindDetailsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  active!: boolean;
}
