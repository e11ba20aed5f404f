import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { DataClass, NEVER_SHARED, OrganisationKind, StageCategory, StageStatus } from '@jalon/domain';
import type { ConsentSubject, SubjectBearer } from '../../access/consent-scope';
import { Shared, SharedType } from '../../access/field-consent';
import { getTrade } from '@jalon/reference-data/node';
import { Node, toGlobalId } from '../../graphql/relay';
import type { Locale } from '../../i18n/messages';
import type { Organisation } from '../organisations/organisation.entity';
import type { StageKind } from './stage-kind.entity';
import type { Stage } from './stage.entity';

/** What a stage kind's view is built from: the entity, or the participants list's row (participant-page.query.ts). */
export type StageKindRow = Pick<StageKind, 'id' | 'code' | 'category' | 'labelFr' | 'labelEn' | 'active'>;

/** What a stage's view is built from: the entity (its pathway loaded), or the participants list's row. */
export type StageRow = Pick<
  Stage,
  'id' | 'status' | 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd' | 'romeCode' | 'outcome' | 'sharedSummary' | 'privateNotes' | 'version'
> & {
  kind: StageKindRow;
  operator?: Pick<Organisation, 'id' | 'name' | 'kind'> | null;
  pathway: { id: string; participant: { id: string } };
};

// Plain values, no participant data, no field rules: resolved without the field middleware (a list of 700 stages has 700 of these).
@ObjectType('StageKind', { implements: Node, simpleResolvers: true })
export class StageKindType extends Node {
  readonly __typename = 'StageKind';

  @Field()
  code!: string;

  @Field(() => StageCategory)
  category!: StageCategory;

  @Field({ description: "In the viewer's language" })
  label!: string;

  @Field()
  active!: boolean;

  static from(kind: StageKindRow, locale: Locale): StageKindType {
    return Object.assign(new StageKindType(), {
      id: toGlobalId('StageKind', kind.id),
      code: kind.code,
      category: kind.category,
      label: locale === 'en' ? kind.labelEn : kind.labelFr,
      active: kind.active,
    });
  }
}

// Plain values, no participant data, no field rules: resolved without the field middleware (a list of 700 stages has 700 of these).
@ObjectType('StageOperator', { simpleResolvers: true })
export class StageOperatorType {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;
}

// Plain values, no participant data, no field rules: resolved without the field middleware (a list of 700 stages has 700 of these).
@ObjectType('StageAccess', { simpleResolvers: true, description: 'Which parts of this stage are shared with the viewer (all of it for staff)' })
export class StageAccessType {
  @Field()
  details!: boolean;

  @Field()
  contractReports!: boolean;

  @Field()
  trainingReports!: boolean;
}

export const STAGE_ACCESS_CLASSES = {
  details: DataClass.STAGE_DETAILS,
  contractReports: DataClass.CONTRACT_REPORTS,
  trainingReports: DataClass.TRAINING_REPORTS,
} as const;

// Plain values: type-graphql's own resolver per field (two objects each, 5,000 in a partner's list) is not needed; access/ guards every field still.
@ObjectType('Stage', { implements: Node, simpleResolvers: true })
@SharedType(DataClass.STAGE_LIST)
export class StageType extends Node implements SubjectBearer {
  readonly __typename = 'Stage';
  consentSubject!: ConsentSubject;

  @Shared(DataClass.STAGE_LIST)
  @Field(() => StageKindType)
  kind!: StageKindType;

  @Shared(DataClass.STAGE_LIST)
  @Field(() => StageOperatorType, { nullable: true })
  operator!: StageOperatorType | null;

  @Shared(DataClass.STAGE_LIST)
  @Field(() => StageStatus)
  status!: StageStatus;

  @Shared(DataClass.STAGE_LIST)
  @Field(() => LocalDateResolver)
  plannedStart!: string;

  @Shared(DataClass.STAGE_LIST)
  @Field(() => LocalDateResolver, { nullable: true })
  plannedEnd!: string | null;

  @Shared(DataClass.STAGE_LIST)
  @Field(() => LocalDateResolver, { nullable: true })
  actualStart!: string | null;

  @Shared(DataClass.STAGE_LIST)
  @Field(() => LocalDateResolver, { nullable: true })
  actualEnd!: string | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => String, { nullable: true })
  romeCode!: string | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => String, { nullable: true })
  romeLabel!: string | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => String, { nullable: true })
  outcome!: string | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => String, { nullable: true })
  sharedSummary!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => String, { nullable: true })
  privateNotes!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => Int, { nullable: true })
  version!: number | null;

  /** `kindView`: the kinds' views already made for the page (a list of 700 stages has a dozen kinds). */
  static from(stage: StageRow, locale: Locale, kindView: (kind: StageKindRow) => StageKindType = (kind) => StageKindType.from(kind, locale)): StageType {
    return new StageType(stage, kindView);
  }

  // Every field is set here rather than by Object.assign on an empty view: V8 then lays a stage out
  // in one allocation, where Object.assign grew it field by field and copied a literal (a partner's
  // list has 700 stages; 100 KB of what its request allocated).
  private constructor(stage: StageRow, kindView: (kind: StageKindRow) => StageKindType) {
    super();
    this.id = toGlobalId('Stage', stage.id);
    this.kind = kindView(stage.kind);
    this.operator = stage.operator ? { id: toGlobalId('Organisation', stage.operator.id), name: stage.operator.name, kind: stage.operator.kind } : null;
    this.status = stage.status;
    this.plannedStart = stage.plannedStart;
    this.plannedEnd = stage.plannedEnd ?? null;
    this.actualStart = stage.actualStart ?? null;
    this.actualEnd = stage.actualEnd ?? null;
    this.romeCode = stage.romeCode ?? null;
    this.romeLabel = stage.romeCode ? (getTrade(stage.romeCode)?.label ?? null) : null;
    this.outcome = stage.outcome ?? null;
    this.sharedSummary = stage.sharedSummary ?? null;
    this.privateNotes = stage.privateNotes ?? null;
    this.version = stage.version;
    this.consentSubject = {
      participantId: stage.pathway.participant.id,
      itemClass: DataClass.STAGE_LIST,
      stage: { id: stage.id, kindCode: stage.kind.code, category: stage.kind.category, operatorOrganisationId: stage.operator?.id ?? null },
    };
  }
}
