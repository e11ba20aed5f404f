import type { MikroORM } from '@mikro-orm/postgresql';
import { addMonths, ConsentPurpose, DataClass, firstDayOf, lastDayOf, periodWithin } from '@jalon/domain';
import { ConsentScope } from '../../access/consent-scope';
import { reportedStage } from '../../access/report-access';
import { inScopedTransaction } from '../../access/request-transaction';
import { todayInFrance } from '../../graphql/date-input';
import { shortNameOf } from '../participants/participant.entity';
import { AssistedContract, ContractReport } from './assisted-contract.entity';
import { CONTRACT_POPULATE, lastDayOfContract } from './assisted-contract.service';
import { insertReportReminder, tenantsWithUnreportedContracts } from './report-reminders.query';

/**
 * Once a month is over, reminds each employer of the reports it still owes for it: one
 * notification per contract and month, never twice, and only while the person's consent lets the
 * employer report. Runs tenant by tenant as the application role. Returns how many were sent.
 */
export async function remindDueReports(orm: MikroORM, now: Date): Promise<number> {
  const period = addMonths(firstDayOf(todayInFrance(now).slice(0, 7)), -1).slice(0, 7);
  const tenants = await inScopedTransaction(orm.em, {}, (em) => tenantsWithUnreportedContracts(em, period));
  let sent = 0;
  for (const tenantId of tenants) {
    sent += await inScopedTransaction(orm.em, { tenantId, staff: true, now }, async (em) => {
      const contracts = (await em.find(AssistedContract, { startOn: { $lte: lastDayOf(period) } }, { populate: CONTRACT_POPULATE })).filter((c) =>
        periodWithin(period, c.startOn, lastDayOfContract(c)),
      );
      const reported = new Set((await em.find(ContractReport, { period, contract: { $in: contracts } }, { fields: ['contract'] })).map((r) => r.contract.id));
      let inserted = 0;
      for (const contract of contracts) {
        const operator = contract.stage.operator;
        if (reported.has(contract.id) || !operator) continue;
        const { subject } = reportedStage(contract.stage);
        const scope = ConsentScope.preview(em, tenantId, { organisationId: operator.id, organisationKind: operator.kind }, subject.participantId, now);
        if (!(await scope.grantsFor(subject, DataClass.CONTRACT_REPORTS, ConsentPurpose.CONTRACT_REPORTING))) continue;
        const added = await insertReportReminder(em, {
          at: now,
          tenantId,
          organisationId: operator.id,
          participantId: subject.participantId,
          participantLabel: shortNameOf(contract.stage.pathway.participant),
          period,
          dedupeKey: `contract-report:${contract.id}:${period}`,
        });
        if (added) inserted++;
      }
      return inserted;
    });
  }
  return sent;
}
