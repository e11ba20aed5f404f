import { ESF_FILE_NUMBER, ESF_OPERATION_DAYS } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { activeMembership } from '../../access/tenant-scope';
import { checkDayWithin, notInFuture, optionalDate, requiredDate } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { requiredText } from '../../graphql/text-input';
import { findPathway } from '../participants/participant.service';
import { assertMayEdit } from '../../access/participant-access';
import { recordChange } from '../participants/participant-history';
import type { Participant } from '../participants/participant.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { EsfOperationChange } from './esf-operation-change.entity';
import { EsfOperation } from './esf-operation.entity';
import type { ChangePathwayOperationInput, SaveEsfOperationInput } from './esf-operation.inputs';
import { EsfRecord } from './esf-record.entity';

export async function findOperation(ctx: RequestContext, field: string, globalId: string): Promise<EsfOperation> {
  const parsed = parseGlobalId(globalId, 'EsfOperation');
  const operation = parsed && (await ctx.em.findOne(EsfOperation, { id: parsed.id }));
  if (!operation) throw errors.notFound(ctx, field);
  return operation;
}

/** Every field checked at once: a file number the authority could have issued, a plausible period. */
function checkedOperation(ctx: RequestContext, input: SaveEsfOperationInput) {
  const problems = new InputProblems(ctx);
  const fileNumber = problems.check(() => requiredText(ctx, 'fileNumber', input.fileNumber))?.toUpperCase();
  if (fileNumber && !ESF_FILE_NUMBER.test(fileNumber)) problems.add('fileNumber', 'error.esfFileNumberInvalid');
  const title = problems.check(() => requiredText(ctx, 'title', input.title));
  const beneficiary = problems.check(() => requiredText(ctx, 'beneficiary', input.beneficiary));
  const startsOn = problems.check(() => requiredDate(ctx, 'startsOn', input.startsOn));
  const endsOn = problems.check(() => requiredDate(ctx, 'endsOn', input.endsOn));
  checkDayWithin(problems, 'startsOn', startsOn, ESF_OPERATION_DAYS);
  checkDayWithin(problems, 'endsOn', endsOn, ESF_OPERATION_DAYS);
  if (startsOn && endsOn && !problems.has('endsOn') && endsOn < startsOn) problems.add('endsOn', 'error.endBeforeStart');
  // A payment is recorded once received, after the operation began.
  const lastPaymentOn = problems.check(() => optionalDate(ctx, 'lastPaymentOn', input.lastPaymentOn));
  checkDayWithin(problems, 'lastPaymentOn', lastPaymentOn, ESF_OPERATION_DAYS);
  if (lastPaymentOn && !problems.has('lastPaymentOn')) problems.check(() => notInFuture(ctx, 'lastPaymentOn', lastPaymentOn));
  if (lastPaymentOn && startsOn && !problems.has('lastPaymentOn') && lastPaymentOn < startsOn) problems.add('lastPaymentOn', 'error.endBeforeStart');
  problems.throwIfAny();
  return { fileNumber: fileNumber!, title: title!, beneficiary: beneficiary!, startsOn: startsOn!, endsOn: endsOn!, lastPaymentOn: lastPaymentOn ?? null };
}

export async function saveOperation(ctx: RequestContext, input: SaveEsfOperationInput): Promise<EsfOperation> {
  const fields = checkedOperation(ctx, input);
  let operation: EsfOperation;
  if (input.id) {
    operation = await findOperation(ctx, 'id', input.id);
    if (operation.version !== input.version) throw errors.conflict(ctx);
    ctx.em.assign(operation, fields);
  } else {
    operation = ctx.em.create(EsfOperation, { tenant: ctx.em.getReference(Tenant, activeMembership(ctx).tenantId), ...fields });
  }
  await saveChanges(ctx, { field: 'fileNumber', message: 'error.esfFileNumberTaken' });
  return operation;
}

export async function changePathwayOperation(ctx: RequestContext, input: ChangePathwayOperationInput): Promise<Participant> {
  const { pathway, participant } = await findPathway(ctx, input.pathwayId);
  assertMayEdit(ctx, participant);
  const problems = new InputProblems(ctx);
  const operation = await problems.checkAsync(() => findOperation(ctx, 'operationId', input.operationId));
  const reason = problems.check(() => requiredText(ctx, 'reason', input.reason));
  problems.throwIfAny();
  if ((pathway.esf?.version ?? 0) !== input.version) throw errors.conflict(ctx);
  const record = pathway.esf ?? ctx.em.create(EsfRecord, { tenant: pathway.tenant, pathway });
  const from = record.operation ?? null;
  if (from?.id === operation!.id) throw errors.badInput(ctx, 'operationId', 'error.esfOperationUnchanged');
  record.operation = operation!;
  ctx.em.create(EsfOperationChange, {
    tenant: pathway.tenant,
    pathway,
    fromOperation: from,
    toOperation: operation!,
    changedBy: ctx.em.getReference(User, ctx.actor!.userId),
    reason,
  });
  recordChange(ctx, participant, 'pathway.esfOperation', [{ field: 'esfOperation', before: from?.fileNumber ?? null, after: operation!.fileNumber }]);
  await saveChanges(ctx);
  return participant;
}
