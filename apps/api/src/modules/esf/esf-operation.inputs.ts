import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'An ESF+ operation to create (no id) or correct (id and version)' })
export class SaveEsfOperationInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version read, when correcting' })
  version?: number | null;

  @Field()
  fileNumber!: string;

  @Field()
  title!: string;

  @Field()
  startsOn!: string;

  @Field()
  endsOn!: string;

  @Field()
  beneficiary!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the last payment received, once the operation is paid off (its ESF+ audit retention counts from it)',
  })
  lastPaymentOn?: string | null;
}

@InputType({ description: 'Moves a pathway to another ESF+ operation; the move is kept with its reason' })
export class ChangePathwayOperationInput {
  @Field(() => ID)
  pathwayId!: string;

  @Field(() => Int, { description: 'esfVersion of the pathway, as read' })
  version!: number;

  @Field(() => ID)
  operationId!: string;

  @Field()
  reason!: string;
}
