import { StageStatus, PathwayStatus, pathwayDayBounds, type DayBounds } from '@jalon/domain';
import { isTradeCode } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { createOnce } from '../idempotency/idempotency';
import { assertMayEdit } from '../../access/participant-access';
import { checkDayWithin, optionalDate, requiredDate, todayInFrance } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { optionalText } from '../../graphql/text-input';
import { getOrganisation } from '../organisations/organisation.service';
import { diff, recordChange } from '../participants/participant-history';
import { Participant } from '../participants/participant.entity';
import { findPathway } from '../participants/participant.service';
import { StageKind } from './stage-kind.entity';
import { Stage } from './stage.entity';
import type { AddStageInput, StagePlanInput, UpdateStageInput } from './stage.inputs';

/** What a stage's answer reads (its pathway for the participant): every way of returning a stage loads it. */
const POPULATE = ['kind', 'operator', 'pathway'] as const;

export function listStageKinds(ctx: RequestContext, includeInactive: boolean): Promise<StageKind[]> {
  return ctx.em.find(StageKind, includeInactive ? {} : { active: true }, { orderBy: { category: 'asc', labelFr: 'asc' } });
}

/** The stages of a pathway as a timeline, by planned start. */
export async function listStages(ctx: RequestContext, pathwayId: string): Promise<Stage[]> {
  const { pathway } = await findPathway(ctx, pathwayId);
  return ctx.em.find(Stage, { pathway }, { populate: POPULATE, orderBy: { plannedStart: 'asc', createdAt: 'asc' } });
}

/** The plausible days of a participant's stages (packages/domain plausible-dates.ts). */
function boundsFor(ctx: RequestContext, participant: Participant): DayBounds {
  return pathwayDayBounds(participant.birthDate, todayInFrance(ctx.now));
}

/** A start and an end typed as a pair: each a real day within the bounds, the end not before the start. */
function checkedSpan(
  ctx: RequestContext,
  problems: InputProblems,
  bounds: DayBounds,
  fields: [string, string],
  values: [string | null | undefined, string | null | undefined],
  startRequired: boolean,
) {
  const [startField, endField] = fields;
  const start = problems.check(() => (startRequired ? requiredDate : optionalDate)(ctx, startField, values[0])) ?? null;
  const end = problems.check(() => optionalDate(ctx, endField, values[1])) ?? null;
  checkDayWithin(problems, startField, start, bounds, 'error.dateBeforeMinimumAge');
  checkDayWithin(problems, endField, end, bounds, 'error.dateBeforeMinimumAge');
  if (start && end && end < start) problems.add(endField, 'error.endBeforeStart');
  return { start, end };
}

/** The plan of a stage; its problems join the others of the form (the caller refuses them all at once). */
async function checkedPlan(ctx: RequestContext, problems: InputProblems, bounds: DayBounds, input: StagePlanInput) {
  const planned = checkedSpan(ctx, problems, bounds, ['plannedStart', 'plannedEnd'], [input.plannedStart, input.plannedEnd], true);
  const romeCode = optionalText(input.romeCode)?.toUpperCase() ?? null;
  if (romeCode && !isTradeCode(romeCode)) problems.add('romeCode', 'error.romeCodeUnknown');
  const operator = input.operatorId ? await getOrganisation(ctx, input.operatorId, 'operatorId') : null;
  if (operator && !operator.active) problems.add('operatorId', 'error.organisationInactive');
  return {
    // Read only once the problems are refused: a missing start is one of them.
    plannedStart: planned.start!,
    plannedEnd: planned.end,
    romeCode,
    operator,
    sharedSummary: optionalText(input.sharedSummary),
    privateNotes: optionalText(input.privateNotes),
  };
}

/** A stage's fields as the history shows them (the private notes' content is not copied there). */
function snapshot(stage: Partial<Stage>) {
  return {
    status: stage.status ?? null,
    operator: stage.operator?.name ?? null,
    plannedStart: stage.plannedStart ?? null,
    plannedEnd: stage.plannedEnd ?? null,
    actualStart: stage.actualStart ?? null,
    actualEnd: stage.actualEnd ?? null,
    romeCode: stage.romeCode ?? null,
    outcome: stage.outcome ?? null,
    sharedSummary: stage.sharedSummary ?? null,
  };
}

