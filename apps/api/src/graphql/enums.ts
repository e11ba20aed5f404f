import { registerEnumType } from 'type-graphql';
import {
  AppointmentKind,
  AppointmentMode,
  AppointmentPlace,
  AppointmentStatus,
  Attendance,
  CaseloadAlert,
  ConsentEffect,
  ConsentMethod,
  ConsentPurpose,
  ConsentStatus,
  OfficeHoursClosureReason,
  DataClass,
  EmploymentSituation,
  EsfAnswer,
  ExitKind,
  Gender,
  ObstacleCategory,
  MembershipRole,
  OrganisationKind,
  PathwayStatus,
  SiaeKind,
  StageCategory,
  StageStatus,
  ReferralDecision,
  ReferralProgress,
  ReferralStatus,
  AssistedContractKind,
  ContractEndReason,
  SkillLevel,
  TrainingOutcome,
  MeetingKind,
  MeetingStatus,
  AgendaItemKind,
  MeetingSharing,
  NotificationKind,
  ReportScopeKind,
  TargetTradeStatus,
  CompanyKind,
  CompanyEventKind,
  JobOfferStatus,
  JobContractType,
  JobOfferSource,
  CandidacyStatus,
  TradeMatch,
  AreaMatch,
  ClausePlacementKind,
  SocialClauseStatus,
  ProgrammeActionStatus,
  ProgrammeFunding,
  PositioningStatus,
} from '@jalon/domain';
import { ConsentEventAction } from '../modules/consent/consent-event.entity';

registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(SiaeKind, { name: 'SiaeKind' });
registerEnumType(MembershipRole, { name: 'MembershipRole' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(ReportScopeKind, { name: 'ReportScopeKind', description: 'Whose activity a report counts' });
registerEnumType(PathwayStatus, { name: 'PathwayStatus' });
registerEnumType(ExitKind, { name: 'ExitKind' });
registerEnumType(EmploymentSituation, { name: 'EmploymentSituation' });
registerEnumType(EsfAnswer, { name: 'EsfAnswer' });
registerEnumType(StageCategory, { name: 'StageCategory' });
registerEnumType(StageStatus, { name: 'StageStatus' });
registerEnumType(ObstacleCategory, { name: 'ObstacleCategory' });
registerEnumType(AppointmentKind, { name: 'AppointmentKind' });
registerEnumType(AppointmentMode, { name: 'AppointmentMode' });
registerEnumType(AppointmentPlace, { name: 'AppointmentPlace' });
registerEnumType(AppointmentStatus, { name: 'AppointmentStatus' });
registerEnumType(Attendance, { name: 'Attendance' });
registerEnumType(CaseloadAlert, { name: 'CaseloadAlert' });
registerEnumType(DataClass, { name: 'DataClass', description: 'A category of participant data a consent may share with a partner' });
registerEnumType(ConsentEffect, { name: 'ConsentEffect' });
registerEnumType(ConsentStatus, { name: 'ConsentStatus' });
registerEnumType(ConsentPurpose, { name: 'ConsentPurpose' });
registerEnumType(ConsentMethod, { name: 'ConsentMethod' });
registerEnumType(OfficeHoursClosureReason, { name: 'OfficeHoursClosureReason' });
registerEnumType(ConsentEventAction, { name: 'ConsentEventAction' });
registerEnumType(NotificationKind, { name: 'NotificationKind' });
registerEnumType(ReferralStatus, { name: 'ReferralStatus' });
registerEnumType(AssistedContractKind, { name: 'AssistedContractKind' });
registerEnumType(ContractEndReason, { name: 'ContractEndReason', description: 'Why an assisted contract ended (ASP exit reasons)' });
registerEnumType(SkillLevel, { name: 'SkillLevel' });
registerEnumType(TrainingOutcome, { name: 'TrainingOutcome' });
registerEnumType(ReferralDecision, { name: 'ReferralDecision' });
registerEnumType(ReferralProgress, { name: 'ReferralProgress', description: 'What became of a referral, as its referring partner follows it' });
registerEnumType(MeetingKind, { name: 'MeetingKind' });
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });
registerEnumType(AgendaItemKind, { name: 'AgendaItemKind' });
registerEnumType(MeetingSharing, { name: 'MeetingSharing', description: 'Will an invited organisation see an item about a person' });
registerEnumType(TargetTradeStatus, { name: 'TargetTradeStatus', description: 'Where a trade of the professional project stands' });
registerEnumType(CompanyKind, { name: 'CompanyKind' });
registerEnumType(CompanyEventKind, { name: 'CompanyEventKind', description: 'How the PLIE was in touch with a company' });
registerEnumType(JobOfferStatus, { name: 'JobOfferStatus' });
registerEnumType(JobContractType, { name: 'JobContractType' });
registerEnumType(JobOfferSource, { name: 'JobOfferSource', description: 'Where an offer came from; PARTNER: posted by the partner employer itself' });
registerEnumType(CandidacyStatus, { name: 'CandidacyStatus' });
registerEnumType(TradeMatch, { name: 'TradeMatch', description: 'Why a target trade matches an offer: the same trade, the same parent sheet, a close trade' });
registerEnumType(AreaMatch, { name: 'AreaMatch', description: 'How near the offer the person lives' });
registerEnumType(ClausePlacementKind, { name: 'ClausePlacementKind', description: 'How a person was placed on a social clause’s hours' });
registerEnumType(SocialClauseStatus, {
  name: 'SocialClauseStatus',
  description: 'COMPLETED: the hours are done; LATE: the period is over, or the hours done fall a quarter short of those due pro rata; OPEN otherwise',
});
registerEnumType(ProgrammeActionStatus, { name: 'ProgrammeActionStatus' });
registerEnumType(ProgrammeFunding, { name: 'ProgrammeFunding' });
registerEnumType(PositioningStatus, { name: 'PositioningStatus' });
