import { randomUUID } from 'node:crypto';
import { anonymisationDueOn, NEVER_SHARED, retentionPolicyProblems, type RetentionPolicy } from '@jalon/domain';
import { openArchivedFile as openWithReason } from '../../access/archive-access';
import type { RequestContext } from '../../context/request-context';
import { dayInFrance } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { pageOf, type PageArgs } from '../../graphql/pagination';
import { encodeCursor, parseGlobalId, toConnection, toGlobalId } from '../../graphql/relay';
import { likePattern, requiredText } from '../../graphql/text-input';
import { searchKeyOf } from '../participants/participant.validation';
import { planRetention, toAnonymise } from './retention-run';
import {
  anonymiseFiles,
  archivedFiles,
  archiveFiles,
  countArchivedFiles,
  countRetentionRuns,
  insertRetentionRun,
  isArchived,
  readRetentionPolicy,
  retentionCandidates,
  retentionRuns,
  saveRetentionPolicy,
  waitRetentionLock,
  type RetentionRunRow,
} from './retention.query';
import type { ArchivedFileFilter, EraseParticipantInput, OpenArchivedFileInput, UpdateRetentionPolicyInput } from './retention.inputs';
import {
  ArchivedFileConnection,
  RetentionDryRunType,
  RetentionFileType,
  RetentionPolicyType,
  RetentionRunConnection,
  RetentionRunType,
} from './retention.type';

export async function retentionPolicy(ctx: RequestContext): Promise<RetentionPolicyType> {
  return RetentionPolicyType.from(await readRetentionPolicy(ctx.em));
}

/** Saves the policy, every setting checked at once; a stale version is a CONFLICT. */
export async function updateRetentionPolicy(ctx: RequestContext, input: UpdateRetentionPolicyInput): Promise<RetentionPolicyType> {
  const policy: RetentionPolicy = {
    archiveAfterMonths: input.archiveAfterMonths,
    anonymiseAfterYears: input.anonymiseAfterYears,
    accessLogMonths: input.accessLogMonths,
  };
  const problems = new InputProblems(ctx);
  for (const problem of retentionPolicyProblems(policy))
    problems.add(problem.field, 'error.retentionSettingOutOfBounds', { min: problem.min, max: problem.max });
  problems.throwIfAny();
  if (!(await saveRetentionPolicy(ctx.em, policy, input.version, ctx.actor!.userId, ctx.now))) throw errors.conflict(ctx);
  return retentionPolicy(ctx);
}

/** What the run would do today: the same plan the run makes, nothing written. */
export async function retentionDryRun(ctx: RequestContext): Promise<RetentionDryRunType> {
  const plan = await planRetention(ctx.em, ctx.now);
  return {
    day: plan.day,
    toArchive: plan.toArchive.map((file) => RetentionFileType.from(file)),
    toAnonymise: plan.toAnonymise.map((file) => RetentionFileType.from(file)),
    accessLogCutoff: plan.accessLogCutoff,
    accessLogToDelete: plan.accessLogToDelete,
  };
}

export async function listRetentionRuns(ctx: RequestContext, page: PageArgs | undefined): Promise<RetentionRunConnection> {
  const cursorOf = (row: RetentionRunRow) => encodeCursor(new Date(row.at).toISOString(), row.id);
  const result = await pageOf(ctx, page, {
    key: 'timestamp',
    fetch: (after, limit) => retentionRuns(ctx.em, after, limit),
    count: () => countRetentionRuns(ctx.em),
    cursorOf,
  });
  return toConnection(result, cursorOf, result.nodes.map(runView));
}

function runView(row: RetentionRunRow): RetentionRunType {
  return {
    id: toGlobalId('RetentionRun', row.id),
    kind: row.kind,
    at: row.at,
    byName: row.byName,
    reason: row.reason,
    accessLogDeleted: row.accessLogDeleted,
    archived: row.archived.map((file) => RetentionFileType.from({ participantId: file.id, name: file.name })),
    anonymised: row.anonymised.map((file) => RetentionFileType.from({ participantId: file.id, name: file.name })),
    consentSubject: { participantId: '', itemClass: NEVER_SHARED },
  };
}

