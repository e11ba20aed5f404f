import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-date';
import {
  accessLogCutoff,
  ageOn,
  anonymisationDueOn,
  anonymisedBirthDate,
  DEFAULT_RETENTION_POLICY,
  esfRetentionEndsOn,
  retentionPolicyProblems,
  retentionStepDue,
  type RetentionFacts,
} from './retention';

const policy = { archiveAfterMonths: 24, anonymiseAfterYears: 3, accessLogMonths: 12 };
const closed = (lastClosedOn: string, more: Partial<RetentionFacts> = {}): RetentionFacts => ({
  lastClosedOn,
  archivedOn: null,
  anonymisedOn: null,
  operationsLastPaymentOn: [],
  ...more,
});

describe('retention rules', () => {
  it('archives a closed file the day its time in the active base is over, not the day before', () => {
    expect(retentionStepDue(closed('2022-03-15'), '2024-03-14', policy)).toBeNull();
    expect(retentionStepDue(closed('2022-03-15'), '2024-03-15', policy)).toBe('ARCHIVE');
  });

  it('never archives a file with an open pathway', () => {
    expect(retentionStepDue({ lastClosedOn: null, archivedOn: null, anonymisedOn: null, operationsLastPaymentOn: [] }, '2040-01-01', policy)).toBeNull();
  });

  it('counts the ESF+ audit retention from 31 December of the last payment year, five years on', () => {
    expect(esfRetentionEndsOn('2021-06-30')).toBe('2026-12-31');
  });

  it('anonymises M years after the latest audit retention of the file’s operations', () => {
    const facts = { archivedOn: '2023-01-10', operationsLastPaymentOn: ['2021-06-30', '2022-02-01'] };
    expect(anonymisationDueOn(facts, policy)).toBe('2030-12-31');
    expect(retentionStepDue(closed('2020-01-01', { ...facts }), '2030-12-30', policy)).toBeNull();
    expect(retentionStepDue(closed('2020-01-01', { ...facts }), '2030-12-31', policy)).toBe('ANONYMISE');
  });

  it('keeps a file whose operation is not paid yet, and counts from the archive date without an operation', () => {
    expect(anonymisationDueOn({ archivedOn: '2023-01-10', operationsLastPaymentOn: ['2021-06-30', null] }, policy)).toBeNull();
    expect(anonymisationDueOn({ archivedOn: '2023-01-10', operationsLastPaymentOn: [] }, policy)).toBe('2026-01-10');
  });

  it('does one step a run and nothing once anonymised', () => {
    expect(retentionStepDue(closed('2000-01-01', { archivedOn: '2000-01-01', anonymisedOn: '2010-01-01' }), '2040-01-01', policy)).toBeNull();
  });

  it('refuses every setting out of bounds at once, and accepts the defaults', () => {
    expect(retentionPolicyProblems(DEFAULT_RETENTION_POLICY)).toEqual([]);
    expect(retentionPolicyProblems({ archiveAfterMonths: 0, anonymiseAfterYears: 2.5, accessLogMonths: 3 }).map((p) => p.field)).toEqual([
      'archiveAfterMonths',
      'anonymiseAfterYears',
      'accessLogMonths',
    ]);
  });

  it('cuts the access log at the policy’s months before now', () => {
    expect(accessLogCutoff(new Date('2026-12-05T10:00:00Z'), policy).toISOString()).toBe('2025-12-05T10:00:00.000Z');
  });
});

describe('the birth date an anonymised file keeps', () => {
  it('gives the same age at every entry, for every birthday of four years', () => {
    const entries = ['2019-03-01', '2021-11-15', '2024-02-29'];
    for (let birth = '1980-01-01'; birth < '1984-01-01'; birth = addDays(birth, 1)) {
      const kept = anonymisedBirthDate(birth, entries);
      for (const entry of entries) expect(ageOn(kept, entry), `${birth} at ${entry}`).toBe(ageOn(birth, entry));
    }
  });

  it('is 1 July of the birth year when that keeps the ages', () => {
    expect(anonymisedBirthDate('1990-02-11', ['2020-12-01'])).toBe('1990-07-01');
    expect(anonymisedBirthDate('1990-11-20', ['2020-09-01'])).toBe('1990-09-02');
  });
});
