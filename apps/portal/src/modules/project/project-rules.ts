import { MAX_TARGET_TRADES } from '@jalon/domain';
import type { TargetTradeInput, TargetTradeStatus } from '@/gql/graphql';

export { MAX_TARGET_TRADES };

/** In the order a project moves: explored, then confirmed or abandoned. */
export const TARGET_STATUSES: readonly TargetTradeStatus[] = ['TO_EXPLORE', 'CONFIRMED', 'ABANDONED'];

/** A target trade's two lists of skills, each written, edited and shown alike (the value: its fields' id suffix). */
export const SKILL_LISTS = { skillsAcquired: 'acquired', skillsToAcquire: 'to-acquire' } as const;

/** A list typed one item per line, blank lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A project's trades as the API takes them, from what a version shows or what the form holds. */
export function targetInputs(
  targets: ReadonlyArray<{ romeCode: string; status: TargetTradeStatus; skillsAcquired: string[]; skillsToAcquire: string[] }>,
): TargetTradeInput[] {
  return targets.map(({ romeCode, status, skillsAcquired, skillsToAcquire }) => ({ romeCode, status, skillsAcquired, skillsToAcquire }));
}
