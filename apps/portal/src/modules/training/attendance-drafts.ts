import type { TrainingAttendanceInput } from '@/gql/graphql';
import { parseHours, type RowErrors } from '@/modules/monthly-reports/month-rows';

/** A trainee's month as typed on one row of the training operator's month: text, until it is sent. */
export interface AttendanceDraft {
  hoursPlanned: string;
  hoursAttended: string;
  absenceNote: string;
}

/** The fields of a row that can carry a message of their own; anything else is said on the row. */
export const ATTENDANCE_FIELDS = ['hoursPlanned', 'hoursAttended', 'absenceNote'] as const;
export type AttendanceField = (typeof ATTENDANCE_FIELDS)[number];
export type AttendanceErrors = RowErrors<AttendanceField>;

export function emptyAttendance(): AttendanceDraft {
  return { hoursPlanned: '', hoursAttended: '', absenceNote: '' };
}

/** Anything typed on the row: such a row is sent, and then needs both numbers of hours. */
export function isStarted(draft: AttendanceDraft): boolean {
  return ATTENDANCE_FIELDS.some((field) => draft[field].trim() !== '');
}

/** The row's messages for what can be checked before sending (numbers of hours, both given); the rest is the API's. */
export function checkAttendance(draft: AttendanceDraft, messages: { required: string; invalidHours: string }): AttendanceErrors {
  const errors: AttendanceErrors = {};
  for (const field of ['hoursPlanned', 'hoursAttended'] as const) {
    const hours = parseHours(draft[field]);
    if (hours === null) errors[field] = messages.required;
    else if (Number.isNaN(hours)) errors[field] = messages.invalidHours;
  }
  return errors;
}

export function toAttendanceInput(stageId: string, draft: AttendanceDraft): TrainingAttendanceInput {
  return {
    stageId,
    hoursPlanned: parseHours(draft.hoursPlanned) ?? 0,
    hoursAttended: parseHours(draft.hoursAttended) ?? 0,
    absenceNote: draft.absenceNote.trim() || null,
  };
}
