import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LocalDateResolver } from 'graphql-scalars';
import { isLocalDate } from './local-date';

/** graphql-scalars' own check, as LocalDate's serialiser applies it. */
function acceptedByGraphqlScalars(value: unknown): boolean {
  try {
    LocalDateResolver.parseValue(value);
    return true;
  } catch {
    return false;
  }
}

describe('isLocalDate', () => {
  it('accepts exactly what graphql-scalars LocalDate accepts', () => {
    const dateLike = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string(), fc.integer(), fc.constant(null)), (value) => {
        expect(isLocalDate(value)).toBe(acceptedByGraphqlScalars(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('knows leap years and month lengths', () => {
    expect(['2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30'].every(isLocalDate)).toBe(true);
    expect(['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', ' 2026-01-01'].some(isLocalDate)).toBe(false);
  });
});
