/**
 * The professional project: the trades a person aims at, worked from her know-how and the ROME
 * trade sheets (the referent's job description: "studying transferable know-how in similar trades").
 */
export enum TargetTradeStatus {
  TO_EXPLORE = 'TO_EXPLORE',
  CONFIRMED = 'CONFIRMED',
  ABANDONED = 'ABANDONED',
}

/** A project names three trades at most: beyond that it is a list of ideas, not a project. */
export const MAX_TARGET_TRADES = 3;
/** Trades done before (recorded at diagnosis) that suggestions start from. */
export const MAX_PAST_TRADES = 10;
/** A short list of the person's own words, not a CV. */
export const MAX_SKILLS_PER_TRADE = 12;

/** A close trade of a ROME code, as France Travail ranks it (1 = closest). */
export interface RankedCloseTrade {
  code: string;
  rank: number;
}

export interface CloseTradeSuggestion {
  code: string;
  /** The best rank it has from any of the trades it comes from. */
  rank: number;
  /** The person's trades (past or aimed at) it is close to, closest first. */
  from: string[];
}

/**
 * Close trades to explore from the trades a person has done and the ones she aims at: each close
 * trade once, at its best rank, closest first (then by how many of her trades lead to it, then by
 * code, so the list is stable). A trade she already aims at, or one she comes from, is not suggested.
 */
export function suggestCloseTrades(
  sources: readonly string[],
  closeTradesOf: (code: string) => readonly RankedCloseTrade[],
  alreadyTargeted: readonly string[],
  limit = 10,
): CloseTradeSuggestion[] {
  const excluded = new Set([...sources, ...alreadyTargeted]);
  const byCode = new Map<string, { rank: number; from: Array<{ code: string; rank: number }> }>();
  for (const source of new Set(sources)) {
    for (const close of closeTradesOf(source)) {
      if (excluded.has(close.code)) continue;
      const entry = byCode.get(close.code) ?? { rank: close.rank, from: [] };
      entry.rank = Math.min(entry.rank, close.rank);
      entry.from.push({ code: source, rank: close.rank });
      byCode.set(close.code, entry);
    }
  }
  return [...byCode.entries()]
    .map(([code, { rank, from }]) => ({ code, rank, from: from.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code)).map((f) => f.code) }))
    .sort((a, b) => a.rank - b.rank || b.from.length - a.from.length || a.code.localeCompare(b.code))
    .slice(0, limit);
}
