import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CASELOAD_TARGET_MAX, CASELOAD_TARGET_MIN, isValidCaseloadTarget, RENEWAL_RATE_TARGET } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { readableMonitoredReferent } from '../../access/monitoring-access';
import { activeMembership } from '../../access/tenant-scope';
import { errors } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { Tenant } from '../tenancy/tenant.entity';
import { monitoringRows, type MonitoringRow } from './monitoring.query';

@ObjectType('MonitoringFigures', { description: 'The monitoring figures of one referent, one operator (her organisation) or the whole PLIE, today' })
export class MonitoringFiguresType {
  @Field(() => ID, { nullable: true, description: 'The referent (a Membership id) or the operator (an Organisation id); absent for the PLIE' })
  id!: string | null;

  @Field(() => String, { nullable: true, description: "The referent's name (absent for an operator and the PLIE)" })
  referentName!: string | null;

  @Field({
    description:
      'False for a referent deactivated since, listed while people are still hers or her last year’s appointments count (an operator and the PLIE: true)',
  })
  active!: boolean;

  @Field(() => String, { nullable: true, description: 'The operator: the organisation employing the referent(s)' })
  organisationName!: string | null;

  @Field(() => Int, { description: 'Active referents counted' })
  referents!: number;

  @Field(() => Int, { description: 'People whose current pathway is pending accreditation, active or suspended' })
  activeCaseload!: number;

  @Field(() => Int, { description: 'Pathways entered in the last 12 months (entry date), counted for the current referent' })
  entriesLast12Months!: number;

  @Field(() => Float, { nullable: true, description: 'Entries of the last 12 months ÷ active caseload (null when the caseload is empty)' })
  renewalRate!: number | null;

  @Field(() => Int, { description: 'Active caseload whose last attended appointment is within 30 days' })
  contactUnder30Days!: number;

  @Field(() => Int, { description: 'Active caseload last met 31 to 60 days ago, or referred less than 60 days ago and not yet met' })
  contact31To60Days!: number;

  @Field(() => Int, { description: 'Active caseload with no attended appointment for over 60 days (the NO_RECENT_APPOINTMENT alert)' })
  contactOver60Days!: number;

  @Field(() => Int, { description: "Attendances (a person present) at the referent's appointments in the last 12 months" })
  contactsLast12Months!: number;

  @Field(() => Float, { nullable: true, description: 'Share of those contacts held in person (null without contacts)' })
  faceToFaceShare!: number | null;

  @Field(() => Int, { description: 'Files showing at least one caseload alert' })
  filesWithAlert!: number;
}

@ObjectType('ReferentMonitoring', {
  description: "The referents' monitoring: each referent's figures, each operator's and the PLIE's, against the PLIE's targets",
})
export class ReferentMonitoringType {
  @Field(() => Int, { description: 'The active caseload each referent is expected to hold (a PLIE setting)' })
  caseloadTarget!: number;

  @Field(() => Float, { description: 'The expected renewal rate over 12 months' })
  renewalRateTarget!: number;

  @Field(() => [MonitoringFiguresType], {
    description: 'One row per referent the viewer may monitor (a referent: herself), deactivated ones included while they still count',
  })
  referents!: MonitoringFiguresType[];

  @Field(() => [MonitoringFiguresType], { description: 'One row per operator; empty when one referent is asked for' })
  operators!: MonitoringFiguresType[];

  @Field(() => MonitoringFiguresType, { nullable: true, description: 'The whole PLIE; absent when one referent is asked for' })
  plie!: MonitoringFiguresType | null;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function figuresOf(row: MonitoringRow): MonitoringFiguresType {
  const id =
    row.level === 'MEMBER' ? toGlobalId('Membership', row.referentId!) : row.level === 'ORGANISATION' ? toGlobalId('Organisation', row.organisationId!) : null;
  return {
    id,
    referentName: row.referentName,
    active: row.active,
    organisationName: row.organisationName,
    referents: row.referents,
    activeCaseload: row.activeCaseload,
    entriesLast12Months: row.entries,
    renewalRate: ratio(row.entries, row.activeCaseload),
    contactUnder30Days: row.contactUnder30,
    contact31To60Days: row.contact31To60,
    contactOver60Days: row.contactOver60,
    contactsLast12Months: row.contacts,
    faceToFaceShare: ratio(row.inPersonContacts, row.contacts),
    filesWithAlert: row.filesWithAlert,
  };
}

async function tenantOf(ctx: RequestContext): Promise<Tenant> {
  return ctx.em.findOneOrFail(Tenant, { id: activeMembership(ctx).tenantId });
}

/** The monitoring the viewer may read (access/monitoring-access.ts), counted in one SQL statement. */
export async function referentMonitoring(ctx: RequestContext, askedReferentId: string | null | undefined): Promise<ReferentMonitoringType> {
  const referentId = readableMonitoredReferent(ctx, askedReferentId);
  const [tenant, rows] = await Promise.all([tenantOf(ctx), monitoringRows(ctx.em, referentId)]);
  const whole = referentId === null;
  const plie = rows.find((row) => row.level === 'WHOLE');
  return {
    caseloadTarget: tenant.caseloadTarget,
    renewalRateTarget: RENEWAL_RATE_TARGET,
    referents: rows.filter((row) => row.level === 'MEMBER').map(figuresOf),
    operators: whole ? rows.filter((row) => row.level === 'ORGANISATION').map(figuresOf) : [],
    plie: whole && plie ? figuresOf(plie) : null,
  };
}

/** Sets the PLIE's caseload target (checked against the domain's bounds); the monitoring then compares with it. */
export async function setCaseloadTarget(ctx: RequestContext, target: number): Promise<number> {
  if (!isValidCaseloadTarget(target))
    throw errors.badInput(ctx, 'target', 'error.caseloadTargetInvalid', { min: CASELOAD_TARGET_MIN, max: CASELOAD_TARGET_MAX });
  const tenant = await tenantOf(ctx);
  tenant.caseloadTarget = target;
  await saveChanges(ctx);
  return tenant.caseloadTarget;
}
