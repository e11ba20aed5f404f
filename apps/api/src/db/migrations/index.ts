import { RowLevelSecurityMigration } from './row-level-security-migration';
import { Migration20261127000000Foundation } from './Migration20261127000000Foundation';
import { Migration20261127100000Participants } from './Migration20261127100000Participants';
import { Migration20261127110000Stages } from './Migration20261127110000Stages';
import { Migration20261127120000FollowUp } from './Migration20261127120000FollowUp';
import { Migration20261127130000Appointments } from './Migration20261127130000Appointments';
import { Migration20261127140000PriorityDistricts } from './Migration20261127140000PriorityDistricts';
import { Migration20261127150000Consent } from './Migration20261127150000Consent';
import { Migration20261127160000ConsentEvidence } from './Migration20261127160000ConsentEvidence';
import { Migration20261127170000PartnerAppointments } from './Migration20261127170000PartnerAppointments';
import { Migration20261127180000PartnerGrantEstimate } from './Migration20261127180000PartnerGrantEstimate';
import { Migration20261127190000Referrals } from './Migration20261127190000Referrals';
import { Migration20261127200000CommuneFigures } from './Migration20261127200000CommuneFigures';
import { Migration20261127210000AssistedContracts } from './Migration20261127210000AssistedContracts';
import { Migration20261127220000TrainingReports } from './Migration20261127220000TrainingReports';
import { Migration20261127230000NotificationEmails } from './Migration20261127230000NotificationEmails';
import { Migration20261127240000ReportReminders } from './Migration20261127240000ReportReminders';
import { Migration20261127250000PartnerGrantPlans } from './Migration20261127250000PartnerGrantPlans';
import { Migration20261127260000ReferralAttachments } from './Migration20261127260000ReferralAttachments';
import { Migration20261127270000Meetings } from './Migration20261127270000Meetings';
import { Migration20261204191000OwnReferralSubmissions } from './Migration20261204191000OwnReferralSubmissions';
import { Migration20261204191100NotificationSubjects } from './Migration20261204191100NotificationSubjects';
import { Migration20261204192000PartnerRowsAsTheApi } from './Migration20261204192000PartnerRowsAsTheApi';
import { Migration20261204192100RefusalsInRowLevelSecurity } from './Migration20261204192100RefusalsInRowLevelSecurity';
import { Migration20261204195000DropAccountLockColumns } from './Migration20261204195000DropAccountLockColumns';
import { Migration20261205100000RowLevelSecurityFiles } from './Migration20261205100000RowLevelSecurityFiles';
import { Migration20261205100100PartnerAccountRows } from './Migration20261205100100PartnerAccountRows';
import { Migration20261206100000PartnerUserNames } from './Migration20261206100000PartnerUserNames';
import { Migration20261206130000MinimumIncome } from './Migration20261206130000MinimumIncome';
import { Migration20261207090000EsfStorage } from './Migration20261207090000EsfStorage';
import { Migration20261206150000CaseloadTarget } from './Migration20261206150000CaseloadTarget';

/** Listed by hand so the same migrations run under every loader (swc, vitest, built). */
export const migrationsList = [
  { name: 'Migration20261127000000Foundation', class: Migration20261127000000Foundation },
  { name: 'Migration20261127100000Participants', class: Migration20261127100000Participants },
  { name: 'Migration20261127110000Stages', class: Migration20261127110000Stages },
  { name: 'Migration20261127120000FollowUp', class: Migration20261127120000FollowUp },
  { name: 'Migration20261127130000Appointments', class: Migration20261127130000Appointments },
  { name: 'Migration20261127140000PriorityDistricts', class: Migration20261127140000PriorityDistricts },
  { name: 'Migration20261127150000Consent', class: Migration20261127150000Consent },
  { name: 'Migration20261127160000ConsentEvidence', class: Migration20261127160000ConsentEvidence },
  { name: 'Migration20261127170000PartnerAppointments', class: Migration20261127170000PartnerAppointments },
  { name: 'Migration20261127180000PartnerGrantEstimate', class: Migration20261127180000PartnerGrantEstimate },
  { name: 'Migration20261127190000Referrals', class: Migration20261127190000Referrals },
  { name: 'Migration20261127200000CommuneFigures', class: Migration20261127200000CommuneFigures },
  { name: 'Migration20261127210000AssistedContracts', class: Migration20261127210000AssistedContracts },
  { name: 'Migration20261127220000TrainingReports', class: Migration20261127220000TrainingReports },
  { name: 'Migration20261127230000NotificationEmails', class: Migration20261127230000NotificationEmails },
  { name: 'Migration20261127240000ReportReminders', class: Migration20261127240000ReportReminders },
  { name: 'Migration20261127250000PartnerGrantPlans', class: Migration20261127250000PartnerGrantPlans },
  { name: 'Migration20261127260000ReferralAttachments', class: Migration20261127260000ReferralAttachments },
  { name: 'Migration20261127270000Meetings', class: Migration20261127270000Meetings },
  { name: 'Migration20261204191000OwnReferralSubmissions', class: Migration20261204191000OwnReferralSubmissions },
  { name: 'Migration20261204191100NotificationSubjects', class: Migration20261204191100NotificationSubjects },
  { name: 'Migration20261204192000PartnerRowsAsTheApi', class: Migration20261204192000PartnerRowsAsTheApi },
  { name: 'Migration20261204192100RefusalsInRowLevelSecurity', class: Migration20261204192100RefusalsInRowLevelSecurity },
  { name: 'Migration20261204195000DropAccountLockColumns', class: Migration20261204195000DropAccountLockColumns },
  { name: 'Migration20261205100000RowLevelSecurityFiles', class: Migration20261205100000RowLevelSecurityFiles },
  { name: 'Migration20261205100100PartnerAccountRows', class: Migration20261205100100PartnerAccountRows },
  { name: 'Migration20261206100000PartnerUserNames', class: Migration20261206100000PartnerUserNames },
  { name: 'Migration20261206130000MinimumIncome', class: Migration20261206130000MinimumIncome },
  { name: 'Migration20261206150000CaseloadTarget', class: Migration20261206150000CaseloadTarget },
  { name: 'Migration20261207090000EsfStorage', class: Migration20261207090000EsfStorage },
];

RowLevelSecurityMigration.latest = migrationsList.map((m) => m.class).findLast((c) => c.prototype instanceof RowLevelSecurityMigration);
