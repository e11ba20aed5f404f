import { describe, expect, it } from 'vitest';
import { ESF_EDUCATION_GROUPS, EsfEducationGroup, ISCED_LEVELS, esfGroupOf, iscedLevel, isIscedLevel, type IscedLevel } from './isced.taxonomy';

describe('ISCED 2011 levels', () => {
  it('lists levels 0 to 8 with French and English titles', () => {
    expect(ISCED_LEVELS.map((info) => info.level)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(iscedLevel(3)).toMatchObject({ labelFr: "Deuxième cycle de l'enseignement secondaire", labelEn: 'Upper secondary education' });
    expect(iscedLevel(6).labelFr).toBe('Niveau licence ou équivalent');
    for (const info of ISCED_LEVELS) expect(info.labelFr && info.labelEn && info.examplesFr).toBeTruthy();
  });

  it('groups levels as ESF+ reports them: 0–2, 3–4, 5–8', () => {
    const groups = ISCED_LEVELS.map((info) => esfGroupOf(info.level));
    expect(groups).toEqual([
      EsfEducationGroup.ISCED_0_2,
      EsfEducationGroup.ISCED_0_2,
      EsfEducationGroup.ISCED_0_2,
      EsfEducationGroup.ISCED_3_4,
      EsfEducationGroup.ISCED_3_4,
      EsfEducationGroup.ISCED_5_8,
      EsfEducationGroup.ISCED_5_8,
      EsfEducationGroup.ISCED_5_8,
      EsfEducationGroup.ISCED_5_8,
    ]);
    expect(ESF_EDUCATION_GROUPS.map((group) => group.group)).toEqual(Object.values(EsfEducationGroup));
  });

  it('refuses what is not a level', () => {
    expect(isIscedLevel(4)).toBe(true);
    expect(isIscedLevel(9)).toBe(false);
    expect(isIscedLevel(2.5)).toBe(false);
    expect(isIscedLevel('3')).toBe(false);
    expect(() => esfGroupOf(9 as IscedLevel)).toThrow(RangeError);
  });
});
