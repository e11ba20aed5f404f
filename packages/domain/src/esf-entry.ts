/** ESF+ participant data at entry (Reg. 2021/1057 Annex I). */
export enum Gender {
  WOMAN = 'WOMAN',
  MAN = 'MAN',
  NON_BINARY = 'NON_BINARY',
}

export enum EmploymentSituation {
  UNEMPLOYED = 'UNEMPLOYED',
  /** ≥ 12 months, or ≥ 6 months under 25. */
  LONG_TERM_UNEMPLOYED = 'LONG_TERM_UNEMPLOYED',
  INACTIVE = 'INACTIVE',
  EMPLOYED = 'EMPLOYED',
  SELF_EMPLOYED = 'SELF_EMPLOYED',
}

/** Answer to a sensitive ESF+ item: the regulation lets the person decline, and the attempt is recorded. */
export enum EsfAnswer {
  YES = 'YES',
  NO = 'NO',
  REFUSED = 'REFUSED',
}

/** The entry items a pathway must have for ESF+ reporting; a missing one raises "ESF+ data incomplete". */
export const REQUIRED_ESF_ENTRY_FIELDS = [
  'gender',
  'birthDate',
  'employmentSituation',
  'educationLevel',
  'disability',
  'thirdCountryNational',
  'foreignBackground',
  'minority',
  'homeless',
  'ruralArea',
] as const;

export type EsfEntryField = (typeof REQUIRED_ESF_ENTRY_FIELDS)[number];

export function missingEsfEntryFields(values: Partial<Record<EsfEntryField, unknown>>): EsfEntryField[] {
  return REQUIRED_ESF_ENTRY_FIELDS.filter((field) => values[field] === null || values[field] === undefined);
}
