import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ConsentStatus, PathwayStatus, NotificationKind } from '@jalon/domain';
import { inScopedTransaction } from '../../access/request-transaction';
import { ConsentEventAction } from './consent-event.entity';
import { Consent } from './consent.entity';
import { notifyGrantee, recordEvent } from './consent-events';
import { tenantsWithEndingConsents } from './consent-expiry.query';

export const EXPIRY_SWEEP_INTERVAL_MS = 60_000;

/**
 * Marks ended the consents past their date or whose pathway is closed, tenant by tenant, as the
 * application role with that tenant's row-level security (the decision already ignores them from
 * their last second; this records it and tells the partners). Returns how many ended.
 */
export async function sweepEndedConsents(orm: MikroORM, now: Date): Promise<number> {
  const tenants = await inScopedTransaction(orm.em, {}, (em) => tenantsWithEndingConsents(em, now));
  let ended = 0;
  for (const id of tenants) {
    ended += await inScopedTransaction(orm.em, { tenantId: id, staff: true, now }, (em) => expireConsents(em, now));
  }
  return ended;
}

/**
 * Ends the consents in force that are past their date or whose pathway is closed (the end of the
 * pathway and its follow-up), and tells the partners. Runs as the system, across tenants; the
 * decision already treats them as ended from their last second, this records it.
 */
export async function expireConsents(em: EntityManager, now: Date, pathwayId?: string): Promise<number> {
  const due = await em.find(
    Consent,
    {
      status: ConsentStatus.ACTIVE,
      ...(pathwayId ? { pathway: pathwayId } : { $or: [{ validUntil: { $lte: now } }, { pathway: { status: PathwayStatus.CLOSED } }] }),
    },
    { populate: ['participant', 'granteeOrganisation'], filters: false },
  );
  for (const consent of due) {
    consent.status = ConsentStatus.EXPIRED;
    consent.endedAt = now;
    if (!consent.validUntil || consent.validUntil > now) consent.validUntil = now;
    recordEvent(em, consent, ConsentEventAction.EXPIRED, now, null, null);
    await notifyGrantee(em, consent, NotificationKind.CONSENT_EXPIRED, consent.validUntil);
  }
  await em.flush();
  return due.length;
}
