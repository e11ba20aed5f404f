import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { accessLogCutoff, anonymisedBirthDate, anonymisationDueOn, archiveDueOn, retentionStepDue, type RetentionPolicy } from '@jalon/domain';
import { inScopedTransaction } from '../../access/request-transaction';
import { dayInFrance } from '../../graphql/date-input';
import {
  anonymiseFiles,
  archiveFiles,
  countAccessLogBefore,
  dailyRunDone,
  insertRetentionRun,
  purgeAccessLog,
  readRetentionPolicy,
  retentionCandidates,
  tenantsDueRetention,
  tryRetentionLock,
  type RetentionCandidate,
} from './retention.query';

/** A file the run moves, and the day it became due. */
export interface PlannedFile {
  participantId: string;
  name: string;
  lastClosedOn: string | null;
  archivedOn: string | null;
  dueOn: string;
}

/** What the run of a day does in a tenant (the dry run shows it; the run does it). */
export interface RetentionPlan {
  day: string;
  policy: RetentionPolicy;
  toArchive: PlannedFile[];
  toAnonymise: Array<PlannedFile & { birthDate: string; keptBirthDate: string }>;
  accessLogCutoff: Date;
  accessLogToDelete: number;
}

/** Decides, file by file with the domain's rules, what the run of `now` does in the transaction's tenant. */
export async function planRetention(em: EntityManager, now: Date): Promise<RetentionPlan> {
  const day = dayInFrance(now);
  const policy = await readRetentionPolicy(em);
  const candidates = await retentionCandidates(em, day, policy.archiveAfterMonths);
  const cutoff = accessLogCutoff(now, policy);
  const plan: RetentionPlan = {
    day,
    policy,
    toArchive: [],
    toAnonymise: [],
    accessLogCutoff: cutoff,
    accessLogToDelete: await countAccessLogBefore(em, cutoff),
  };
  for (const file of candidates) {
    const step = retentionStepDue(file, day, policy);
    if (step === 'ARCHIVE') plan.toArchive.push(planned(file, archiveDueOn(file.lastClosedOn!, policy)));
    if (step === 'ANONYMISE') plan.toAnonymise.push(toAnonymise(file, anonymisationDueOn(file, policy)!));
  }
  return plan;
}

function planned(file: RetentionCandidate, dueOn: string): PlannedFile {
  return { participantId: file.participantId, name: file.name, lastClosedOn: file.lastClosedOn, archivedOn: file.archivedOn, dueOn };
}

export function toAnonymise(file: RetentionCandidate, dueOn: string): RetentionPlan['toAnonymise'][number] {
  return { ...planned(file, dueOn), birthDate: file.birthDate, keptBirthDate: anonymisedBirthDate(file.birthDate, file.entryDates) };
}

/** Does a plan in the transaction (which holds the tenant's retention lock) and records it as the day's run. */
async function carryOut(em: EntityManager, plan: RetentionPlan, now: Date): Promise<{ runId: string; accessLogDeleted: number }> {
  await archiveFiles(
    em,
    plan.toArchive.map((file) => file.participantId),
    plan.day,
  );
  await anonymiseFiles(
    em,
    plan.toAnonymise.map((file) => ({ id: file.participantId, birthDate: file.keptBirthDate })),
    plan.day,
  );
  const purge = await purgeAccessLog(em, plan.accessLogCutoff);
  const id = randomUUID();
  await insertRetentionRun(em, {
    id,
    kind: 'DAILY',
    at: now,
    day: plan.day,
    byId: null,
    reason: null,
    archivedIds: plan.toArchive.map((file) => file.participantId),
    anonymisedIds: plan.toAnonymise.map((file) => file.participantId),
    accessLogDeleted: purge.deleted,
    accessLogAnchorSeq: purge.anchorSeq,
  });
  return { runId: id, accessLogDeleted: purge.deleted };
}

export type TenantRunOutcome = { ran: true; runId: string; archived: number; anonymised: number; accessLogDeleted: number } | { ran: false };

/**
 * The day's run in one tenant, in one transaction as the application role with the retention
 * job's setting: under the tenant's advisory lock taken without waiting, so of two instances
 * running at once one does the run and the other skips it (and skips it too once it is recorded).
 */
export async function runRetentionInTenant(orm: MikroORM, tenantId: string, now: Date): Promise<TenantRunOutcome> {
  return inScopedTransaction(orm.em, { tenantId, staff: true, now, retentionJob: true }, async (em) => {
    if (!(await tryRetentionLock(em))) return { ran: false };
    if (await dailyRunDone(em, dayInFrance(now))) return { ran: false };
    const plan = await planRetention(em, now);
    const { runId, accessLogDeleted } = await carryOut(em, plan, now);
    return { ran: true, runId, archived: plan.toArchive.length, anonymised: plan.toAnonymise.length, accessLogDeleted };
  });
}

/** The hours of the French night in which the daily run happens (away from the working day). */
export const RETENTION_HOURS = { from: 2, to: 6 };
export const RETENTION_SWEEP_INTERVAL_MS = 15 * 60_000;

/**
 * The daily job: in the night (French time), each tenant whose run of the day is not recorded yet
 * gets it. Safe to call from every instance as often as one likes. Returns the runs done here.
 */
export async function sweepRetention(orm: MikroORM, now: Date): Promise<TenantRunOutcome[]> {
  const hour = Number(new Intl.DateTimeFormat('fr-FR', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/Paris' }).format(now));
  if (hour < RETENTION_HOURS.from || hour >= RETENTION_HOURS.to) return [];
  const tenants = await inScopedTransaction(orm.em, {}, (em) => tenantsDueRetention(em, dayInFrance(now)));
  const outcomes: TenantRunOutcome[] = [];
  for (const tenantId of tenants) outcomes.push(await runRetentionInTenant(orm, tenantId, now));
  return outcomes.filter((outcome) => outcome.ran);
}
