/**
 * ISCED 2011 (CITE 2011 in French), UNESCO's levels of education, as ESF+ reporting asks for them:
 * each participant's highest level completed, counted in three groups. Browser-safe.
 */

export const ISCED_LEVEL_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;

export type IscedLevel = (typeof ISCED_LEVEL_VALUES)[number];

/** The three groups of the ESF+ common indicators on educational attainment. */
export enum EsfEducationGroup {
  /** Lower secondary education or less. */
  ISCED_0_2 = 'ISCED_0_2',
  /** Upper secondary or post-secondary non-tertiary education. */
  ISCED_3_4 = 'ISCED_3_4',
  /** Tertiary education. */
  ISCED_5_8 = 'ISCED_5_8',
}

export interface IscedLevelInfo {
  readonly level: IscedLevel;
  /** Official French title (CITE 2011). */
  readonly labelFr: string;
  readonly labelEn: string;
  /** What it usually corresponds to in France, to help a referent choose. */
  readonly examplesFr: string;
  readonly esfGroup: EsfEducationGroup;
}

export const ISCED_LEVELS: readonly IscedLevelInfo[] = Object.freeze(
  (
    [
      [0, 'Éducation de la petite enfance', 'Early childhood education', 'École maternelle, ou aucune scolarité', EsfEducationGroup.ISCED_0_2],
      [1, 'Enseignement primaire', 'Primary education', 'École élémentaire', EsfEducationGroup.ISCED_0_2],
      [2, "Premier cycle de l'enseignement secondaire", 'Lower secondary education', 'Collège, diplôme national du brevet', EsfEducationGroup.ISCED_0_2],
      [3, "Deuxième cycle de l'enseignement secondaire", 'Upper secondary education', 'Lycée : CAP, BEP, baccalauréat', EsfEducationGroup.ISCED_3_4],
      [4, 'Enseignement post-secondaire non supérieur', 'Post-secondary non-tertiary education', 'DAEU, capacité en droit', EsfEducationGroup.ISCED_3_4],
      [5, 'Enseignement supérieur de cycle court', 'Short-cycle tertiary education', 'BTS, DUT, DEUST', EsfEducationGroup.ISCED_5_8],
      [6, 'Niveau licence ou équivalent', "Bachelor's or equivalent level", 'Licence, licence professionnelle, BUT', EsfEducationGroup.ISCED_5_8],
      [7, 'Niveau master ou équivalent', "Master's or equivalent level", "Master, diplôme d'ingénieur", EsfEducationGroup.ISCED_5_8],
      [8, 'Niveau doctorat ou équivalent', 'Doctoral or equivalent level', 'Doctorat', EsfEducationGroup.ISCED_5_8],
    ] as const
  ).map(([level, labelFr, labelEn, examplesFr, esfGroup]) => Object.freeze({ level, labelFr, labelEn, examplesFr, esfGroup })),
);

export const ESF_EDUCATION_GROUPS: readonly { readonly group: EsfEducationGroup; readonly labelFr: string; readonly labelEn: string }[] = Object.freeze([
  {
    group: EsfEducationGroup.ISCED_0_2,
    labelFr: 'Enseignement secondaire inférieur ou moins (CITE 0 à 2)',
    labelEn: 'Lower secondary education or less (ISCED 0–2)',
  },
  {
    group: EsfEducationGroup.ISCED_3_4,
    labelFr: 'Enseignement secondaire supérieur ou post-secondaire non supérieur (CITE 3 et 4)',
    labelEn: 'Upper secondary or post-secondary non-tertiary education (ISCED 3–4)',
  },
  { group: EsfEducationGroup.ISCED_5_8, labelFr: 'Enseignement supérieur (CITE 5 à 8)', labelEn: 'Tertiary education (ISCED 5–8)' },
]);

export function isIscedLevel(value: unknown): value is IscedLevel {
  return typeof value === 'number' && (ISCED_LEVEL_VALUES as readonly number[]).includes(value);
}

export function iscedLevel(level: IscedLevel): IscedLevelInfo {
  return ISCED_LEVELS[level]!;
}

/** The ESF+ group of a level: 0–2, 3–4 or 5–8. */
export function esfGroupOf(level: IscedLevel): EsfEducationGroup {
  if (!isIscedLevel(level)) throw new RangeError(`Not an ISCED 2011 level: ${String(level)}`);
  return ISCED_LEVELS[level]!.esfGroup;
}
