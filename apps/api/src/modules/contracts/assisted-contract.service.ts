import {
  CONTRACT_STAGE_CATEGORIES,
  ConsentPurpose,
  DataClass,
  frenchDay,
  maxHoursInPeriod,
  periodWithin,
  SPECIAL_CATEGORY_OBSTACLES,
  pathwayDayBounds,
} from '@jalon/domain';
import { isTradeCode } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { createManyOnce } from '../idempotency/idempotency';
import { assertMayEdit } from '../../access/participant-access';
import { assertMayChangeDetails, assertMayReport, reportedStage } from '../../access/report-access';
import { activeMembership } from '../../access/tenant-scope';
import { checkDayWithin, notInFuture, optionalDate, reportPeriod, requiredDate, todayInFrance } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { optionalText, requiredText } from '../../graphql/text-input';
import { getOrganisation } from '../organisations/organisation.service';
import { Organisation } from '../organisations/organisation.entity';
import { shortNameOf } from '../participants/participant.entity';
import { Stage } from '../stages/stage.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { AssistedContract, ContractRenewal, ContractReport } from './assisted-contract.entity';
import type { ContractReportInput, EndContractInput, FileContractReportsInput, RenewContractInput, SetAssistedContractInput } from './assisted-contract.inputs';

export const CONTRACT_POPULATE = ['stage.kind', 'stage.operator', 'stage.pathway.participant.referent', 'employer'] as const;

/** A contract the viewer may see (row-level security hides the others), or NOT_FOUND on `field`. */
async function findContract(ctx: RequestContext, globalId: string, field: string): Promise<AssistedContract> {
  const parsed = parseGlobalId(globalId, 'AssistedContract');
  const contract = parsed && (await ctx.em.findOne(AssistedContract, { id: parsed.id }, { populate: CONTRACT_POPULATE }));
  if (!contract) throw errors.notFound(ctx, field);
  return contract;
}

/** A contract the viewer may report on, checked by the one rule (report-access.ts). */
async function reportableContract(ctx: RequestContext, globalId: string, field: string): Promise<AssistedContract> {
  const contract = await findContract(ctx, globalId, field);
  await assertMayReport(ctx, reportedStage(contract.stage), DataClass.CONTRACT_REPORTS, ConsentPurpose.CONTRACT_REPORTING);
  return contract;
}

/** A contract the viewer may report on and whose terms it may see: what renewing or ending it needs. */
async function changeableContract(ctx: RequestContext, globalId: string, field: string): Promise<AssistedContract> {
  const contract = await reportableContract(ctx, globalId, field);
  await assertMayChangeDetails(ctx, reportedStage(contract.stage));
  return contract;
}

function checkedHours(ctx: RequestContext, field: string, value: number | null | undefined): number {
  const hours = value ?? 0;
  if (!Number.isFinite(hours) || hours < 0 || hours > 744) throw errors.badInput(ctx, field, 'error.hoursInvalid');
  return hours;
}

/** The referent records (or corrects) the contract a stage carries; the employer is the stage's operator unless named. */
export async function setAssistedContract(ctx: RequestContext, input: SetAssistedContractInput): Promise<AssistedContract> {
  const parsed = parseGlobalId(input.stageId, 'Stage');
  const stage = parsed && (await ctx.em.findOne(Stage, { id: parsed.id }, { populate: ['kind', 'operator', 'pathway.participant.referent'] }));
  if (!stage) throw errors.notFound(ctx, 'stageId');
  assertMayEdit(ctx, stage.pathway.participant);
  if (!CONTRACT_STAGE_CATEGORIES.includes(stage.kind.category)) throw errors.badInput(ctx, 'stageId', 'error.notAContractStage');
  const problems = new InputProblems(ctx);
  // A contract's days are bounded as its stage's (packages/domain plausible-dates.ts).
  const bounds = pathwayDayBounds(stage.pathway.participant.birthDate, todayInFrance(ctx.now));
  const startOn = problems.check(() => requiredDate(ctx, 'startOn', input.startOn));
  const endOn = problems.check(() => optionalDate(ctx, 'endOn', input.endOn)) ?? null;
  checkDayWithin(problems, 'startOn', startOn, bounds, 'error.dateBeforeMinimumAge');
  checkDayWithin(problems, 'endOn', endOn, bounds, 'error.dateBeforeMinimumAge');
  if (startOn && endOn && endOn < startOn) problems.add('endOn', 'error.endBeforeStart');
  if (!(input.weeklyHours >= 1 && input.weeklyHours <= 48)) problems.add('weeklyHours', 'error.weeklyHoursInvalid');
  const position = problems.check(() => requiredText(ctx, 'position', input.position));
  const romeCode = optionalText(input.romeCode)?.toUpperCase() ?? null;
  if (romeCode && !isTradeCode(romeCode)) problems.add('romeCode', 'error.romeCodeUnknown');
  const employer = input.employerId ? await getOrganisation(ctx, input.employerId, 'employerId') : stage.operator;
  if (!employer) problems.add('employerId', 'error.required');
  problems.throwIfAny();
  const terms = {
    employer: employer!,
    contractType: input.contractType,
    startOn: startOn!,
    endOn,
    weeklyHours: input.weeklyHours,
    position: position!,
    romeCode,
    tutorName: optionalText(input.tutorName),
  };
  const existing = await ctx.em.findOne(AssistedContract, { stage }, { populate: ['employer'] });
  if (existing) {
    if (existing.version !== input.version) throw errors.conflict(ctx);
    ctx.em.assign(existing, terms);
  } else {
    ctx.em.create(AssistedContract, { tenant: stage.tenant, stage, ...terms });
  }
  await saveChanges(ctx);
  return ctx.em.findOneOrFail(AssistedContract, { stage }, { populate: CONTRACT_POPULATE });
}

