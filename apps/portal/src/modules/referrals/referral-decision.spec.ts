import { describe, expect, it } from 'vitest';
import { checkDecision, decisionInput, isNewFile, NEW_FILE, noDecision, type DecisionField } from './referral-decision';

const t = (key: string) => key;
function missing(values: ReturnType<typeof noDecision>, matchCount: number): Partial<Record<DecisionField, string>> {
  const errors: Partial<Record<DecisionField, string>> = {};
  checkDecision(values, matchCount, (field, message) => (errors[field] = message), t);
  return errors;
}

describe('the commission’s decision on a referral', () => {
  it('accepts into a new file with its referent, or into the file of a person already followed', () => {
    const values = { ...noDecision(), decision: 'ACCEPT' as const, referentId: 'r1' };
    expect(isNewFile(values, 0)).toBe(true);
    expect(decisionInput(values, 0)).toEqual({
      decision: 'ACCEPT',
      participantId: null,
      referentId: 'r1',
      confirmNewPerson: false,
      reason: null,
      redirectedTo: null,
    });
    expect(decisionInput({ ...values, file: NEW_FILE }, 2)).toMatchObject({ participantId: null, referentId: 'r1', confirmNewPerson: true });
    expect(decisionInput({ ...values, file: 'p7' }, 2)).toMatchObject({ participantId: 'p7', referentId: null, confirmNewPerson: false });
  });

  it('asks for the file among the matches, the referent of a new file, the reason of a refusal and where to redirect', () => {
    expect(missing({ ...noDecision(), decision: 'ACCEPT' }, 1)).toEqual({ participantId: 'referrals.decision.fileRequired' });
    expect(missing({ ...noDecision(), decision: 'ACCEPT', file: NEW_FILE }, 1)).toEqual({ referentId: 'referrals.decision.referentRequired' });
    expect(missing({ ...noDecision(), decision: 'REFUSE' }, 0)).toEqual({ reason: 'referrals.decision.reasonRequired' });
    expect(missing({ ...noDecision(), decision: 'REDIRECT', reason: 'Hors territoire' }, 0)).toEqual({
      redirectedTo: 'referrals.decision.redirectedToRequired',
    });
    expect(missing(noDecision(), 0)).toEqual({});
  });

  it('sends a redirection with where to, and no reason when none was given', () => {
    const values = { ...noDecision(), decision: 'REDIRECT' as const, reason: '  ', redirectedTo: ' Mission locale ' };
    expect(decisionInput(values, 0)).toMatchObject({ reason: null, redirectedTo: 'Mission locale', participantId: null, referentId: null });
  });
});
