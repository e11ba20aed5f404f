import { EmploymentSituation } from './esf-entry';

/**
 * The ESF+ common indicators on participants, Regulation (EU) 2021/1057, Annex I, as the API
 * counts them in SQL (modules/esf/esf-indicators.query.ts turns each definition into a condition):
 * written once here, so what counts where can be read and reviewed in one place.
 *
 * - Output indicators (EECO) count the participants who entered an operation in the period, by
 *   their situation at entry; the age is the age on the entry day (Annex I, point 1).
 * - « Refused to answer » counts in the total only (EECO11), never in an item's indicator.
 * - Immediate results (EECR) count the participants who left in the period and answered within
 *   four weeks of leaving (ESF_EXIT_WEEKS); a questionnaire collected later counts in none.
 * - Longer-term results count those who left in the period and answered six months after.
 * - A participation of one day or less is not counted (Annex I: « participants… excluding
 *   one-day actions »); a person who comes back into the same operation counts once.
 */
export type EsfIndicatorRule =
  | { kind: 'situation'; values: readonly EmploymentSituation[] }
  | { kind: 'age'; from?: number; below?: number }
  | { kind: 'education'; from: number; to: number }
  | { kind: 'yes'; item: EsfYesItem }
  | { kind: 'all' };

/** The entry items answered yes / no / refused. */
export type EsfYesItem = 'disability' | 'thirdCountryNational' | 'foreignBackground' | 'minority' | 'homeless' | 'ruralArea';

/** The items on leaving, yes / no / refused. */
export type EsfResultItem = 'exitJobSearching' | 'exitInTraining' | 'exitQualification' | 'exitEmployed' | 'sixMonthEmployed' | 'sixMonthBetterSituation';

export interface EsfOutputIndicator {
  code: string;
  rule: EsfIndicatorRule;
}

export interface EsfResultIndicator {
  code: string;
  item: EsfResultItem;
  /** Immediate (within four weeks of leaving) or longer-term (six months after). */
  when: 'onLeaving' | 'sixMonths';
}

const UNEMPLOYED = [EmploymentSituation.UNEMPLOYED, EmploymentSituation.LONG_TERM_UNEMPLOYED] as const;

export const ESF_OUTPUT_INDICATORS: readonly EsfOutputIndicator[] = [
  { code: 'EECO01', rule: { kind: 'situation', values: UNEMPLOYED } },
  { code: 'EECO02', rule: { kind: 'situation', values: [EmploymentSituation.LONG_TERM_UNEMPLOYED] } },
  { code: 'EECO03', rule: { kind: 'situation', values: [EmploymentSituation.INACTIVE] } },
  { code: 'EECO04', rule: { kind: 'situation', values: [EmploymentSituation.EMPLOYED, EmploymentSituation.SELF_EMPLOYED] } },
  { code: 'EECO05', rule: { kind: 'age', below: 18 } },
  { code: 'EECO06', rule: { kind: 'age', from: 18, below: 30 } },
  { code: 'EECO07', rule: { kind: 'age', from: 55 } },
  { code: 'EECO08', rule: { kind: 'education', from: 0, to: 2 } },
  { code: 'EECO09', rule: { kind: 'education', from: 3, to: 4 } },
  { code: 'EECO10', rule: { kind: 'education', from: 5, to: 8 } },
  { code: 'EECO11', rule: { kind: 'all' } },
  { code: 'EECO12', rule: { kind: 'yes', item: 'disability' } },
  { code: 'EECO13', rule: { kind: 'yes', item: 'thirdCountryNational' } },
  { code: 'EECO14', rule: { kind: 'yes', item: 'foreignBackground' } },
  { code: 'EECO15', rule: { kind: 'yes', item: 'minority' } },
  { code: 'EECO16', rule: { kind: 'yes', item: 'homeless' } },
  { code: 'EECO17', rule: { kind: 'yes', item: 'ruralArea' } },
];

export const ESF_RESULT_INDICATORS: readonly EsfResultIndicator[] = [
  { code: 'EECR01', item: 'exitJobSearching', when: 'onLeaving' },
  { code: 'EECR02', item: 'exitInTraining', when: 'onLeaving' },
  { code: 'EECR03', item: 'exitQualification', when: 'onLeaving' },
  { code: 'EECR04', item: 'exitEmployed', when: 'onLeaving' },
  // The longer-term results have no EECR code of their own: Jalon names them after the annex's wording.
  { code: 'EMPLOYED_6M', item: 'sixMonthEmployed', when: 'sixMonths' },
  { code: 'BETTER_6M', item: 'sixMonthBetterSituation', when: 'sixMonths' },
];

/** The columns of every indicator: by gender, then everyone (unknown gender included). */
export const ESF_GENDER_COLUMNS = ['WOMAN', 'MAN', 'NON_BINARY', 'TOTAL'] as const;
export type EsfGenderColumn = (typeof ESF_GENDER_COLUMNS)[number];
