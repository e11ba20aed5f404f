import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { TrainingOutcome } from '@jalon/domain';
import { LongText, MaxLength } from '../../graphql/input-limits';

@InputType({ description: "A trainee's month" })
export class TrainingAttendanceInput {
  @Field(() => ID)
  stageId!: string;

  @Field(() => Float)
  hoursPlanned!: number;

  @Field(() => Float)
  hoursAttended!: number;

  @LongText(500)
  @Field(() => String, { nullable: true })
  absenceNote?: string | null;
}

@InputType({ description: "A month's attendance, for one trainee or a whole group: all recorded, or none" })
export class RecordTrainingAttendanceInput {
  @Field({ description: 'YYYY-MM' })
  period!: string;

  @Field(() => [TrainingAttendanceInput])
  entries!: TrainingAttendanceInput[];

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class RecordTrainingResultInput {
  @Field(() => ID)
  stageId!: string;

  @Field(() => Int, { nullable: true, description: 'The version read, to correct a result already recorded' })
  version?: number | null;

  @Field(() => TrainingOutcome)
  outcome!: TrainingOutcome;

  @Field({ description: 'YYYY-MM-DD: the last day attended' })
  endedOn!: string;

  @MaxLength(300)
  @Field(() => String, { nullable: true, description: 'Required when certified' })
  certification?: string | null;

  @LongText(1000)
  @Field(() => String, { nullable: true, description: 'Required when the trainee dropped out' })
  dropOutReason?: string | null;
}
