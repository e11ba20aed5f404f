import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ESF_GENDER_COLUMNS, ESF_OUTPUT_INDICATORS, ESF_RESULT_INDICATORS, type EsfGenderColumn } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { activeMembership } from '../../access/tenant-scope';
import { requiredDate } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import type { ExportDocument } from '../../exports/export-document';
import { Figures, labeller, periodText } from '../reports/report-engine';
import { ReportPeriodInput, ReportPeriodType } from '../reports/report.graphql-types';
import { EsfOperation } from './esf-operation.entity';
import { EsfOperationType } from './esf-operation.type';
import { esfIndicatorRows } from './esf-indicators.query';

@ObjectType('EsfIndicatorRow', { simpleResolvers: true, description: 'One indicator, by gender; total includes people whose gender is unknown' })
export class EsfIndicatorRowType {
  @Field({ description: 'EECO01…EECO17, EECR01…EECR04, EMPLOYED_6M, BETTER_6M, or a count (LEFT, ANSWERED_ON_LEAVING, ANSWERED_SIX_MONTHS)' })
  code!: string;

  @Field()
  label!: string;

  @Field(() => Int)
  women!: number;

  @Field(() => Int)
  men!: number;

  @Field(() => Int)
  nonBinary!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType('EsfIndicators', { description: 'The ESF+ common indicators of an operation for a period (Regulation (EU) 2021/1057, Annex I)' })
export class EsfIndicatorsType {
  @Field(() => EsfOperationType)
  operation!: EsfOperationType;

  @Field(() => ReportPeriodType)
  period!: ReportPeriodType;

  @Field(() => [EsfIndicatorRowType], { description: 'Participants who entered in the period, by their situation at entry' })
  outputs!: EsfIndicatorRowType[];

  @Field(() => [EsfIndicatorRowType], { description: 'Participants who left in the period: how many, how many answered, and the results' })
  results!: EsfIndicatorRowType[];
}

const COLUMN_FIELDS: Record<EsfGenderColumn, 'women' | 'men' | 'nonBinary' | 'total'> = { WOMAN: 'women', MAN: 'men', NON_BINARY: 'nonBinary', TOTAL: 'total' };

/**
 * The indicators of an operation for a period (by default the operation's whole period), counted
 * in SQL (esf-indicators.query.ts) from the definitions of packages/domain.
 */
export async function esfIndicators(
  ctx: RequestContext,
  operationId: string,
  asked: { from?: string | null; to?: string | null } | null | undefined,
): Promise<EsfIndicatorsType> {
  const parsed = parseGlobalId(operationId, 'EsfOperation');
  const operation = parsed && (await ctx.em.findOne(EsfOperation, { id: parsed.id }));
  if (!operation) throw errors.notFound(ctx, 'operationId');
  const problems = new InputProblems(ctx);
  const from = problems.check(() => requiredDate(ctx, 'period.from', asked?.from ?? operation.startsOn));
  const to = problems.check(() => requiredDate(ctx, 'period.to', asked?.to ?? operation.endsOn));
  if (from && to && to < from) problems.add('period.to', 'error.reportPeriodOrder');
  problems.throwIfAny();
  const period = { from: from!, to: to! };
  const figures = new Figures(await esfIndicatorRows(ctx.em, activeMembership(ctx).tenantId, operation.id, period));
  const t = labeller(ctx);
  const row = (code: string): EsfIndicatorRowType => {
    const counts = Object.fromEntries(ESF_GENDER_COLUMNS.map((column) => [COLUMN_FIELDS[column], figures.count('current', code, column)]));
    return { code, label: t(`esfIndicator.${code}` as never), ...counts } as EsfIndicatorRowType;
  };
  return {
    operation: EsfOperationType.from(operation),
    period,
    outputs: ESF_OUTPUT_INDICATORS.map((i) => row(i.code)),
    results: ['LEFT', 'ANSWERED_ON_LEAVING', ...ESF_RESULT_INDICATORS.filter((i) => i.when === 'onLeaving').map((i) => i.code), 'ANSWERED_SIX_MONTHS']
      .concat(ESF_RESULT_INDICATORS.filter((i) => i.when === 'sixMonths').map((i) => i.code))
      .map(row),
  };
}

/** The indicators as a document for the XLSX and PDF writers: a table of outputs, one of results, a column per gender. */
export function esfIndicatorsDocument(ctx: RequestContext, indicators: EsfIndicatorsType): ExportDocument {
  const t = labeller(ctx);
  const columns = [
    { label: t('esfIndicators.column.indicator'), format: 'text' as const },
    ...(['women', 'men', 'nonBinary', 'total'] as const).map((c) => ({ label: t(`esfIndicators.column.${c}`), format: 'integer' as const })),
  ];
  const rows = (list: EsfIndicatorRowType[]) =>
    list.map((r) => [`${r.code.startsWith('EEC') ? `${r.code} – ` : ''}${r.label}`, r.women, r.men, r.nonBinary, r.total]);
  return {
    title: t('esfIndicators.title'),
    filters: [
      { label: t('esfIndicators.filter.operation'), value: `${indicators.operation.fileNumber} – ${indicators.operation.title}` },
      { label: t('report.filter.period'), value: periodText(ctx, indicators.period) },
    ],
    tables: [
      { title: t('esfIndicators.outputs'), columns, rows: rows(indicators.outputs) },
      { title: t('esfIndicators.results'), columns, rows: rows(indicators.results) },
    ],
  };
}

@Resolver()
export class EsfIndicatorsResolver {
  @Query(() => EsfIndicatorsType, { description: 'The ESF+ indicators of an operation, for a period (the operation’s whole period by default)' })
  @Allow('readEsfIndicators')
  async esfIndicators(
    @Ctx() ctx: RequestContext,
    @Arg('operationId', () => ID) operationId: string,
    @Arg('period', () => ReportPeriodInput, { nullable: true }) period?: ReportPeriodInput | null,
  ): Promise<EsfIndicatorsType> {
    return esfIndicators(ctx, operationId, period);
  }
}
