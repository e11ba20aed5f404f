import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OrganisationKind, StageCategory, StageStatus } from '@jalon/domain';
import { getTrade } from '@jalon/reference-data/node';
import { Node, toGlobalId } from '../../graphql/relay';
import type { Locale } from '../../i18n/messages';
import type { StageKind } from './stage-kind.entity';
import type { Stage } from './stage.entity';

@ObjectType('StageKind', { implements: Node })
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

  static from(kind: StageKind, locale: Locale): StageKindType {
    return Object.assign(new StageKindType(), {
      id: toGlobalId('StageKind', kind.id),
      code: kind.code,
      category: kind.category,
      label: locale === 'en' ? kind.labelEn : kind.labelFr,
      active: kind.active,
    });
  }
}

@ObjectType('StageOperator')
export class StageOperatorType {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;
}

@ObjectType('Stage', { implements: Node })
export class StageType extends Node {
  readonly __typename = 'Stage';

  @Field(() => StageKindType)
  kind!: StageKindType;

  @Field(() => StageOperatorType, { nullable: true })
  operator!: StageOperatorType | null;

  @Field(() => StageStatus)
  status!: StageStatus;

  @Field(() => LocalDateResolver)
  plannedStart!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  plannedEnd!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  actualStart!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  actualEnd!: string | null;

  @Field(() => String, { nullable: true })
  romeCode!: string | null;

  @Field(() => String, { nullable: true })
  romeLabel!: string | null;

  @Field(() => String, { nullable: true })
  outcome!: string | null;

  @Field(() => String, { nullable: true })
  sharedSummary!: string | null;

  @Field(() => String, { nullable: true })
  privateNotes!: string | null;

  @Field(() => Int)
  version!: number;

  static from(stage: Stage, locale: Locale): StageType {
    return Object.assign(new StageType(), {
      id: toGlobalId('Stage', stage.id),
      kind: StageKindType.from(stage.kind, locale),
      operator: stage.operator ? { id: toGlobalId('Organisation', stage.operator.id), name: stage.operator.name, kind: stage.operator.kind } : null,
      status: stage.status,
      plannedStart: stage.plannedStart,
      plannedEnd: stage.plannedEnd ?? null,
      actualStart: stage.actualStart ?? null,
      actualEnd: stage.actualEnd ?? null,
      romeCode: stage.romeCode ?? null,
      romeLabel: stage.romeCode ? (getTrade(stage.romeCode)?.label ?? null) : null,
      outcome: stage.outcome ?? null,
      sharedSummary: stage.sharedSummary ?? null,
      privateNotes: stage.privateNotes ?? null,
      version: stage.version,
    });
  }
}
