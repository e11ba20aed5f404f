import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ReportScopeKind } from '@jalon/domain';
import { FigureFormat, ReportChart, type Report, type ReportRow, type ReportTable } from './report-engine';
import type { ReportScope } from '../../access/activity-report-access';

registerEnumType(FigureFormat, { name: 'FigureFormat', description: 'How figures read: counts, rates from 0 to 1, decimals' });
registerEnumType(ReportChart, { name: 'ReportChart', description: 'The chart that shows a table best' });

@InputType('ReportPeriodInput', { description: 'Days, both included; the current calendar year by default' })
export class ReportPeriodInput {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  to?: string | null;
}

@InputType('ReportScopeInput', { description: 'At most one; none: the whole PLIE for the animation team, her own caseload for a referent' })
export class ReportScopeInput {
  @Field(() => ID, { nullable: true, description: 'A referent operator (organisation id): the people its referents follow' })
  operatorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A referent (membership id): the people she follows now' })
  referentId?: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune the people live in now' })
  communeCode?: string | null;
}

@ObjectType('DateRange')
export class ReportPeriodType {
  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;
}

@ObjectType('ReportRow', { description: 'One figure, beside the previous period’s', simpleResolvers: true })
export class ReportRowType implements ReportRow {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field(() => Float, { nullable: true, description: 'Null: nothing to compute it from in the period (a rate of no case)' })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  previous!: number | null;
}

@ObjectType('ReportTable', { description: 'A titled table of a report: a section, or a part of one' })
export class ReportTableType implements ReportTable {
  @Field()
  key!: string;

  @Field()
  title!: string;

  @Field(() => FigureFormat)
  format!: FigureFormat;

  @Field(() => ReportChart, { nullable: true })
  chart!: ReportChart | null;

  @Field(() => [ReportRowType])
  rows!: ReportRowType[];
}

@ObjectType('ActivityReport', { description: 'The activity report (« bilan d’activité »): aggregate figures only, counted over every file in scope' })
export class ActivityReportType {
  @Field()
  title!: string;

  @Field(() => ReportPeriodType)
  period!: ReportPeriodType;

  @Field(() => ReportPeriodType, { description: 'The period just before, of the same length' })
  previousPeriod!: ReportPeriodType;

  @Field(() => ReportScopeKind)
  scopeKind!: ReportScopeKind;

  @Field({ description: 'The scope as a person reads it' })
  scopeLabel!: string;

  @Field(() => [ReportTableType])
  tables!: ReportTableType[];

  static from(report: Report & { scope: ReportScope }): ActivityReportType {
    return Object.assign(new ActivityReportType(), { ...report, scopeKind: report.scope.kind });
  }
}