/** The employer (or the referent) renews: the end moves later, and the renewal is kept. */
export async function renewAssistedContract(ctx: RequestContext, input: RenewContractInput): Promise<AssistedContract> {
  const contract = await changeableContract(ctx, input.contractId, 'contractId');
  if (contract.version !== input.version) throw errors.conflict(ctx);
  if (contract.endedOn) throw errors.badInput(ctx, 'contractId', 'error.contractEnded');
  const newEndOn = requiredDate(ctx, 'newEndOn', input.newEndOn);
  const currentEnd = contract.endOn ?? contract.startOn;
  if (newEndOn <= currentEnd) throw errors.badInput(ctx, 'newEndOn', 'error.renewalBeforeEnd', { end: currentEnd });
  const latest = pathwayDayBounds(null, todayInFrance(ctx.now)).latest!;
  if (newEndOn > latest) throw errors.badInput(ctx, 'newEndOn', 'error.dateTooLate', { date: frenchDay(latest) });
  ctx.em.create(ContractRenewal, {
    tenant: contract.tenant,
    contract,
    previousEndOn: contract.endOn ?? null,
    newEndOn,
    organisation: ctx.em.getReference(Organisation, activeMembership(ctx).organisationId),
    recordedBy: ctx.em.getReference(User, ctx.actor!.userId),
    recordedAt: ctx.now,
  });
  contract.endOn = newEndOn;
  await saveChanges(ctx);
  return contract;
}

/** The contract ended: the day and the ASP exit reason. */
export async function endAssistedContract(ctx: RequestContext, input: EndContractInput): Promise<AssistedContract> {
  const contract = await changeableContract(ctx, input.contractId, 'contractId');
  if (contract.version !== input.version) throw errors.conflict(ctx);
  if (contract.endedOn) throw errors.badInput(ctx, 'contractId', 'error.contractEnded');
  const endedOn = notInFuture(ctx, 'endedOn', requiredDate(ctx, 'endedOn', input.endedOn));
  if (endedOn < contract.startOn) throw errors.badInput(ctx, 'endedOn', 'error.endBeforeStart');
  contract.endedOn = endedOn;
  contract.endReason = input.reason;
  await saveChanges(ctx);
  return contract;
}

/** The last day the contract runs: its actual end once ended, else its planned end (null: open-ended). */
export function lastDayOfContract(contract: AssistedContract): string | null {
  return contract.endedOn ?? contract.endOn ?? null;
}

/** The most hours a month's report may declare for this contract. */
export function maxHoursFor(contract: AssistedContract, period: string): number {
  return maxHoursInPeriod(period, contract.weeklyHours, contract.startOn, lastDayOfContract(contract));
}

/** A month's report on one contract, its problems added to the month's (`reports.2.hoursWorked`). */
function checkedReport(ctx: RequestContext, problems: InputProblems, i: number, row: ContractReportInput, contract: AssistedContract, period: string) {
  const field = (name: string) => `reports.${i}.${name}`;
  const name = shortNameOf(contract.stage.pathway.participant);
  if (!periodWithin(period, contract.startOn, lastDayOfContract(contract))) problems.add(field('period'), 'error.periodOutsideContract', { name });
  const hours = (name: string, value: number | null | undefined) => problems.check(() => checkedHours(ctx, field(name), value));
  const hoursWorked = hours('hoursWorked', row.hoursWorked);
  const max = maxHoursFor(contract, period);
  if (hoursWorked !== undefined && hoursWorked > max) problems.add(field('hoursWorked'), 'error.hoursOverContract', { name, max });
  const obstaclesMet = row.obstaclesMet ?? [];
  if (obstaclesMet.some((o) => SPECIAL_CATEGORY_OBSTACLES.includes(o))) problems.add(field('obstaclesMet'), 'error.obstacleNotReportable');
  return {
    hoursWorked: hoursWorked!,
    trainingHours: hours('trainingHours', row.trainingHours)!,
    trainingSubjects: optionalText(row.trainingSubjects),
    absenceHours: hours('absenceHours', row.absenceHours)!,
    absenceNote: optionalText(row.absenceNote),
    skills: (row.skills ?? []).map((s, j) => ({ skill: problems.check(() => requiredText(ctx, field(`skills.${j}.skill`), s.skill))!, level: s.level })),
    obstaclesMet: [...new Set(obstaclesMet)],
    incidents: optionalText(row.incidents),
    comment: optionalText(row.comment),
  };
}

