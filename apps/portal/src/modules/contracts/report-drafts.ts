import { addMonths } from '@jalon/domain';
import { OBSTACLE_CATEGORIES, SPECIAL_OBSTACLES } from '@/composables/use-labels';
import type { ContractReportInput, ObstacleCategory, SkillLevel } from '@/gql/graphql';

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
export const ROW_FIELDS = ['hoursWorked', 'trainingHours', 'trainingSubjects', 'absenceHours', 'absenceNote', 'comment', 'details', 'row'] as const;
export type RowField = (typeof ROW_FIELDS)[number];
export type RowErrors = Partial<Record<RowField, string>>;

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

/** Hours as typed in France (« 12,5 ») or not; null when empty, NaN when not a number of hours. */
export function parseHours(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The row's messages for what can be checked before sending (a number of hours, the hours worked given). */
export function checkDraft(draft: ReportDraft, messages: { required: string; invalidHours: string; skillRequired: string }): RowErrors {
  const errors: RowErrors = {};
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

/** `reports.3.hoursWorked` → row 3, field hoursWorked; `reports.3.skills.0.skill` → the details; anything else on the row. */
export function rowErrorOf(field: string | null): { index: number; field: RowField } | null {
  const match = field?.match(/^reports\.(\d+)\.([A-Za-z]+)/);
  if (!match) return null;
  const name = match[2]!;
  const rowField: RowField = (ROW_FIELDS as readonly string[]).includes(name)
    ? (name as RowField)
    : name === 'skills' || name === 'obstaclesMet'
      ? 'details'
      : 'row';
  return { index: Number(match[1]), field: rowField };
}

/** YYYY-MM of a YYYY-MM-DD day, moved by some months. */
export function periodOf(day: string, months = 0): string {
  return addMonths(`${day.slice(0, 7)}-01`, months).slice(0, 7);
}

/** The months a supervisor may report on from here: this month and the year before it, latest first. */
export function recentPeriods(today: string, count = 13): string[] {
  return Array.from({ length: count }, (_, i) => periodOf(today, -i));
}
