import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../context/request-context';
import { activeMembership } from '../../access/tenant-scope';
import { errors, InputProblems } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { requiredText } from '../../graphql/text-input';
import { createOnce } from '../idempotency/idempotency';
import { StageKind } from '../stages/stage-kind.entity';
import { Tenant } from '../tenancy/tenant.entity';
import type { CreateStageKindInput, StageKindDetailsInput, UpdateStageKindInput } from './programme.inputs';

function checkedLabels(ctx: RequestContext, input: StageKindDetailsInput) {
  const problems = new InputProblems(ctx);
  const labelFr = problems.check(() => requiredText(ctx, 'labelFr', input.labelFr));
  const labelEn = problems.check(() => requiredText(ctx, 'labelEn', input.labelEn));
  return { problems, labels: { labelFr: labelFr!, labelEn: labelEn! } };
}

/**
 * The animation team adds a kind to its catalogue. Its code is made here, never typed: consents
 * scoped to kinds name it, so it never changes (a rename changes the labels only).
 */
export function createStageKind(ctx: RequestContext, input: CreateStageKindInput): Promise<StageKind> {
  return createOnce(
    ctx,
    'createStageKind',
    input.idempotencyKey,
    async () => {
      const { problems, labels } = checkedLabels(ctx, input);
      problems.throwIfAny();
      const kind = ctx.em.create(StageKind, {
        tenant: ctx.em.getReference(Tenant, activeMembership(ctx).tenantId),
        code: `LOCAL_${randomUUID().slice(0, 8).toUpperCase()}`,
        category: input.category,
        ...labels,
      });
      await saveChanges(ctx);
      return kind;
    },
    (id) => ctx.em.findOne(StageKind, { id }),
  );
}

/** Rename a kind, or retire it from new stages and actions (its stages, actions and consents keep it: a kind is never deleted). */
export async function updateStageKind(ctx: RequestContext, input: UpdateStageKindInput): Promise<StageKind> {
  const id = parseGlobalId(input.id, 'StageKind')?.id;
  const kind = id ? await ctx.em.findOne(StageKind, { id }) : null;
  if (!kind) throw errors.notFound(ctx, 'id');
  if (kind.version !== input.version) throw errors.conflict(ctx);
  const { problems, labels } = checkedLabels(ctx, input);
  problems.throwIfAny();
  ctx.em.assign(kind, { ...labels, active: input.active });
  await saveChanges(ctx);
  return kind;
}
