import { defaultOperationFor } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import type { Pathway } from '../participants/pathway.entity';
import { EsfOperation } from './esf-operation.entity';
import { EsfRecord } from './esf-record.entity';

export function listOperations(ctx: RequestContext): Promise<EsfOperation[]> {
  return ctx.em.find(EsfOperation, {}, { orderBy: { startsOn: 'desc', fileNumber: 'asc' } });
}

/**
 * A pathway entering the PLIE joins the operation whose period contains its entry day, when
 * exactly one does (the domain rule); otherwise it waits for the animation team's choice. A
 * pathway already in an operation stays there (a resumed pathway keeps its funding).
 */
export async function joinDefaultOperation(ctx: RequestContext, pathway: Pathway, entryDate: string): Promise<void> {
  const record = pathway.esf ?? ctx.em.create(EsfRecord, { tenant: pathway.tenant, pathway });
  if (record.operation) return;
  record.operation = defaultOperationFor(entryDate, await listOperations(ctx));
}
