import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { DataClass, PositioningStatus, ProgrammeActionStatus, ProgrammeFunding, StageCategory } from '@jalon/domain';
import type { ConsentSubject, SubjectBearer } from '../../access/consent-scope';
import { positioningSubject, type PositioningFacts } from '../../access/programme-access';
import { Shared, SharedType } from '../../access/field-consent';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import type { Locale } from '../../i18n/messages';
import { ParticipantType } from '../participants/participant.type';
import { StageKindType } from '../stages/stage.type';
import type { StageKind } from '../stages/stage-kind.entity';
import type { Positioning, ProgrammeAction, ProgrammeNeed, ProgrammeSession } from './programme.entity';
import type { SessionOccupancy } from '../../db/programme.query';
import { communeName } from './programme.service';

@ObjectType('ProgrammeOperator', { description: 'The partner organisation that runs an action' })
export class ProgrammeOperatorType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType('ProgrammeEsfOperation', { description: 'The ESF+ operation that funds an action' })
export class ProgrammeEsfOperationType {
  @Field(() => ID)
  id!: string;

  @Field()
  fileNumber!: string;

  @Field()
  title!: string;
}

/** An action of the programme. Not about a person: staff read the PLIE's, an operator its own. */
@ObjectType('ProgrammeAction', { implements: Node })
export class ProgrammeActionType extends Node {
  readonly __typename = 'ProgrammeAction';

  @Field()
  title!: string;

  @Field(() => ProgrammeOperatorType)
  operator!: ProgrammeOperatorType;

  @Field(() => StageKindType)
  kind!: StageKindType;

  @Field(() => ProgrammeFunding)
  funding!: ProgrammeFunding;

  @Field(() => ProgrammeEsfOperationType, { nullable: true, description: 'Staff only' })
  esfOperation!: ProgrammeEsfOperationType | null;

  @Field(() => String, { nullable: true })
  funder!: string | null;

  @Field()
  targetPublic!: string;

  @Field(() => ProgrammeActionStatus)
  status!: ProgrammeActionStatus;

  @Field(() => Int)
  version!: number;

  /** For the field resolvers (sessions). */
  entity!: ProgrammeAction;

  static from(action: ProgrammeAction, locale: Locale, staff: boolean): ProgrammeActionType {
    const esf = action.esfOperation;
    return Object.assign(new ProgrammeActionType(), {
      id: toGlobalId('ProgrammeAction', action.id),
      title: action.title,
      operator: { id: toGlobalId('Organisation', action.operator.id), name: action.operator.name },
      kind: StageKindType.from(action.kind, locale),
      funding: action.funding,
      esfOperation: staff && esf ? { id: toGlobalId('EsfOperation', esf.id), fileNumber: esf.fileNumber, title: esf.title } : null,
      funder: action.funder ?? null,
      targetPublic: action.targetPublic,
      status: action.status,
      version: action.version,
      entity: action,
    });
  }
}

@ObjectType('ProgrammeActionConnection')
export class ProgrammeActionConnection extends Connection(ProgrammeActionType, 'ProgrammeAction') {}

@ObjectType('SessionOccupancy', { description: 'How full a session is: counts over every positioning, never names' })
export class SessionOccupancyType {
  @Field(() => Int)
  places!: number;

  @Field(() => Int)
  proposed!: number;

  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  waiting!: number;

  @Field(() => Int, { description: 'Accepted people who came: hours attended in the operator’s training follow-up' })
  attended!: number;

  @Field(() => Int)
  placesLeft!: number;

  static from(row: SessionOccupancy): SessionOccupancyType {
    return { ...row, placesLeft: Math.max(0, row.places - row.accepted) };
  }
}

@ObjectType('ProgrammeSession', { implements: Node })
export class ProgrammeSessionType extends Node {
  readonly __typename = 'ProgrammeSession';

  @Field(() => LocalDateResolver)
  startsOn!: string;

  @Field(() => LocalDateResolver)
  endsOn!: string;

  @Field()
  communeCode!: string;

  @Field()
  communeName!: string;

  @Field(() => Int)
  places!: number;

  @Field(() => Int)
  version!: number;

  entity!: ProgrammeSession;

  static from(session: ProgrammeSession): ProgrammeSessionType {
    return Object.assign(new ProgrammeSessionType(), {
      id: toGlobalId('ProgrammeSession', session.id),
      startsOn: session.startsOn,
      endsOn: session.endsOn,
      communeCode: session.communeCode,
      communeName: communeName(session.communeCode),
      places: session.places,
      version: session.version,
      entity: session,
    });
  }
}

@ObjectType('PositioningSession', { description: 'The session a positioning is on, and its action' })
export class PositioningSessionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  actionId!: string;

  @Field()
  actionTitle!: string;

  @Field()
  operatorName!: string;

  @Field(() => LocalDateResolver)
  startsOn!: string;

  @Field(() => LocalDateResolver)
  endsOn!: string;

  @Field()
  communeName!: string;
}

