import type { EntityManager } from '@mikro-orm/postgresql';
import { type ConsentTerms, ConsentStatus, type PartnerViewer } from '@jalon/domain';
import { Consent, type ConsentFacts, termsOf } from '../modules/consent/consent.entity';

/** Which consents a partner's decisions read: those of the tenant naming it that may be in force at `now`. */
export interface ConsentTermsQuery {
  tenantId: string | null;
  viewer: PartnerViewer;
  now: Date;
  /** Only these participants' (a preview); null: every participant's. */
  participantIds: readonly string[] | null;
}

/**
 * The consents naming the viewer (by organisation or kind) that may be in force, as the terms the
 * decision reads (access/consent-scope.ts): one query per request.
 */
export async function consentTermsNaming(em: EntityManager, { tenantId, viewer, now, participantIds }: ConsentTermsQuery): Promise<ConsentTerms[]> {
  // Plain rows, not entities: the terms are all the decision reads, and a partner's list has a consent per person.
  const rows = await em
    .createQueryBuilder(Consent, 'c')
    .select([
      'id',
      'participant',
      'granteeOrganisation',
      'granteeKind',
      'effect',
      'dataClasses',
      'stageKinds',
      'stageIds',
      'purpose',
      'validFrom',
      'validUntil',
      'status',
    ])
    .where({
      tenant: tenantId,
      status: ConsentStatus.ACTIVE,
      ...(participantIds ? { participant: { $in: participantIds } } : {}),
      $and: [
        { $or: [{ granteeOrganisation: viewer.organisationId }, { granteeKind: viewer.organisationKind }] },
        { $or: [{ validUntil: null }, { validUntil: { $gt: now } }] },
      ],
    })
    .execute<ConsentTermsRow[]>('all', true);
  return rows.map(termsOfRow);
}

/** A consent as read for the decision: the builder's row above, or jalon_open_session()'s JSON (its instants as text). */
export type ConsentTermsRow = Omit<ConsentFacts, 'validFrom' | 'validUntil'> & {
  participant: string;
  granteeOrganisation: string | null;
  validFrom: Date | string;
  validUntil: Date | string | null;
};

export function termsOfRow(row: ConsentTermsRow): ConsentTerms {
  return termsOf({
    ...row,
    participant: { id: row.participant },
    granteeOrganisation: row.granteeOrganisation ? { id: row.granteeOrganisation } : null,
    validFrom: new Date(row.validFrom),
    validUntil: row.validUntil === null ? null : new Date(row.validUntil),
  });
}
