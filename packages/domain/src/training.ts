import { StageCategory } from './stage-kind';

/** Stages of this category are trainings: their operator reports attendance and the outcome. */
export const TRAINING_STAGE_CATEGORIES: readonly StageCategory[] = [StageCategory.TRAINING];

/** How a training ended for the trainee. */
export enum TrainingOutcome {
  COMPLETED = 'COMPLETED',
  /** Completed, and the certification (title, CQP, CléA…) obtained. */
  CERTIFIED = 'CERTIFIED',
  /** The trainee dropped out: the reason is recorded. */
  ABANDONED = 'ABANDONED',
}
