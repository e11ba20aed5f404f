import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AssistedContractKind, ContractEndReason, ObstacleCategory, SkillLevel } from '@jalon/domain';
import { LongText, MaxLength } from '../../graphql/input-limits';

@InputType({ description: 'The assisted contract a stage carries, as the referent records it' })
export class SetAssistedContractInput {
  @Field(() => ID)
  stageId!: string;

  @Field(() => Int, { nullable: true, description: 'The version read, to correct an existing contract' })
  version?: number | null;

  @Field(() => ID, { nullable: true, description: "The employer; the stage's operator when omitted" })
  employerId?: string | null;

  @Field(() => AssistedContractKind)
  contractType!: AssistedContractKind;

  @Field({ description: 'YYYY-MM-DD' })
  startOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; planned end' })
  endOn?: string | null;

  @Field(() => Float)
  weeklyHours!: number;

  @Field()
  position!: string;

  @Field(() => String, { nullable: true, description: 'ROME code of the trade' })
  romeCode?: string | null;

  @Field(() => String, { nullable: true })
  tutorName?: string | null;
}

@InputType()
export class RenewContractInput {
  @Field(() => ID)
  contractId!: string;

  @Field(() => Int)
  version!: number;

  @Field({ description: 'YYYY-MM-DD: the new planned end' })
  newEndOn!: string;
}

@InputType()
export class EndContractInput {
  @Field(() => ID)
  contractId!: string;

  @Field(() => Int)
  version!: number;

  @Field({ description: 'YYYY-MM-DD' })
  endedOn!: string;

  @Field(() => ContractEndReason)
  reason!: ContractEndReason;
}

@InputType()
export class EvaluatedSkillInput {
  @MaxLength(100)
  @Field()
  skill!: string;

  @Field(() => SkillLevel)
  level!: SkillLevel;
}

@InputType({ description: "One employee's month" })
export class ContractReportInput {
  @Field(() => ID)
  contractId!: string;

  @Field(() => Float)
  hoursWorked!: number;

  @Field(() => Float, { nullable: true })
  trainingHours?: number | null;

  @LongText(500)
  @Field(() => String, { nullable: true })
  trainingSubjects?: string | null;

  @Field(() => Float, { nullable: true })
  absenceHours?: number | null;

  @LongText(500)
  @Field(() => String, { nullable: true })
  absenceNote?: string | null;

  @Field(() => [EvaluatedSkillInput], { nullable: true })
  skills?: EvaluatedSkillInput[] | null;

  @Field(() => [ObstacleCategory], { nullable: true, description: 'Obstacles met at work (health, disability and justice are told to the referent directly)' })
  obstaclesMet?: ObstacleCategory[] | null;

  @LongText(2000)
  @Field(() => String, { nullable: true })
  incidents?: string | null;

  @LongText(2000)
  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType({ description: "A month's reports, for one employee or many: all filed, or none" })
export class FileContractReportsInput {
  @Field({ description: 'YYYY-MM' })
  period!: string;

  @Field(() => [ContractReportInput])
  reports!: ContractReportInput[];

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}
