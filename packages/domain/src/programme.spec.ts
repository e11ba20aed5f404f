import { describe, expect, it } from 'vitest';
import { ConsentPurpose, DataClass } from './consent';
import {
  answerOutcome,
  isNeedPeriod,
  mayAnswerPositioning,
  mayMoveAction,
  mayWithdrawPositioning,
  namesFunder,
  periodDays,
  PositioningStatus as P,
  positioningSharing,
  ProgrammeActionStatus as A,
  ProgrammeFunding,
  quarterOf,
} from './programme';
import { StageCategory } from './stage-kind';

describe('programme actions', () => {
  it('open from planned, full and open again, done or cancelled for good', () => {
    expect(mayMoveAction(A.PLANNED, A.OPEN)).toBe(true);
    expect(mayMoveAction(A.OPEN, A.FULL)).toBe(true);
    expect(mayMoveAction(A.FULL, A.OPEN)).toBe(true);
    expect(mayMoveAction(A.PLANNED, A.DONE)).toBe(false);
    expect(mayMoveAction(A.DONE, A.OPEN)).toBe(false);
    expect(mayMoveAction(A.CANCELLED, A.PLANNED)).toBe(false);
    expect(mayMoveAction(A.DONE, A.DONE)).toBe(true);
  });

  it('names the funder of a commune or other funding only', () => {
    expect([ProgrammeFunding.COMMUNE, ProgrammeFunding.OTHER].every(namesFunder)).toBe(true);
    expect([ProgrammeFunding.PLIE, ProgrammeFunding.ESF_OPERATION].some(namesFunder)).toBe(false);
  });
});

describe('positionings', () => {
  it('an acceptance with no place left puts the person on the waiting list', () => {
    expect(answerOutcome(P.ACCEPTED, 1)).toBe(P.ACCEPTED);
    expect(answerOutcome(P.ACCEPTED, 0)).toBe(P.WAITING);
    expect(answerOutcome(P.DECLINED, 0)).toBe(P.DECLINED);
  });

  it('the operator answers a proposal once, and accepts or declines from its waiting list', () => {
    expect(mayAnswerPositioning(P.PROPOSED, P.WAITING)).toBe(true);
    expect(mayAnswerPositioning(P.WAITING, P.ACCEPTED)).toBe(true);
    expect(mayAnswerPositioning(P.WAITING, P.WAITING)).toBe(false);
    expect(mayAnswerPositioning(P.ACCEPTED, P.DECLINED)).toBe(false);
    expect(mayAnswerPositioning(P.PROPOSED, P.WITHDRAWN)).toBe(false);
    expect(mayWithdrawPositioning(P.ACCEPTED)).toBe(true);
    expect(mayWithdrawPositioning(P.DECLINED)).toBe(false);
  });

  it('shares a training with its operator for the training follow-up, reports included', () => {
    expect(positioningSharing(StageCategory.TRAINING)).toEqual({
      dataClasses: [DataClass.STAGE_LIST, DataClass.STAGE_DETAILS, DataClass.TRAINING_REPORTS],
      purpose: ConsentPurpose.TRAINING_FOLLOW_UP,
    });
    expect(positioningSharing(StageCategory.INTEGRATION_ACTIVITY).purpose).toBe(ConsentPurpose.CONTRACT_REPORTING);
  });
});

describe('need periods', () => {
  it('reads a month or a quarter, and adds months up by quarter', () => {
    expect(isNeedPeriod('2026-11')).toBe(true);
    expect(isNeedPeriod('2026-Q4')).toBe(true);
    expect(isNeedPeriod('2026-13')).toBe(false);
    expect(isNeedPeriod('2026-Q5')).toBe(false);
    expect(quarterOf('2026-11')).toBe('2026-Q4');
    expect(quarterOf('2027-01')).toBe('2027-Q1');
    expect(quarterOf('2026-Q2')).toBe('2026-Q2');
    expect(periodDays('2026-Q4')).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(periodDays('2027-02')).toEqual({ first: '2027-02-01', last: '2027-02-28' });
  });
});
