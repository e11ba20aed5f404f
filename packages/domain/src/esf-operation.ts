import type { DayBounds } from './plausible-dates';

/**
 * ESF+ operations. Operations of the 2014–2020 programme (eligible until the end of 2023) are
 * still entered for the pathways they funded; the 2021–2027 programme's expenditure is eligible
 * until 31 December 2029 (Regulation (EU) 2021/1060, art. 63(2)). A day outside is a typo.
 */
export const ESF_OPERATION_DAYS: DayBounds = { earliest: '2014-01-01', latest: '2029-12-31' };

/** The managing authority's file number: letters, digits and dashes (« 202301234 », « AURA-2023-0042 »). */
export const ESF_FILE_NUMBER = /^[A-Z0-9][A-Z0-9-]{3,29}$/;

export interface OperationPeriod {
  id: string;
  startsOn: string;
  endsOn: string;
}

/**
 * The operation a pathway entering on `entryDate` belongs to by default: the one whose period
 * contains that day, when exactly one does. None, or several overlapping: the animation team
 * chooses, nothing is guessed.
 */
export function defaultOperationFor<T extends OperationPeriod>(entryDate: string, operations: readonly T[]): T | null {
  const containing = operations.filter((o) => o.startsOn <= entryDate && entryDate <= o.endsOn);
  return containing.length === 1 ? containing[0]! : null;
}
