import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { NEVER_SHARED, RETENTION_LIMITS } from '@jalon/domain';
import type { ConsentSubject, SubjectBearer } from '../../access/consent-scope';
import { Shared, SharedType } from '../../access/field-consent';
import { Connection, toGlobalId } from '../../graphql/relay';
import type { StoredRetentionPolicy } from './retention.query';

@ObjectType('RetentionSettingBounds')
export class RetentionSettingBoundsType {
  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;
}

@ObjectType('RetentionPolicy', { description: 'How long files and access-log entries are kept (the defaults until the administrator saves one)' })
export class RetentionPolicyType {
  @Field(() => Int)
  archiveAfterMonths!: number;

  @Field(() => Int)
  anonymiseAfterYears!: number;

  @Field(() => Int)
  accessLogMonths!: number;

  @Field(() => Int, { description: '0 while the defaults apply' })
  version!: number;

  @Field(() => DateTimeResolver, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => RetentionSettingBoundsType)
  archiveAfterMonthsBounds!: RetentionSettingBoundsType;

  @Field(() => RetentionSettingBoundsType)
  anonymiseAfterYearsBounds!: RetentionSettingBoundsType;

  @Field(() => RetentionSettingBoundsType)
  accessLogMonthsBounds!: RetentionSettingBoundsType;

  static from(policy: StoredRetentionPolicy): RetentionPolicyType {
    return {
      ...policy,
      archiveAfterMonthsBounds: RETENTION_LIMITS.archiveAfterMonths,
      anonymiseAfterYearsBounds: RETENTION_LIMITS.anonymiseAfterYears,
      accessLogMonthsBounds: RETENTION_LIMITS.accessLogMonths,
    };
  }
}

/** A file named in the retention screens: the animation team only, never a partner. */
@ObjectType('RetentionFile')
@SharedType(NEVER_SHARED)
export class RetentionFileType implements SubjectBearer {
  consentSubject!: ConsentSubject;

  @Shared(NEVER_SHARED)
  @Field(() => ID, { description: 'The participant’s global id' })
  participantId!: string;

  @Shared(NEVER_SHARED)
  @Field()
  name!: string;

  @Shared(NEVER_SHARED)
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the last pathway closed' })
  lastClosedOn!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => LocalDateResolver, { nullable: true })
  archivedOn!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the step became due' })
  dueOn!: string | null;

  static from(file: {
    participantId: string;
    name: string;
    lastClosedOn?: string | null;
    archivedOn?: string | null;
    dueOn?: string | null;
  }): RetentionFileType {
    return {
      participantId: toGlobalId('Participant', file.participantId),
      name: file.name,
      lastClosedOn: file.lastClosedOn ?? null,
      archivedOn: file.archivedOn ?? null,
      dueOn: file.dueOn ?? null,
      consentSubject: { participantId: file.participantId, itemClass: NEVER_SHARED },
    };
  }
}

@ObjectType('RetentionDryRun', { description: 'What the next run would do today, nothing done' })
export class RetentionDryRunType {
  @Field(() => LocalDateResolver)
  day!: string;

  @Field(() => [RetentionFileType], { description: 'Closed files that would move to the intermediate archive' })
  toArchive!: RetentionFileType[];

  @Field(() => [RetentionFileType], { description: 'Archived files that would be anonymised' })
  toAnonymise!: RetentionFileType[];

  @Field(() => DateTimeResolver, { description: 'Access-log entries before this instant would be deleted' })
  accessLogCutoff!: Date;

  @Field(() => Int)
  accessLogToDelete!: number;
}

@ObjectType('RetentionRun', { description: 'A run of the daily job, or an erasure on request' })
@SharedType(NEVER_SHARED)
export class RetentionRunType implements SubjectBearer {
  consentSubject!: ConsentSubject;

  @Shared(NEVER_SHARED)
  @Field(() => ID)
  id!: string;

  @Shared(NEVER_SHARED)
  @Field(() => String, { description: 'DAILY or ERASURE' })
  kind!: string;

  @Shared(NEVER_SHARED)
  @Field(() => DateTimeResolver)
  at!: Date;

  @Shared(NEVER_SHARED)
  @Field(() => String, { nullable: true, description: 'Who asked for an erasure' })
  byName!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => String, { nullable: true, description: 'The erasure request' })
  reason!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => [RetentionFileType])
  archived!: RetentionFileType[];

  @Shared(NEVER_SHARED)
  @Field(() => [RetentionFileType])
  anonymised!: RetentionFileType[];

  @Shared(NEVER_SHARED)
  @Field(() => Int)
  accessLogDeleted!: number;
}

@ObjectType()
export class RetentionRunConnection extends Connection(RetentionRunType, 'RetentionRun') {}

@ObjectType('ArchivedFile', { description: 'A file in the intermediate archive: opened only with a reason, logged' })
@SharedType(NEVER_SHARED)
export class ArchivedFileType implements SubjectBearer {
  consentSubject!: ConsentSubject;

  @Shared(NEVER_SHARED)
  @Field(() => ID, { description: 'The participant’s global id' })
  id!: string;

  @Shared(NEVER_SHARED)
  @Field()
  name!: string;

  @Shared(NEVER_SHARED)
  @Field(() => Int)
  birthYear!: number;

  @Shared(NEVER_SHARED)
  @Field(() => LocalDateResolver, { nullable: true })
  lastClosedOn!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => LocalDateResolver)
  archivedOn!: string;

  @Shared(NEVER_SHARED)
  @Field(() => LocalDateResolver, { nullable: true })
  anonymisedOn!: string | null;
}

@ObjectType()
export class ArchivedFileConnection extends Connection(ArchivedFileType, 'ArchivedFile') {}
