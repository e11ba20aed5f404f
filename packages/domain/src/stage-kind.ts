/** Families of pathway stages. */
export enum StageCategory {
  ASSESSMENT = 'ASSESSMENT',
  TRAINING = 'TRAINING',
  INTEGRATION_ACTIVITY = 'INTEGRATION_ACTIVITY',
  ASSISTED_JOB = 'ASSISTED_JOB',
  WORK_IMMERSION = 'WORK_IMMERSION',
  EMPLOYMENT = 'EMPLOYMENT',
  JOB_SEARCH = 'JOB_SEARCH',
  BUSINESS_CREATION = 'BUSINESS_CREATION',
  SOCIAL_SUPPORT = 'SOCIAL_SUPPORT',
}

export interface StageKindDefinition {
  code: string;
  category: StageCategory;
  label: { fr: string; en: string };
}

const kind = (code: string, category: StageCategory, fr: string, en: string): StageKindDefinition => ({ code, category, label: { fr, en } });
const C = StageCategory;

/** The starting catalogue every tenant gets; the animation team can extend it. */
export const STAGE_KIND_TAXONOMY: readonly StageKindDefinition[] = [
  kind('ASSESSMENT_ORIENTATION', C.ASSESSMENT, 'Évaluation / orientation', 'Assessment / orientation'),
  kind('TRAINING_QUALIFYING', C.TRAINING, 'Formation qualifiante', 'Qualifying training'),
  kind('TRAINING_CERTIFYING', C.TRAINING, 'Formation certifiante', 'Certifying training'),
  kind('TRAINING_PRE_QUALIFYING', C.TRAINING, 'Formation préqualifiante', 'Pre-qualifying training'),
  kind('TRAINING_LANGUAGE', C.TRAINING, 'Formation linguistique (FLE)', 'Language training (French as a foreign language)'),
  kind('TRAINING_BASIC_SKILLS', C.TRAINING, 'Savoirs de base', 'Basic skills'),
  kind('IAE_CDDI_EI', C.INTEGRATION_ACTIVITY, 'CDDI en entreprise d’insertion (EI)', 'Integration contract in an integration company (EI)'),
  kind('IAE_CDDI_ACI', C.INTEGRATION_ACTIVITY, 'CDDI en atelier et chantier d’insertion (ACI)', 'Integration contract in an integration workshop (ACI)'),
  kind('IAE_AI', C.INTEGRATION_ACTIVITY, 'Mission en association intermédiaire (AI)', 'Assignment with an intermediary association (AI)'),
  kind(
    'IAE_ETTI',
    C.INTEGRATION_ACTIVITY,
    'Mission en entreprise de travail temporaire d’insertion (ETTI)',
    'Assignment with an integration temping agency (ETTI)',
  ),
  kind('ASSISTED_PEC', C.ASSISTED_JOB, 'Parcours emploi compétences (PEC)', 'Subsidised job (PEC)'),
  kind('ASSISTED_PROFESSIONALISATION', C.ASSISTED_JOB, 'Contrat de professionnalisation', 'Professionalisation contract'),
  kind('ASSISTED_APPRENTICESHIP', C.ASSISTED_JOB, 'Contrat d’apprentissage', 'Apprenticeship'),
  kind('IMMERSION_PMSMP', C.WORK_IMMERSION, 'Immersion en milieu professionnel (PMSMP)', 'Work immersion (PMSMP)'),
  kind('EMPLOYMENT_CDI', C.EMPLOYMENT, 'Emploi en CDI', 'Permanent job'),
  kind('EMPLOYMENT_CDD_6_MONTHS_PLUS', C.EMPLOYMENT, 'Emploi en CDD de 6 mois ou plus', 'Fixed-term job of 6 months or more'),
  kind('EMPLOYMENT_CDD_UNDER_6_MONTHS', C.EMPLOYMENT, 'Emploi en CDD de moins de 6 mois', 'Fixed-term job under 6 months'),
  kind('EMPLOYMENT_TEMPING', C.EMPLOYMENT, 'Intérim', 'Temping'),
  kind('JOB_SEARCH', C.JOB_SEARCH, 'Recherche d’emploi', 'Job search'),
  kind('BUSINESS_CREATION', C.BUSINESS_CREATION, 'Création d’entreprise', 'Business creation'),
  kind('SUPPORT_MOBILITY', C.SOCIAL_SUPPORT, 'Accompagnement mobilité', 'Mobility support'),
  kind('SUPPORT_CHILDCARE', C.SOCIAL_SUPPORT, 'Garde d’enfants', 'Childcare support'),
  kind('SUPPORT_HEALTH', C.SOCIAL_SUPPORT, 'Accompagnement santé', 'Health support'),
  kind('SUPPORT_HOUSING', C.SOCIAL_SUPPORT, 'Accompagnement logement', 'Housing support'),
  kind('SUPPORT_BUDGET', C.SOCIAL_SUPPORT, 'Accompagnement budgétaire', 'Budget support'),
  kind('SUPPORT_ADMINISTRATIVE', C.SOCIAL_SUPPORT, 'Accompagnement administratif', 'Administrative support'),
  kind('SUPPORT_DIGITAL', C.SOCIAL_SUPPORT, 'Inclusion numérique', 'Digital inclusion'),
];

/** Where a stage stands. */
export enum StageStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  ABANDONED = 'ABANDONED',
  CANCELLED = 'CANCELLED',
}
