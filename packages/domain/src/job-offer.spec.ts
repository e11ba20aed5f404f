import { describe, expect, it } from 'vitest';
import { hasFixedTerm, JobContractType, TradeMatch, tradeLinksOf } from './job-offer';

// K2204 (cleaning) and K2205, a trade of its sheet; its close trades as France Travail ranks them (ROME 4, mobility.csv).
const SHEETS: Record<string, string[]> = { K2204: ['K2205'], K2205: ['K2204'], K2203: [] };
const CLOSE: Record<string, Array<{ code: string; rank: number }>> = {
  K2204: [
    { code: 'K2205', rank: 1 },
    { code: 'K2307', rank: 2 },
    { code: 'K2503', rank: 3 },
  ],
  K2203: [
    { code: 'K2303', rank: 1 },
    { code: 'K2204', rank: 2 },
  ],
};
const links = (code: string) =>
  tradeLinksOf(
    code,
    (c) => SHEETS[c] ?? [],
    (c) => CLOSE[c] ?? [],
  );

describe('trade links (what a target trade matches)', () => {
  it('matches the trade itself first, then its sheet, then its close trades by rank', () => {
    expect(links('K2204').map((l) => [l.to, l.match, l.rank])).toEqual([
      ['K2204', TradeMatch.SAME_TRADE, 0],
      ['K2205', TradeMatch.SAME_SHEET, 0],
      ['K2307', TradeMatch.CLOSE_TRADE, 2],
      ['K2503', TradeMatch.CLOSE_TRADE, 3],
    ]);
  });

  it('keeps the strongest reason of a trade reached two ways (K2205 is of the sheet and a close trade)', () => {
    expect(links('K2204').filter((l) => l.to === 'K2205')).toEqual([{ from: 'K2204', to: 'K2205', match: TradeMatch.SAME_SHEET, rank: 0 }]);
  });

  it('leads a person aiming at K2203 to an offer in K2204 as its close trade of rank 2', () => {
    expect(links('K2203').find((l) => l.to === 'K2204')).toEqual({ from: 'K2203', to: 'K2204', match: TradeMatch.CLOSE_TRADE, rank: 2 });
    expect(links('K2203').some((l) => l.to === 'K2205')).toBe(false);
  });
});

describe('contract terms', () => {
  it('asks a length of every contract but a CDI', () => {
    expect(hasFixedTerm(JobContractType.CDI)).toBe(false);
    for (const type of [JobContractType.CDD, JobContractType.CDDI, JobContractType.TEMPING, JobContractType.APPRENTICESHIP])
      expect(hasFixedTerm(type)).toBe(true);
  });
});
