import 'reflect-metadata';
import './enums';
import { buildSchema } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { guardSchema } from '../access/operation-access';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { OrganisationResolver } from '../modules/organisations/organisation.resolver';
import { AppointmentResolver } from '../modules/appointments/appointment.resolver';
import { FollowUpResolver } from '../modules/follow-up/follow-up';
import { ParticipantRecordResolver } from '../modules/participants/participant-record.resolver';
import { ParticipantResolver } from '../modules/participants/participant.resolver';
import { ParticipantAlertsResolver } from '../modules/participants/participant-alerts.resolver';
import { ParticipantRecordFieldsResolver } from '../modules/participants/participant-record-fields.resolver';
import { PriorityDistrictResolver } from '../modules/priority-districts/priority-district';
import { ReferenceResolver } from '../modules/reference/reference.resolver';
import { ProfessionalProjectResolver } from '../modules/project/professional-project.resolver';
import { CompanyResolver } from '../modules/companies/company.resolver';
import { JobOfferResolver } from '../modules/offers/job-offer.resolver';
import { ProgrammeActionResolver, ProgrammeSessionResolver } from '../modules/programme/programme.resolver';
import { OfficeHoursResolver } from '../modules/office-hours/office-hours.resolver';
import { CompanySocialClausesResolver, SocialClauseResolver } from '../modules/social-clauses/social-clause.resolver';
import { ImportResolver } from '../modules/import/import.resolver';
import { RetentionResolver } from '../modules/retention/retention.resolver';
import { StageResolver } from '../modules/stages/stage.resolver';
import { ConsentResolver } from '../modules/consent/consent.resolver';
import { NotificationResolver } from '../modules/notifications/notification.resolver';
import { ReferralResolver } from '../modules/referrals/referral.resolver';
import { AgendaItemResolver, MeetingResolver } from '../modules/meetings/meeting.resolver';
import { CommuneFiguresResolver } from '../modules/commune-figures/commune-figures.resolver';
import { ReportResolver } from '../modules/reports/report.resolver';
import { MonitoringResolver } from '../modules/monitoring/monitoring.resolver';
import { MonthCountsResolver } from '../modules/month-counts/month-counts.resolver';
import { AssistedContractFieldsResolver, AssistedContractResolver, StageContractResolver } from '../modules/contracts/assisted-contract.resolver';
import { StageTrainingResolver, TrainingResolver } from '../modules/training/training.resolver';
import { ParticipantStagesResolver, StageAccessResolver } from '../modules/stages/stage-fields.resolver';
import { UserResolver } from '../modules/users/user.resolver';
import { EsfOperationResolver, ParticipantEsfOperationResolver } from '../modules/esf/esf-operation.resolver';
import { EsfExitResolver } from '../modules/esf/esf-exit';
import { EsfIndicatorsResolver } from '../modules/esf/esf-indicators';
import { EsfExportCheckResolver } from '../modules/esf/esf-export-check';
import { EsfExportResolver, ParticipantEsfRejectionResolver } from '../modules/esf/esf-export.resolver';
import { inheritInputLimits } from './input-limits';
import { checkLocalDatesCheaply } from './local-date';
import { NodeResolver } from './node.resolver';
import { ParticipantSpaceResolver } from '../modules/participant-space/participant-space.resolver';

let schema: Promise<GraphQLSchema> | undefined;

/** Built once per process: type-graphql's metadata is global, so building twice would duplicate it. */
export function getSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      AuthResolver,
      ParticipantSpaceResolver,
      OrganisationResolver,
      UserResolver,
      ParticipantResolver,
      ParticipantAlertsResolver,
      ParticipantRecordFieldsResolver,
      EsfOperationResolver,
      ParticipantEsfOperationResolver,
      EsfExitResolver,
      EsfIndicatorsResolver,
      EsfExportCheckResolver,
      EsfExportResolver,
      ParticipantEsfRejectionResolver,
      ParticipantRecordResolver,
      ProfessionalProjectResolver,
      CompanyResolver,
      JobOfferResolver,
      ProgrammeActionResolver,
      ProgrammeSessionResolver,
      SocialClauseResolver,
      ImportResolver,
      RetentionResolver,
      CompanySocialClausesResolver,
      OfficeHoursResolver,
      FollowUpResolver,
      AppointmentResolver,
      StageResolver,
      ConsentResolver,
      NotificationResolver,
      ReferralResolver,
      MeetingResolver,
      AgendaItemResolver,
      CommuneFiguresResolver,
      ReportResolver,
      MonitoringResolver,
      MonthCountsResolver,
      AssistedContractResolver,
      StageContractResolver,
      AssistedContractFieldsResolver,
      TrainingResolver,
      StageTrainingResolver,
      ParticipantStagesResolver,
      StageAccessResolver,
      ReferenceResolver,
      PriorityDistrictResolver,
      NodeResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
  })
    .then(guardSchema)
    .then(inheritInputLimits)
    .then(checkLocalDatesCheaply);
  return schema;
}