export async function listArchivedFiles(
  ctx: RequestContext,
  filter: ArchivedFileFilter | undefined,
  page: PageArgs | undefined,
): Promise<ArchivedFileConnection> {
  const search = filter?.search ? likePattern(searchKeyOf(filter.search, '')) : '';
  const cursorOf = (row: { archivedOn: string; id: string }) => encodeCursor(row.archivedOn, row.id);
  const result = await pageOf(ctx, page, {
    key: 'date',
    fetch: (after, limit) => archivedFiles(ctx.em, search, after, limit),
    count: () => countArchivedFiles(ctx.em, search),
    cursorOf,
  });
  return toConnection(
    result,
    cursorOf,
    result.nodes.map((row) => ({ ...row, id: toGlobalId('Participant', row.id), consentSubject: { participantId: row.id, itemClass: NEVER_SHARED } })),
  );
}

/** An archived file of the tenant, or NOT_FOUND on `field` (also for a file not archived: it opens as any other). */
async function archivedFile(ctx: RequestContext, globalId: string) {
  const parsed = parseGlobalId(globalId, 'Participant');
  const [file] = parsed ? await retentionCandidates(ctx.em, dayInFrance(ctx.now), 0, parsed.id) : [];
  return file;
}

/** Opens an archived file for two hours: the reason is required and logged with the read. */
export async function openArchivedFile(ctx: RequestContext, input: OpenArchivedFileInput): Promise<string> {
  const problems = new InputProblems(ctx);
  const reason = problems.check(() => requiredText(ctx, 'reason', input.reason));
  const parsed = parseGlobalId(input.participantId, 'Participant');
  if (!parsed || !(await isArchived(ctx.em, parsed.id))) throw errors.notFound(ctx, 'participantId');
  problems.throwIfAny();
  await openWithReason(ctx, parsed.id, reason!);
  return input.participantId;
}

/**
 * Erasure on request (GDPR art. 17): the file goes the run's way at once, archived and
 * anonymised, with its own record (who, why). Refused while a pathway is open (the support goes
 * on: close it first) and while the ESF+ audit retention of its operations runs (a legal
 * obligation, art. 17(3)(b)), with the reason said.
 */
export async function eraseParticipant(ctx: RequestContext, input: EraseParticipantInput): Promise<RetentionRunType> {
  const problems = new InputProblems(ctx);
  const reason = problems.check(() => requiredText(ctx, 'reason', input.reason));
  await waitRetentionLock(ctx.em);
  const file = await archivedFile(ctx, input.participantId);
  const day = dayInFrance(ctx.now);
  if (!file) throw errors.notFound(ctx, 'participantId');
  if (file.anonymisedOn) problems.add('participantId', 'error.alreadyAnonymised');
  else if (!file.lastClosedOn) problems.add('participantId', 'error.erasurePathwayOpen');
  else if (file.operationsLastPaymentOn.length > 0) {
    const due = anonymisationDueOn(
      { archivedOn: day, operationsLastPaymentOn: file.operationsLastPaymentOn },
      { archiveAfterMonths: 0, anonymiseAfterYears: 0, accessLogMonths: 0 },
    );
    if (!due || due > day) problems.add('participantId', 'error.erasureEsfRetention', due ? { date: due.split('-').reverse().join('/') } : {});
  }
  problems.throwIfAny();
  if (!file.archivedOn) await archiveFiles(ctx.em, [file.participantId], day);
  const planned = toAnonymise({ ...file, archivedOn: file.archivedOn ?? day }, day);
  await anonymiseFiles(ctx.em, [{ id: file.participantId, birthDate: planned.keptBirthDate }], day);
  const id = randomUUID();
  await insertRetentionRun(ctx.em, {
    id,
    kind: 'ERASURE',
    at: ctx.now,
    day,
    byId: ctx.actor!.userId,
    reason: reason!,
    archivedIds: file.archivedOn ? [] : [file.participantId],
    anonymisedIds: [file.participantId],
    accessLogDeleted: 0,
    accessLogAnchorSeq: null,
  });
  const [run] = await retentionRuns(ctx.em, null, 1, id);
  return runView(run!);
}
