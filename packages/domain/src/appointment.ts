/** Meetings with participants. */
export enum AppointmentKind {
  INDIVIDUAL = 'INDIVIDUAL',
  COLLECTIVE = 'COLLECTIVE',
}

export enum AppointmentMode {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  VIDEO = 'VIDEO',
}

/** Where an in-person appointment takes place: the referent's office or local office hours (permanence) in a commune. */
export enum AppointmentPlace {
  OFFICE = 'OFFICE',
  LOCAL_OFFICE_HOURS = 'LOCAL_OFFICE_HOURS',
}

export enum AppointmentStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

export enum Attendance {
  EXPECTED = 'EXPECTED',
  PRESENT = 'PRESENT',
  EXCUSED = 'EXCUSED',
  ABSENT = 'ABSENT',
}

/** A caseload alert fires when a followed participant has had no appointment attended for this long. */
export const DAYS_WITHOUT_APPOINTMENT_ALERT = 60;