export type NewStage = Pick<Stage, 'pathway' | 'kind' | 'plannedStart'> &
  Partial<Pick<Stage, 'plannedEnd' | 'romeCode' | 'operator' | 'sharedSummary' | 'privateNotes' | 'status' | 'actualStart'>>;

/** A new stage of a pathway, in the file's history; the caller has checked it and saves it. */
export function newStage(ctx: RequestContext, participant: Participant, stage: NewStage): Stage {
  const created = ctx.em.create(Stage, { tenant: stage.pathway.tenant, ...stage });
  recordChange(ctx, participant, 'stage.added', [{ field: 'kind', before: null, after: stage.kind.labelFr }, ...diff({}, snapshot(created))]);
  return created;
}

export function addStage(ctx: RequestContext, input: AddStageInput): Promise<Stage> {
  return createOnce(
    ctx,
    'addStage',
    input.idempotencyKey,
    async () => {
      const { pathway, participant } = await findPathway(ctx, input.pathwayId);
      assertMayEdit(ctx, participant);
      if (pathway.status === PathwayStatus.CLOSED) throw errors.badInput(ctx, 'pathwayId', 'error.pathwayClosed');
      const kindId = parseGlobalId(input.kindId, 'StageKind')?.id;
      const kind = kindId ? await ctx.em.findOne(StageKind, { id: kindId, active: true }) : null;
      const problems = new InputProblems(ctx);
      if (!kind) problems.add('kindId', 'error.stageKindUnknown');
      const plan = await checkedPlan(ctx, problems, boundsFor(ctx, participant), input);
      problems.throwIfAny();
      const stage = newStage(ctx, participant, { pathway, kind: kind!, ...plan });
      await saveChanges(ctx);
      return stage;
    },
    (id) => ctx.em.findOne(Stage, { id }, { populate: POPULATE }),
  );
}

const NEEDS_ACTUAL_START: readonly StageStatus[] = [StageStatus.IN_PROGRESS, StageStatus.COMPLETED, StageStatus.ABANDONED];
const NEEDS_ACTUAL_END: readonly StageStatus[] = [StageStatus.COMPLETED, StageStatus.ABANDONED];

export async function updateStage(ctx: RequestContext, input: UpdateStageInput): Promise<Stage> {
  const id = parseGlobalId(input.id, 'Stage')?.id;
  const stage = id ? await ctx.em.findOne(Stage, { id }, { populate: POPULATE }) : null;
  const participant = stage && (await ctx.em.findOne(Participant, { id: stage.pathway.participant.id }, { populate: ['referent'] }));
  if (!stage || !participant) throw errors.notFound(ctx, 'id');
  assertMayEdit(ctx, participant);
  if (stage.version !== input.version) throw errors.conflict(ctx);
  const problems = new InputProblems(ctx);
  const bounds = boundsFor(ctx, participant);
  const plan = await checkedPlan(ctx, problems, bounds, input);
  const actual = checkedSpan(ctx, problems, bounds, ['actualStart', 'actualEnd'], [input.actualStart, input.actualEnd], false);
  if (NEEDS_ACTUAL_START.includes(input.status) && !actual.start) problems.add('actualStart', 'error.required');
  if (NEEDS_ACTUAL_END.includes(input.status) && !actual.end) problems.add('actualEnd', 'error.required');
  problems.throwIfAny();
  const { start: actualStart, end: actualEnd } = actual;
  const before = snapshot(stage);
  ctx.em.assign(stage, { ...plan, status: input.status, actualStart, actualEnd, outcome: optionalText(input.outcome) });
  recordChange(ctx, participant, 'stage.updated', [{ field: 'kind', before: stage.kind.labelFr, after: stage.kind.labelFr }, ...diff(before, snapshot(stage))]);
  await saveChanges(ctx);
  return stage;
}
