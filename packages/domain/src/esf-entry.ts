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

/** The entry items still missing: the gender and birth date are the person's (their file), the others the pathway's ESF+ items. */
export function missingEsfEntryFields(
  person: Partial<Record<'gender' | 'birthDate', unknown>>,
  items: Partial<Record<EsfEntryField, unknown>>,
): EsfEntryField[] {
  const missing: EsfEntryField[] = [];
  for (const field of REQUIRED_ESF_ENTRY_FIELDS) {
    const value = field === 'gender' || field === 'birthDate' ? person[field] : items[field];
    if (value === null || value === undefined) missing.push(field);
  }
  return missing;
}
