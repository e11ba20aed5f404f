import { describe, expect, it } from 'vitest';
import { suggestCloseTrades } from './professional-project';

// Close trades as France Travail ranks them, cut to what the cases need.
const MOBILITY: Record<string, Array<{ code: string; rank: number }>> = {
  K2204: [
    { code: 'K2201', rank: 1 },
    { code: 'G1605', rank: 2 },
    { code: 'N1103', rank: 3 },
  ],
  G1605: [
    { code: 'G1602', rank: 1 },
    { code: 'K2204', rank: 2 },
  ],
  N1103: [{ code: 'N1105', rank: 1 }],
};
const closeTradesOf = (code: string) => MOBILITY[code] ?? [];

describe('suggestCloseTrades', () => {
  it('lists the close trades of past and aimed-at trades once each, closest first', () => {
    expect(suggestCloseTrades(['K2204', 'N1103'], closeTradesOf, [])).toEqual([
      { code: 'K2201', rank: 1, from: ['K2204'] },
      { code: 'N1105', rank: 1, from: ['N1103'] },
      { code: 'G1605', rank: 2, from: ['K2204'] },
    ]);
  });

  it('keeps a trade reached from two of her trades at its best rank, and says where it comes from', () => {
    const suggestions = suggestCloseTrades(['G1605', 'K2204'], closeTradesOf, []);
    // N1103 is rank 3 from K2204; K2204 and G1605 are hers, so neither is suggested.
    expect(suggestions.map((s) => s.code)).toEqual(['G1602', 'K2201', 'N1103']);
    expect(
      suggestCloseTrades(['K2204', 'N1103', 'G1605'], (code) => (code === 'G1605' ? [{ code: 'N1105', rank: 4 }] : closeTradesOf(code)), []),
    ).toContainEqual({
      code: 'N1105',
      rank: 1,
      from: ['N1103', 'G1605'],
    });
  });

  it('does not suggest a trade already in the project', () => {
    expect(suggestCloseTrades(['K2204'], closeTradesOf, ['K2201']).map((s) => s.code)).toEqual(['G1605', 'N1103']);
  });

  it('stops at the limit, and suggests nothing without a trade to start from', () => {
    expect(suggestCloseTrades(['K2204'], closeTradesOf, [], 2)).toHaveLength(2);
    expect(suggestCloseTrades([], closeTradesOf, [])).toEqual([]);
  });
});
