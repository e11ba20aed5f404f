import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AssistedContractKind, ContractEndReason, DataClass, IDENTIFICATION, ObstacleCategory, SkillLevel } from '@jalon/domain';
import { getTrade } from '@jalon/reference-data/node';
import type { ConsentSubject, SubjectBearer } from '../../access/consent-scope';
import { Shared, SharedType } from '../../access/field-consent';
import { Node, toGlobalId } from '../../graphql/relay';
import { reportedStage } from '../../access/report-access';
import type { AssistedContract, ContractRenewal, ContractReport } from './assisted-contract.entity';

// Plain values, no participant data of their own: resolved without the field middleware.
@ObjectType('EvaluatedSkill', { simpleResolvers: true })
export class EvaluatedSkillType {
  @Field()
  skill!: string;

  @Field(() => SkillLevel)
  level!: SkillLevel;
}

@ObjectType('ContractRenewal', { simpleResolvers: true })
export class ContractRenewalType {
  @Field(() => LocalDateResolver, { nullable: true })
  previousEndOn!: string | null;

  @Field(() => LocalDateResolver)
  newEndOn!: string;

  @Field()
  organisationName!: string;

  @Field()
  recordedAt!: Date;

  static from(renewal: ContractRenewal): ContractRenewalType {
    return Object.assign(new ContractRenewalType(), {
      previousEndOn: renewal.previousEndOn ?? null,
      newEndOn: renewal.newEndOn,
      organisationName: renewal.organisation.name,
      recordedAt: renewal.recordedAt,
    });
  }
}

/** An employer's report on a month: shared under CONTRACT_REPORTS, always visible to its author. */
@ObjectType('ContractReport', { implements: Node })
@SharedType(DataClass.CONTRACT_REPORTS)
export class ContractReportType extends Node implements SubjectBearer {
  readonly __typename = 'ContractReport';
  consentSubject!: ConsentSubject;

  @Shared(DataClass.CONTRACT_REPORTS)
  @Field({ description: 'YYYY-MM' })
  period!: string;

  @Shared(DataClass.CONTRACT_REPORTS)
  @Field(() => Float)
  hoursWorked!: number;

  @Shared(DataClass.CONTRACT_REPORTS)
  @Field(() => Float)
  trainingHours!: number;

  @Shared(DataClass.CONTRACT_REPORTS)
  @Field(() => String, { nullable: true })
  trainingSubjects!: string | null;

  @Shared(DataClass.CONTRACT_REPORTS)
  @Field(() => Float)
  absenceHours!: number;

  @Shared(DataClass.CONTRACT_REPORTS)
  @Field(() => String, { nullable: true })
  absenceNote!: string | null;

  @Shared(DataClass.CONTRACT_REPORTS)
  @Field(() => [EvaluatedSkillType])
  skills!: EvaluatedSkillType[];

  @Shared(DataClass.CONTRACT_REPORTS)
  @Field(() => [ObstacleCategory])
  obstaclesMet!: ObstacleCategory[];

  @Shared(DataClass.CONTRACT_REPORTS)
  @Field(() => String, { nullable: true })
  incidents!: string | null;

  @Shared(DataClass.CONTRACT_REPORTS)
  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Shared(DataClass.CONTRACT_REPORTS)
  @Field()
  authorOrganisationName!: string;

  @Shared(DataClass.CONTRACT_REPORTS)
  @Field()
  submittedAt!: Date;

  static from(report: ContractReport, contract: AssistedContract): ContractReportType {
    return Object.assign(new ContractReportType(), {
      id: toGlobalId('ContractReport', report.id),
      period: report.period,
      hoursWorked: report.hoursWorked,
      trainingHours: report.trainingHours,
      trainingSubjects: report.trainingSubjects ?? null,
      absenceHours: report.absenceHours,
      absenceNote: report.absenceNote ?? null,
      skills: report.skills,
      obstaclesMet: report.obstaclesMet,
      incidents: report.incidents ?? null,
      comment: report.comment ?? null,
      authorOrganisationName: report.authorOrganisation.name,
      submittedAt: report.submittedAt,
      consentSubject: { ...reportedStage(contract.stage).subject, itemClass: DataClass.CONTRACT_REPORTS, authorOrganisationId: report.authorOrganisation.id },
    });
  }
}

/** The contract a stage carries: part of the stage's details; its reports under their own class. */
@ObjectType('AssistedContract', { implements: Node })
@SharedType(DataClass.STAGE_DETAILS)
export class AssistedContractType extends Node implements SubjectBearer {
  readonly __typename = 'AssistedContract';
  consentSubject!: ConsentSubject;
  /** For the nested fields (reports, renewals). */
  contract!: AssistedContract;

  @Shared(IDENTIFICATION)
  @Field({ description: "The employee's first name" })
  firstName!: string;

  @Shared(IDENTIFICATION)
  @Field()
  lastName!: string;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => ID)
  stageId!: string;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => AssistedContractKind)
  contractType!: AssistedContractKind;

  @Shared(DataClass.STAGE_DETAILS)
  @Field()
  employerName!: string;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => LocalDateResolver)
  startOn!: string;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => LocalDateResolver, { nullable: true })
  endOn!: string | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => Float)
  weeklyHours!: number;

  @Shared(DataClass.STAGE_DETAILS)
  @Field()
  position!: string;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => String, { nullable: true })
  romeCode!: string | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => String, { nullable: true })
  romeLabel!: string | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => String, { nullable: true })
  tutorName!: string | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => LocalDateResolver, { nullable: true })
  endedOn!: string | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => ContractEndReason, { nullable: true })
  endReason!: ContractEndReason | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => Int, { description: 'To renew or end it' })
  version!: number;

  static from(contract: AssistedContract): AssistedContractType {
    const participant = contract.stage.pathway.participant;
    return Object.assign(new AssistedContractType(), {
      id: toGlobalId('AssistedContract', contract.id),
      contract,
      firstName: participant.firstName,
      lastName: participant.lastName,
      stageId: toGlobalId('Stage', contract.stage.id),
      contractType: contract.contractType,
      employerName: contract.employer.name,
      startOn: contract.startOn,
      endOn: contract.endOn ?? null,
      weeklyHours: contract.weeklyHours,
      position: contract.position,
      romeCode: contract.romeCode ?? null,
      romeLabel: contract.romeCode ? (getTrade(contract.romeCode)?.label ?? null) : null,
      tutorName: contract.tutorName ?? null,
      endedOn: contract.endedOn ?? null,
      endReason: contract.endReason ?? null,
      version: contract.version,
      consentSubject: { ...reportedStage(contract.stage).subject, itemClass: DataClass.STAGE_DETAILS },
    });
  }
}

@ObjectType('ContractMonth', { description: "A contract on the supervisor's month: the report filed, if any, and the hours the contract allows" })
export class ContractMonthType {
  @Field(() => AssistedContractType)
  contract!: AssistedContractType;

  @Field(() => ContractReportType, { nullable: true })
  report!: ContractReportType | null;

  @Field(() => Float)
  maxHours!: number;
}
