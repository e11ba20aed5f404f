import { OBSTACLE_CATEGORIES, SPECIAL_OBSTACLES } from '@/composables/use-labels';
import type { ContractReportInput, ObstacleCategory, SkillLevel } from '@/gql/graphql';
import { parseHours, type RowErrors } from '@/modules/monthly-reports/month-rows';

/** A month's report as typed on one row of the supervisor's month: text, until it is sent. */
export interface ReportDraft {
  hoursWorked: string;
  trainingHours: string;
  trainingSubjects: string;
  absenceHours: string;
  absenceNote: string;
  comment: string;
  skills: Array<{ skill: string; level: SkillLevel }>;
  obstaclesMet: ObstacleCategory[];
}

/** The fields of a row that can carry a message of their own; anything else is said on the row. */
export const REPORT_FIELDS = ['hoursWorked', 'trainingHours', 'trainingSubjects', 'absenceHours', 'absenceNote', 'comment', 'details'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
export type ReportErrors = RowErrors<ReportField>;
/** The API names a skill or an obstacle (`reports.3.skills.0.skill`): said in the row's details. */
export const GROUPED_IN_DETAILS = { skills: 'details', obstaclesMet: 'details' } as const;

/** Health, disability and justice are told to the referent directly, never in a report (the API refuses them). */
export const REPORTABLE_OBSTACLES: readonly ObstacleCategory[] = OBSTACLE_CATEGORIES.filter((o) => !SPECIAL_OBSTACLES.includes(o));
export function emptyDraft(): ReportDraft {
  return { hoursWorked: '', trainingHours: '', trainingSubjects: '', absenceHours: '', absenceNote: '', comment: '', skills: [], obstaclesMet: [] };
}

/** Anything typed on the row: such a row is sent, and then needs its hours worked. */
export function isStarted(draft: ReportDraft): boolean {
  const texts = [draft.hoursWorked, draft.trainingHours, draft.trainingSubjects, draft.absenceHours, draft.absenceNote, draft.comment];
  return texts.some((text) => text.trim() !== '') || draft.skills.some((s) => s.skill.trim() !== '') || draft.obstaclesMet.length > 0;
}

/** The row's messages for what can be checked before sending (a number of hours, the hours worked given). */
export function checkDraft(draft: ReportDraft, messages: { required: string; invalidHours: string; skillRequired: string }): ReportErrors {
  const errors: ReportErrors = {};
  for (const field of ['hoursWorked', 'trainingHours', 'absenceHours'] as const) {
    if (Number.isNaN(parseHours(draft[field]))) errors[field] = messages.invalidHours;
  }
  if (!errors.hoursWorked && parseHours(draft.hoursWorked) === null) errors.hoursWorked = messages.required;
  if (draft.skills.some((s) => s.skill.trim() === '')) errors.details = messages.skillRequired;
  return errors;
}

export function toReportInput(contractId: string, draft: ReportDraft): ContractReportInput {
  const text = (value: string) => value.trim() || null;
  return {
    contractId,
    hoursWorked: parseHours(draft.hoursWorked) ?? 0,
    trainingHours: parseHours(draft.trainingHours),
    trainingSubjects: text(draft.trainingSubjects),
    absenceHours: parseHours(draft.absenceHours),
    absenceNote: text(draft.absenceNote),
    comment: text(draft.comment),
    skills: draft.skills.map((s) => ({ skill: s.skill.trim(), level: s.level })),
    obstaclesMet: draft.obstaclesMet,
  };
}
