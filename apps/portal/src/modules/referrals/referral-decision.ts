import type { ReferralDecision } from '@/gql/graphql';

/**
 * The accreditation commission's decision on a referral, as its page's dialog and the meeting's
 * agenda item take it: accept (into a new file with its referent, or the file of a person already
 * followed), refuse, redirect elsewhere or postpone, each but accepting with its reason.
 */
export const DECISIONS: readonly ReferralDecision[] = ['ACCEPT', 'REFUSE', 'REDIRECT', 'POSTPONE'];
/** The choice of a new file among the people already on file under the same name. */
export const NEW_FILE = 'new';

export interface DecisionValues {
  decision: ReferralDecision | '';
  /** A possible match's id, or « new » for a new file. */
  file: string;
  referentId: string;
  reason: string;
  redirectedTo: string;
}

/** The fields the API names about a decision. */
export type DecisionField = 'decision' | 'participantId' | 'confirmNewPerson' | 'referentId' | 'reason' | 'redirectedTo';

export const noDecision = (): DecisionValues => ({ decision: '', file: '', referentId: '', reason: '', redirectedTo: '' });

/** A new file needs its referent; the file of a person already followed keeps hers. */
export const isNewFile = (values: DecisionValues, matchCount: number) => values.decision === 'ACCEPT' && (matchCount === 0 || values.file === NEW_FILE);

/** Another decision asks other things: the messages about the previous one go. */
export function clearedByDecision(values: DecisionValues) {
  return {
    participantId: () => [values.file, values.decision],
    confirmNewPerson: () => values.file,
    referentId: () => [values.referentId, values.decision],
    reason: () => [values.reason, values.decision],
    redirectedTo: () => [values.redirectedTo, values.decision],
  } satisfies Partial<Record<DecisionField, () => unknown>>;
}

/** Marks what the decision chosen still lacks (`t` says it). */
export function checkDecision(
  values: DecisionValues,
  matchCount: number,
  setField: (field: DecisionField, message: string) => void,
  t: (key: string) => string,
) {
  const accepting = values.decision === 'ACCEPT';
  if (accepting && matchCount > 0 && !values.file) setField('participantId', t('referrals.decision.fileRequired'));
  if (isNewFile(values, matchCount) && !values.referentId) setField('referentId', t('referrals.decision.referentRequired'));
  if (values.decision && !accepting && !values.reason.trim()) setField('reason', t('referrals.decision.reasonRequired'));
  if (values.decision === 'REDIRECT' && !values.redirectedTo.trim()) setField('redirectedTo', t('referrals.decision.redirectedToRequired'));
}

/** The decision as the API takes it, once checked. */
export function decisionInput(values: DecisionValues & { decision: ReferralDecision }, matchCount: number) {
  const newFile = isNewFile(values, matchCount);
  return {
    decision: values.decision,
    participantId: values.decision === 'ACCEPT' && !newFile ? values.file : null,
    referentId: newFile ? values.referentId : null,
    confirmNewPerson: newFile && matchCount > 0,
    reason: values.reason.trim() || null,
    redirectedTo: values.decision === 'REDIRECT' ? values.redirectedTo.trim() : null,
  };
}
