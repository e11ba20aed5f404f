import { addDays, addMonths } from './calendar-date';

/**
 * The ESF+ questionnaire on leaving (Regulation (EU) 2021/1057, Annex I, immediate result
 * indicators EECR01–EECR04) is collected « within four weeks » of the exit; the longer-term
 * result « six months after leaving ».
 */
export const ESF_EXIT_WEEKS = 4;

/** The last day the exit questionnaire is on time: four weeks after the exit day. */
export function exitQuestionnaireDue(exitDate: string): string {
  return addDays(exitDate, ESF_EXIT_WEEKS * 7);
}

/** The first day the six-month result may be asked: six months after the exit day. */
export function sixMonthResultFrom(exitDate: string): string {
  return addMonths(exitDate, 6);
}

/** The follow-up check-in whose answer is the six-month result, when the exit opened an in-job follow-up. */
export const SIX_MONTH_CHECK_IN = 6;