/**
 * A month's reports, for one employee or a supervisor's thirty at once: all of them are written,
 * or none, every refused row and field named by its index. A retry with the same key files nothing twice.
 */
function contractIdsOf(input: FileContractReportsInput): string[] {
  return input.reports.map((row) => parseGlobalId(row.contractId, 'AssistedContract')?.id).filter((id): id is string => !!id);
}

export async function fileContractReports(ctx: RequestContext, input: FileContractReportsInput): Promise<ContractReport[]> {
  const period = input.period.trim();
  const reportsOf = (contractIds: string[]) =>
    ctx.em.find(ContractReport, { period, contract: { $in: contractIds } }, { populate: ['authorOrganisation', 'contract'], orderBy: { submittedAt: 'asc' } });
  return createManyOnce(
    ctx,
    'fileContractReports',
    input.idempotencyKey,
    async () => {
      reportPeriod(ctx, 'period', period);
      if (input.reports.length === 0) throw errors.badInput(ctx, 'reports', 'error.required');
      // One query for the contracts and one for the month's reports already filed, whatever the number of rows.
      const ids = contractIdsOf(input);
      await ctx.em.find(AssistedContract, { id: { $in: ids } }, { populate: CONTRACT_POPULATE });
      const filed = new Set((await reportsOf(ids)).map((report) => report.contract.id));
      const problems = new InputProblems(ctx);
      const seen = new Set<string>();
      const accepted: Array<{ contract: AssistedContract; checked: ReturnType<typeof checkedReport> }> = [];
      for (const [i, row] of input.reports.entries()) {
        const contract = await problems.checkAsync(() => reportableContract(ctx, row.contractId, `reports.${i}.contractId`));
        if (!contract) continue;
        if (seen.has(contract.id)) problems.add(`reports.${i}.contractId`, 'error.duplicateContract');
        seen.add(contract.id);
        const checked = checkedReport(ctx, problems, i, row, contract, period);
        if (filed.has(contract.id))
          problems.add(`reports.${i}.period`, 'error.periodAlreadyReported', { name: shortNameOf(contract.stage.pathway.participant) });
        accepted.push({ contract, checked });
      }
      problems.throwIfAny();
      const reports = accepted.map(({ contract, checked }) =>
        ctx.em.create(ContractReport, {
          tenant: ctx.em.getReference(Tenant, activeMembership(ctx).tenantId),
          contract,
          period,
          ...checked,
          authorOrganisation: ctx.em.getReference(Organisation, activeMembership(ctx).organisationId),
          author: ctx.em.getReference(User, ctx.actor!.userId),
          submittedAt: ctx.now,
        }),
      );
      await saveChanges(ctx);
      // The author's organisation is a bare reference: the answer names it.
      await ctx.em.populate(reports, ['authorOrganisation']);
      return reports;
    },
    // A retry gets the reports the first call filed for these contracts and this month.
    () => reportsOf(contractIdsOf(input)),
  );
}

/**
 * The supervisor's month: the contracts its organisation runs that the month falls within, that
 * it may report on (the same rule as filing) and whose terms it may see (a refusal of the stage's
 * details leaves that contract out: the month shows nothing it may not), with the report filed, if any.
 */
export async function contractsToReport(ctx: RequestContext, period: string): Promise<Array<{ contract: AssistedContract; report: ContractReport | null }>> {
  reportPeriod(ctx, 'period', period);
  const membership = activeMembership(ctx);
  const candidates = await ctx.em.find(
    AssistedContract,
    { stage: { operator: membership.organisationId } },
    { populate: CONTRACT_POPULATE, orderBy: { stage: { pathway: { participant: { searchKey: 'asc' } } } } },
  );
  const contracts: AssistedContract[] = [];
  for (const contract of candidates) {
    if (!periodWithin(period, contract.startOn, lastDayOfContract(contract))) continue;
    const { subject } = reportedStage(contract.stage);
    if (
      (await ctx.consent.grantsFor(subject, DataClass.CONTRACT_REPORTS, ConsentPurpose.CONTRACT_REPORTING)) &&
      ctx.consent.wouldAllow(subject, DataClass.STAGE_DETAILS)
    )
      contracts.push(contract);
  }
  const reports = contracts.length ? await ctx.em.find(ContractReport, { period, contract: { $in: contracts } }, { populate: ['authorOrganisation'] }) : [];
  return contracts.map((contract) => ({ contract, report: reports.find((r) => r.contract.id === contract.id) ?? null }));
}
