import { describe, expect, it } from 'vitest';
import { defaultOperationFor, ESF_FILE_NUMBER } from './esf-operation';

const first = { id: 'a', startsOn: '2023-01-01', endsOn: '2024-12-31' };
const second = { id: 'b', startsOn: '2025-01-01', endsOn: '2026-12-31' };

describe('the default ESF+ operation of a pathway', () => {
  it('is the one whose period contains the entry day, bounds included', () => {
    expect(defaultOperationFor('2024-12-31', [first, second])?.id).toBe('a');
    expect(defaultOperationFor('2025-01-01', [first, second])?.id).toBe('b');
  });

  it('is none outside every period, or when two periods overlap on that day', () => {
    expect(defaultOperationFor('2027-01-04', [first, second])).toBeNull();
    expect(defaultOperationFor('2025-06-01', [second, { id: 'c', startsOn: '2025-05-01', endsOn: '2025-12-31' }])).toBeNull();
  });
});

describe('the managing authority file number', () => {
  it('takes letters, digits and dashes, and nothing else', () => {
    expect(ESF_FILE_NUMBER.test('202301234')).toBe(true);
    expect(ESF_FILE_NUMBER.test('AURA-2023-0042')).toBe(true);
    expect(ESF_FILE_NUMBER.test('12')).toBe(false);
    expect(ESF_FILE_NUMBER.test('2023 01234')).toBe(false);
  });
});
