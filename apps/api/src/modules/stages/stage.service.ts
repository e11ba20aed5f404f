import { StageStatus, PathwayStatus } from '@jalon/domain';
import { isTradeCode } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { createOnce } from '../../access/idempotency';
import { assertMayEdit } from '../../access/participant-access';
import { optionalDate, requiredDate } from '../../graphql/date-input';
import { errors } from '../../graphql/errors';
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

function checkedEnd(ctx: RequestContext, field: string, start: string | null, end: string | null): string | null {
  if (start && end && end < start) throw errors.badInput(ctx, field, 'error.endBeforeStart');
  return end;
}

async function checkedPlan(ctx: RequestContext, input: StagePlanInput) {
  const plannedStart = requiredDate(ctx, 'plannedStart', input.plannedStart);
  const plannedEnd = checkedEnd(ctx, 'plannedEnd', plannedStart, optionalDate(ctx, 'plannedEnd', input.plannedEnd));
  const romeCode = optionalText(input.romeCode)?.toUpperCase() ?? null;
  if (romeCode && !isTradeCode(romeCode)) throw errors.badInput(ctx, 'romeCode', 'error.romeCodeUnknown');
  const operator = input.operatorId ? await getOrganisation(ctx, input.operatorId, 'operatorId') : null;
  if (operator && !operator.active) throw errors.badInput(ctx, 'operatorId', 'error.organisationInactive');
  return {
    plannedStart,
    plannedEnd,
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
      if (!kind) throw errors.badInput(ctx, 'kindId', 'error.stageKindUnknown');
      const plan = await checkedPlan(ctx, input);
      const stage = ctx.em.create(Stage, { tenant: pathway.tenant, pathway, kind, ...plan });
      recordChange(ctx, participant, 'stage.added', [{ field: 'kind', before: null, after: kind.labelFr }, ...diff({}, snapshot(stage))]);
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
  const plan = await checkedPlan(ctx, input);
  const actualStart = optionalDate(ctx, 'actualStart', input.actualStart);
  const actualEnd = checkedEnd(ctx, 'actualEnd', actualStart, optionalDate(ctx, 'actualEnd', input.actualEnd));
  if (NEEDS_ACTUAL_START.includes(input.status) && !actualStart) throw errors.badInput(ctx, 'actualStart', 'error.required');
  if (NEEDS_ACTUAL_END.includes(input.status) && !actualEnd) throw errors.badInput(ctx, 'actualEnd', 'error.required');
  const before = snapshot(stage);
  ctx.em.assign(stage, { ...plan, status: input.status, actualStart, actualEnd, outcome: optionalText(input.outcome) });
  recordChange(ctx, participant, 'stage.updated', [{ field: 'kind', before: stage.kind.labelFr, after: stage.kind.labelFr }, ...diff(before, snapshot(stage))]);
  await saveChanges(ctx);
  return stage;
}
