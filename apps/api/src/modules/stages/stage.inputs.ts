import { Field, ID, InputType, Int } from 'type-graphql';
import { StageStatus } from '@jalon/domain';
import { LongText } from '../../graphql/input-limits';

@InputType()
export class StagePlanInput {
  @Field(() => ID, { nullable: true, description: 'The organisation that runs the stage' })
  operatorId?: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  plannedStart!: string;

  @Field(() => String, { nullable: true })
  plannedEnd?: string | null;

  @Field(() => String, { nullable: true, description: 'ROME 4.0 code of the trade aimed at' })
  romeCode?: string | null;

  @LongText(2000)
  @Field(() => String, { nullable: true, description: 'What partners may be shown, under consent' })
  sharedSummary?: string | null;

  @LongText(5000)
  @Field(() => String, { nullable: true, description: "The referent's own notes: never shared" })
  privateNotes?: string | null;
}

@InputType()
export class AddStageInput extends StagePlanInput {
  @Field(() => ID)
  pathwayId!: string;

  @Field(() => ID)
  kindId!: string;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateStageInput extends StagePlanInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => StageStatus)
  status!: StageStatus;

  @Field(() => String, { nullable: true })
  actualStart?: string | null;

  @Field(() => String, { nullable: true })
  actualEnd?: string | null;

  @LongText(2000)
  @Field(() => String, { nullable: true })
  outcome?: string | null;
}
