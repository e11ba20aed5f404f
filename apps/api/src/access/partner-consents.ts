import type { ConsentTerms } from '@jalon/domain';

/** Organisations whose consents are kept, and sessions whose organisation is remembered: least recently used go first. */
const ORGANISATIONS_KEPT = 500;
const SESSIONS_KEPT = 5000;

/** A partner's consents and their stamp: the tenant, organisation, its kind and the count of changes to the tenant's consents. */
export interface StampedConsents {
  stamp: string;
  consents: ConsentTerms[];
}

const organisationOf = (stamp: string) => stamp.slice(0, stamp.lastIndexOf(':'));

function touch<K, V>(map: Map<K, V>, key: K, value: V, kept: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > kept) map.delete(map.keys().next().value!);
}

/**
 * Partners' consents, kept from one request to the next by the server (issue 15). Opening a session
 * reads them with their stamp, whose count a trigger keeps whatever writes the consents
 * (db/rls/functions/jalon_open_session.sql). The next request sends the stamp held for its
 * session's organisation; PostgreSQL sends the consents again unless that stamp is still theirs,
 * read in the same statement as the consents would be. A change to any consent of the tenant (a
 * withdrawal, a new grant, an expiry, an erasure) thus reaches the next request, as when the
 * consents were read for every request.
 */
export class KeptPartnerConsents {
  /** By organisation: the stamp without its count (tenant:organisation:kind). */
  private readonly byOrganisation = new Map<string, StampedConsents>();
  /** Each session's organisation, by the hash of its token. */
  private readonly organisationOfSession = new Map<string, string>();

  /** The consents held for this session's organisation, if any: their stamp goes with the session's opening. */
  held(tokenHash: string | null): StampedConsents | null {
    const organisation = tokenHash === null ? undefined : this.organisationOfSession.get(tokenHash);
    return (organisation && this.byOrganisation.get(organisation)) || null;
  }

  /**
   * The partner's consents once its session is open: those the opening sent (kept for the next
   * requests), or the ones held when it confirmed their stamp. Null for staff, who have none.
   */
  settle(tokenHash: string, held: StampedConsents | null, opened: { consents: ConsentTerms[] | null; consentsStamp: string | null }): ConsentTerms[] | null {
    if (opened.consentsStamp === null) return null;
    const organisation = organisationOf(opened.consentsStamp);
    touch(this.organisationOfSession, tokenHash, organisation, SESSIONS_KEPT);
    if (opened.consents) {
      touch(this.byOrganisation, organisation, { stamp: opened.consentsStamp, consents: opened.consents }, ORGANISATIONS_KEPT);
      return opened.consents;
    }
    if (held?.stamp !== opened.consentsStamp) throw new Error('The session was opened without consents for a stamp the API does not hold');
    return held.consents;
  }
}
