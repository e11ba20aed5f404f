import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'The PLIE’s retention policy (bounds in packages/domain retention.ts)' })
export class UpdateRetentionPolicyInput {
  @Field(() => Int, { description: 'Months after the last pathway closed before the file moves to the intermediate archive' })
  archiveAfterMonths!: number;

  @Field(() => Int, { description: 'Years after the end of the ESF+ audit retention (no operation: after the archive date) before anonymisation' })
  anonymiseAfterYears!: number;

  @Field(() => Int, { description: 'Months the access-log entries are kept' })
  accessLogMonths!: number;

  @Field(() => Int, { description: 'The version that was read (0: the defaults, never saved); a newer one on the server means CONFLICT' })
  version!: number;
}

@InputType()
export class OpenArchivedFileInput {
  @Field(() => ID)
  participantId!: string;

  @Field({ description: 'Why the file is opened: kept in the access log with the read' })
  reason!: string;
}

@InputType()
export class EraseParticipantInput {
  @Field(() => ID)
  participantId!: string;

  @Field({ description: 'The request (who asked, when, how): kept with the erasure’s record' })
  reason!: string;
}

@InputType()
export class ArchivedFileFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name' })
  search?: string | null;
}
