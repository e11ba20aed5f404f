import type { EntityManager } from '@mikro-orm/postgresql';
import { ConsentEffect, ConsentStatus, NotificationKind } from '@jalon/domain';
import { mayNamePerson } from '../../access/notification-access';
import { Notification } from '../notifications/notification.entity';
import { Organisation } from '../organisations/organisation.entity';
import { shortNameOf } from '../participants/participant.entity';
import type { User } from '../users/user.entity';
import { ConsentEvent, ConsentEventAction } from './consent-event.entity';
import { Consent, termsOf } from './consent.entity';

/** Keeps what happened to a consent in its history: granting, amending, revoking or expiring alike. */
export function recordEvent(em: EntityManager, consent: Consent, action: ConsentEventAction, at: Date, author: User | null, reason: string | null): void {
  em.create(ConsentEvent, { tenant: consent.tenant, consent, action, at, author, reason });
}

/**
 * Tells the grantee (the organisation, or every organisation of the kind) in its notification
 * list — each one only if it may see the person at `at` (the grant, or the end of the grant) with
 * this grant counted in force once started: not under a refusal, not before the grant starts.
 */
export async function notifyGrantee(em: EntityManager, consent: Consent, kind: NotificationKind, at: Date): Promise<void> {
  if (consent.effect !== ConsentEffect.GRANT) return;
  const recipients = consent.granteeOrganisation
    ? [consent.granteeOrganisation]
    : await em.find(Organisation, { tenant: consent.tenant, kind: consent.granteeKind!, active: true });
  const others = await em.find(Consent, { participant: consent.participant, status: ConsentStatus.ACTIVE, id: { $ne: consent.id } });
  const consents = [...others.map(termsOf), { ...termsOf(consent), status: ConsentStatus.ACTIVE, validUntil: null }];
  for (const organisation of recipients) {
    if (!mayNamePerson({ organisationId: organisation.id, organisationKind: organisation.kind }, consent.participant.id, consents, at)) continue;
    em.create(Notification, {
      tenant: consent.tenant,
      organisation,
      kind,
      participant: consent.participant,
      participantLabel: shortNameOf(consent.participant),
    });
  }
}
