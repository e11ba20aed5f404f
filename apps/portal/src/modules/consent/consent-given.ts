import type { ConsentMethod } from '@/gql/graphql';
import { todayLocalDate } from '@/composables/use-labels';

/** A person's agreement recorded with a proposal made for her (a candidacy, a positioning): ConsentGivenFields edits it. */
export interface ConsentGiven {
  agreed: boolean;
  method: ConsentMethod;
  collectedOn: string;
  witness: string;
}

/** As the form opens: a signed form, today. */
export const newConsentGiven = (agreed: boolean): ConsentGiven => ({ agreed, method: 'SIGNED_FORM', collectedOn: todayLocalDate(), witness: '' });

/** The consent sent with the proposal, or none when she did not agree (it can be recorded later). */
export const consentGivenInput = (given: ConsentGiven) =>
  given.agreed ? { method: given.method, collectedOn: given.collectedOn, witness: given.witness || null } : null;