/**
 * A positioning: participant-bearing. Its operator sees it, and the person's name with it, only
 * under a consent that shares the action's kind of stage with it (as the stage it becomes).
 */
@ObjectType('Positioning', { implements: Node })
@SharedType(DataClass.STAGE_DETAILS)
export class PositioningType extends Node implements SubjectBearer {
  readonly __typename = 'Positioning';
  consentSubject!: ConsentSubject;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => ParticipantType)
  participant!: ParticipantType;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => PositioningSessionType)
  session!: PositioningSessionType;

  @Shared(DataClass.STAGE_DETAILS)
  @Field({ description: 'Why her referent proposes her' })
  reason!: string;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => PositioningStatus)
  status!: PositioningStatus;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => String, { nullable: true, description: "The operator's words with its answer, or why it was withdrawn" })
  answerNote!: string | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field()
  proposedAt!: Date;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => ID, { nullable: true, description: 'Accepted: her stage' })
  stageId!: string | null;

  @Shared(DataClass.STAGE_DETAILS)
  @Field(() => Int)
  version!: number;

  static from(positioning: Positioning, participant: ParticipantType, facts: PositioningFacts): PositioningType {
    const { session } = positioning;
    return Object.assign(new PositioningType(), {
      id: toGlobalId('Positioning', positioning.id),
      participant,
      session: {
        id: toGlobalId('ProgrammeSession', session.id),
        actionId: toGlobalId('ProgrammeAction', session.action.id),
        actionTitle: session.action.title,
        operatorName: session.action.operator.name,
        startsOn: session.startsOn,
        endsOn: session.endsOn,
        communeName: communeName(session.communeCode),
      },
      reason: positioning.reason,
      status: positioning.status,
      answerNote: positioning.answerNote ?? null,
      answeredAt: positioning.answeredAt ?? null,
      proposedAt: positioning.createdAt,
      stageId: positioning.stage ? toGlobalId('Stage', positioning.stage.id) : null,
      version: positioning.version,
      consentSubject: positioningSubject(facts),
    });
  }
}

/** A need recorded for the programme (staff only: it never names the person it may be for). */
@ObjectType('ProgrammeNeed', { implements: Node })
export class ProgrammeNeedType extends Node {
  readonly __typename = 'ProgrammeNeed';

  @Field(() => StageKindType)
  kind!: StageKindType;

  @Field()
  communeCode!: string;

  @Field()
  communeName!: string;

  @Field(() => Int)
  people!: number;

  @Field()
  period!: string;

  @Field()
  quarter!: string;

  @Field({ description: 'Recorded for one person of a caseload' })
  forAPerson!: boolean;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  recordedAt!: Date;

  static from(need: ProgrammeNeed, locale: Locale): ProgrammeNeedType {
    return Object.assign(new ProgrammeNeedType(), {
      id: toGlobalId('ProgrammeNeed', need.id),
      kind: StageKindType.from(need.kind, locale),
      communeCode: need.communeCode,
      communeName: communeName(need.communeCode),
      people: need.people,
      period: need.period,
      quarter: need.quarter,
      forAPerson: need.participant != null,
      note: need.note ?? null,
      recordedAt: need.createdAt,
    });
  }
}

@ObjectType('ProgrammeNeedTotal', { description: 'Needs added up by kind of action, commune and quarter' })
export class ProgrammeNeedTotalType {
  @Field(() => StageKindType)
  kind!: StageKindType;

  @Field()
  communeCode!: string;

  @Field()
  communeName!: string;

  @Field()
  quarter!: string;

  @Field(() => Int, { description: 'People in need' })
  people!: number;

  @Field(() => Int, { description: 'Needs recorded' })
  needs!: number;

  static from(row: { communeCode: string; quarter: string; people: number; needs: number }, kind: StageKind, locale: Locale): ProgrammeNeedTotalType {
    return { ...row, kind: StageKindType.from(kind, locale), communeName: communeName(row.communeCode) };
  }
}

/** A kind of the catalogue as the animation team edits it: both labels, and whether stages or actions use it. */
@ObjectType('CatalogueStageKind', { implements: Node })
export class CatalogueStageKindType extends Node {
  readonly __typename = 'CatalogueStageKind';

  @Field()
  code!: string;

  @Field(() => StageCategory)
  category!: StageCategory;

  @Field()
  labelFr!: string;

  @Field()
  labelEn!: string;

  @Field()
  active!: boolean;

  @Field(() => Int)
  version!: number;

  static from(kind: StageKind): CatalogueStageKindType {
    return Object.assign(new CatalogueStageKindType(), {
      id: toGlobalId('StageKind', kind.id),
      code: kind.code,
      category: kind.category,
      labelFr: kind.labelFr,
      labelEn: kind.labelEn,
      active: kind.active,
      version: kind.version,
    });
  }
}
