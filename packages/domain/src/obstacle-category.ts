/** Obstacles (freins) found at diagnosis. */
export enum ObstacleCategory {
  MOBILITY = 'MOBILITY',
  CHILDCARE = 'CHILDCARE',
  HOUSING = 'HOUSING',
  HEALTH = 'HEALTH',
  DISABILITY = 'DISABILITY',
  JUSTICE = 'JUSTICE',
  LANGUAGE = 'LANGUAGE',
  DIGITAL_SKILLS = 'DIGITAL_SKILLS',
  BUDGET_DEBT = 'BUDGET_DEBT',
  ADMINISTRATIVE = 'ADMINISTRATIVE',
}

/** GDPR art. 9/10 special-category data: shared only under an explicit, separate consent scope. */
export const SPECIAL_CATEGORY_OBSTACLES: readonly ObstacleCategory[] = [ObstacleCategory.HEALTH, ObstacleCategory.DISABILITY, ObstacleCategory.JUSTICE];

export function isSpecialCategory(category: ObstacleCategory): boolean {
  return SPECIAL_CATEGORY_OBSTACLES.includes(category);
}
