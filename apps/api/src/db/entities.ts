import { IdempotencyKey } from '../modules/idempotency/idempotency-key.entity';
import { Session } from '../modules/auth/session.entity';
import { LoginAttempt } from '../modules/auth/login-attempt.entity';
import { UserCredential } from '../modules/auth/user-credential.entity';
import { Organisation } from '../modules/organisations/organisation.entity';
import { ParticipantChange } from '../modules/participants/participant-change.entity';
import { Participant } from '../modules/participants/participant.entity';
import { Pathway } from '../modules/participants/pathway.entity';
import { Diagnosis } from '../modules/participants/diagnosis.entity';
import { CommitmentContract } from '../modules/participants/commitment-contract.entity';
import { ProfessionalProject } from '../modules/project/professional-project.entity';
import { Company, CompanyEvent } from '../modules/companies/company.entity';
import { Candidacy, JobOffer } from '../modules/offers/job-offer.entity';
import { ClauseHours, ClausePlacement, SocialClause } from '../modules/social-clauses/social-clause.entity';
import { ImportFile, ImportMapping } from '../modules/import/import-file.entity';
import { Appointment, AppointmentAttendee } from '../modules/appointments/appointment.entity';
import { PriorityDistrict } from '../modules/priority-districts/priority-district.entity';
import { OfficeHours, OfficeHoursAssignment, OfficeHoursCalendarLink, OfficeHoursClosure } from '../modules/office-hours/office-hours.entity';
import { JournalEntry } from '../modules/participants/journal-entry.entity';
import { FollowUpCheckIn } from '../modules/follow-up/follow-up-check-in.entity';
import { StageKind } from '../modules/stages/stage-kind.entity';
import { Stage } from '../modules/stages/stage.entity';
import { Membership } from '../modules/tenancy/membership.entity';
import { Tenant } from '../modules/tenancy/tenant.entity';
import { Invitation } from '../modules/users/invitation.entity';
import { User } from '../modules/users/user.entity';
import { Consent } from '../modules/consent/consent.entity';
import { ConsentEvent } from '../modules/consent/consent-event.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { ConsentEvidence } from '../modules/consent/consent-evidence.entity';
import { Referral, ReferralAttachment, ReferralSubmission } from '../modules/referrals/referral.entity';
import { AssistedContract, ContractRenewal, ContractReport } from '../modules/contracts/assisted-contract.entity';
import { TrainingAttendance, TrainingResult } from '../modules/training/training.entity';
import { EsfOperation } from '../modules/esf/esf-operation.entity';
import { EsfOperationChange } from '../modules/esf/esf-operation-change.entity';
import { EsfRecord } from '../modules/esf/esf-record.entity';
import { EsfExport } from '../modules/esf/esf-export.entity';
import { AgendaAction, AgendaItem, Meeting, MeetingDocument, MeetingInvitation, MeetingInvitee } from '../modules/meetings/meeting.entity';
import { Positioning, ProgrammeAction, ProgrammeNeed, ProgrammeSession } from '../modules/programme/programme.entity';

/** Entities outside any tenant: a person may belong to several PLIEs; her credential, sessions and login attempts are hers. */
const globalEntities = [Tenant, User, UserCredential, Session, LoginAttempt];

/**
 * Entities carrying `tenant_id`: the `tenant` filter applies to each of them. A test checks the
 * ORM's metadata against this list, so a new tenant-owned entity cannot be left out.
 */
export const tenantOwnedEntities = [
  Organisation,
  Membership,
  Invitation,
  IdempotencyKey,
  Participant,
  Pathway,
  ParticipantChange,
  StageKind,
  Stage,
  Diagnosis,
  JournalEntry,
  FollowUpCheckIn,
  CommitmentContract,
  ProfessionalProject,
  Company,
  CompanyEvent,
  JobOffer,
  Candidacy,
  SocialClause,
  ClausePlacement,
  ClauseHours,
  Appointment,
  AppointmentAttendee,
  PriorityDistrict,
  OfficeHoursAssignment,
  OfficeHours,
  OfficeHoursClosure,
  OfficeHoursCalendarLink,
  Consent,
  ConsentEvent,
  Notification,
  ConsentEvidence,
  Referral,
  ReferralSubmission,
  ReferralAttachment,
  AssistedContract,
  ContractRenewal,
  ContractReport,
  TrainingAttendance,
  TrainingResult,
  Meeting,
  MeetingInvitation,
  MeetingInvitee,
  AgendaItem,
  AgendaAction,
  MeetingDocument,
  EsfOperation,
  EsfRecord,
  EsfOperationChange,
  EsfExport,
  ImportFile,
  ImportMapping,
  ProgrammeAction,
  ProgrammeSession,
  Positioning,
  ProgrammeNeed,
];

export const entities = [...globalEntities, ...tenantOwnedEntities];
