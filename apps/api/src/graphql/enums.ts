import { registerEnumType } from 'type-graphql';
import {
  AppointmentKind,
  AppointmentMode,
  AppointmentPlace,
  AppointmentStatus,
  Attendance,
  CaseloadAlert,
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
} from '@jalon/domain';

registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(SiaeKind, { name: 'SiaeKind' });
registerEnumType(MembershipRole, { name: 'MembershipRole' });
registerEnumType(Gender, { name: 'Gender' });
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
