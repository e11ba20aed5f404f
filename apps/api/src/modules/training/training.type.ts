import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { DataClass, TrainingOutcome } from '@jalon/domain';
import type { ConsentSubject, SubjectBearer } from '../../access/consent-scope';
import { reportedStage } from '../../access/report-access';
import { Shared, SharedType } from '../../access/field-consent';
import { Node, toGlobalId } from '../../graphql/relay';
import { ParticipantType } from '../participants/participant.type';
import type { Stage } from '../stages/stage.entity';
import { StageType } from '../stages/stage.type';
import type { TrainingAttendance, TrainingResult } from './training.entity';

/** The training operator's report subject: shared under TRAINING_REPORTS, always visible to its author. */
function subjectOf(stage: Stage, authorOrganisationId: string): ConsentSubject {
  return { ...reportedStage(stage).subject, itemClass: DataClass.TRAINING_REPORTS, authorOrganisationId };
}

@ObjectType('TrainingAttendance', { implements: Node, description: "A trainee's attendance over a month" })
@SharedType(DataClass.TRAINING_REPORTS)
export class TrainingAttendanceType extends Node implements SubjectBearer {
  readonly __typename = 'TrainingAttendance';
  consentSubject!: ConsentSubject;

  @Shared(DataClass.TRAINING_REPORTS)
  @Field({ description: 'YYYY-MM' })
  period!: string;

  @Shared(DataClass.TRAINING_REPORTS)
  @Field(() => Float)
  hoursPlanned!: number;

  @Shared(DataClass.TRAINING_REPORTS)
  @Field(() => Float)
  hoursAttended!: number;

  @Shared(DataClass.TRAINING_REPORTS)
  @Field(() => String, { nullable: true })
  absenceNote!: string | null;

  @Shared(DataClass.TRAINING_REPORTS)
  @Field()
  authorOrganisationName!: string;

  static from(attendance: TrainingAttendance, stage: Stage): TrainingAttendanceType {
    return Object.assign(new TrainingAttendanceType(), {
      id: toGlobalId('TrainingAttendance', attendance.id),
      period: attendance.period,
      hoursPlanned: attendance.hoursPlanned,
      hoursAttended: attendance.hoursAttended,
      absenceNote: attendance.absenceNote ?? null,
      authorOrganisationName: attendance.authorOrganisation.name,
      consentSubject: subjectOf(stage, attendance.authorOrganisation.id),
    });
  }
}

@ObjectType('TrainingResult', { implements: Node, description: 'How the training ended for the trainee' })
@SharedType(DataClass.TRAINING_REPORTS)
export class TrainingResultType extends Node implements SubjectBearer {
  readonly __typename = 'TrainingResult';
  consentSubject!: ConsentSubject;

  @Shared(DataClass.TRAINING_REPORTS)
  @Field(() => TrainingOutcome)
  outcome!: TrainingOutcome;

  @Shared(DataClass.TRAINING_REPORTS)
  @Field(() => LocalDateResolver)
  endedOn!: string;

  @Shared(DataClass.TRAINING_REPORTS)
  @Field(() => String, { nullable: true })
  certification!: string | null;

  @Shared(DataClass.TRAINING_REPORTS)
  @Field(() => String, { nullable: true })
  dropOutReason!: string | null;

  @Shared(DataClass.TRAINING_REPORTS)
  @Field()
  authorOrganisationName!: string;

  @Shared(DataClass.TRAINING_REPORTS)
  @Field(() => Int, { description: 'To correct it' })
  version!: number;

  static from(result: TrainingResult, stage: Stage): TrainingResultType {
    return Object.assign(new TrainingResultType(), {
      id: toGlobalId('TrainingResult', result.id),
      outcome: result.outcome,
      endedOn: result.endedOn,
      certification: result.certification ?? null,
      dropOutReason: result.dropOutReason ?? null,
      authorOrganisationName: result.authorOrganisation.name,
      version: result.version,
      consentSubject: subjectOf(stage, result.authorOrganisation.id),
    });
  }
}

@ObjectType('TraineeMonth', { description: "A trainee on the training operator's month: the attendance recorded, and the result once known" })
export class TraineeMonthType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;

  @Field(() => StageType)
  stage!: StageType;

  @Field(() => TrainingAttendanceType, { nullable: true })
  attendance!: TrainingAttendanceType | null;

  @Field(() => TrainingResultType, { nullable: true })
  result!: TrainingResultType | null;
}
