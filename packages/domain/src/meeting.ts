import { ConsentPurpose, DataClass, type Decision } from './consent';

/** The meetings a PLIE holds: the commission decides entries; the others discuss and assign actions. */
export enum MeetingKind {
  ACCREDITATION_COMMISSION = 'ACCREDITATION_COMMISSION',
  PARTNER_COORDINATION = 'PARTNER_COORDINATION',
  REFERENTS_MEETING = 'REFERENTS_MEETING',
  FOLLOW_UP_COMMITTEE = 'FOLLOW_UP_COMMITTEE',
}

/** Planned, then held (decisions are recorded in the room), then its minutes published (read-only from then on). */
export enum MeetingStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  MINUTES_PUBLISHED = 'MINUTES_PUBLISHED',
}

/** What an agenda item is about: a participant (proposed by the referent), a referral before the commission, or the programme. */
export enum AgendaItemKind {
  PARTICIPANT = 'PARTICIPANT',
  REFERRAL = 'REFERRAL',
  GENERAL = 'GENERAL',
}

/**
 * Whether an invited organisation will see an item about a person, as the referent is told before
 * the meeting: shared for meetings; shared with it, but not for meetings; nothing shared; refused.
 */
export enum MeetingSharing {
  SHARED = 'SHARED',
  NOT_FOR_MEETINGS = 'NOT_FOR_MEETINGS',
  NO_CONSENT = 'NO_CONSENT',
  REFUSED = 'REFUSED',
}

/** The purpose, and the class, an item about a person needs shared with an organisation to be shown to it. */
export const MEETING_PURPOSE: ConsentPurpose = ConsentPurpose.COORDINATION_MEETINGS;
export const MEETING_ITEM_CLASS: DataClass = DataClass.PATHWAY_STATUS;

/** The indicator for one organisation, from the consent decision on the item's class. */
export function meetingSharing(decision: Decision): MeetingSharing {
  if (!decision.allowed) return decision.reason === 'REFUSED' ? MeetingSharing.REFUSED : MeetingSharing.NO_CONSENT;
  if (decision.basis === 'AUTHORED' || decision.purposes.includes(MEETING_PURPOSE)) return MeetingSharing.SHARED;
  return MeetingSharing.NOT_FOR_MEETINGS;
}

/** The agenda may change until the minutes are published. */
export function agendaIsOpen(status: MeetingStatus): boolean {
  return status !== MeetingStatus.MINUTES_PUBLISHED;
}

/** Decisions and minutes are recorded once the meeting is held, until they are published. */
export function recordsDecisions(status: MeetingStatus): boolean {
  return status === MeetingStatus.HELD;
}
