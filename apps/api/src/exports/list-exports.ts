import { DAYS_WITHOUT_APPOINTMENT_ALERT } from '@jalon/domain';
import { translate, type Locale, type MessageKey } from '../i18n/messages';
import type { ColumnFormat, ExportCell } from './export-document';

/**
 * The lists the portal exports, each as its page asks for it: the page's own GraphQL query (so
 * the export passes the same operation rule, consent filtering, field redaction and access log as
 * the list on screen), the connection it pages through, and how a node becomes a row.
 * A field withheld from the viewer comes back null, as on screen, and its cell stays empty: every
 * field a row reads may be null.
 */
export interface ListExport<TNode = never> {
  title: MessageKey;
  /** The list's query; `$page` is the export's, every other variable is a filter from the page. */
  query: string;
  /** The root field holding the list: a connection when `paginated`, else a plain list. */
  field: string;
  paginated: boolean;
  columns: Array<{ label: MessageKey; format?: ColumnFormat }>;
  row: (node: TNode, t: Translate) => ExportCell[];
}

/** A calendar day (`2026-12-04`) as the Date a `date` column takes. */
const day = (value: string | null | undefined): Date | null => (value ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : null);

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const parisDateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
/** An instant's calendar day in Paris, where the PLIEs work. */
const dayInParis = (instant: string | null | undefined): Date | null => (instant ? day(parisDay.format(new Date(instant))) : null);
const timeInParis = (instant: string | null | undefined): string | null => (instant ? parisDateTime.format(new Date(instant)) : null);

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** An enum value's label; null (withheld from the viewer, or none) stays an empty cell. */
const label = (t: Translate, prefix: string, code: string | null | undefined): string | null => (code ? t(`${prefix}.${code}`) : null);

const connection = (fields: string) => `totalCount pageInfo { hasNextPage endCursor } edges { node { ${fields} } }`;
/** A list filtered by one input, as the participants, referrals and meetings pages ask for it. */
const filteredList = (field: string, filterType: string, fields: string) =>
  `query ListExport($filter: ${filterType}, $page: PageArgs) { ${field}(filter: $filter, page: $page) { ${connection(fields)} } }`;

const NAME_COLUMNS = [{ label: 'export.column.lastName' }, { label: 'export.column.firstName' }] as const;

interface Named {
  firstName: string | null;
  lastName: string | null;
}

const caseload: ListExport<
  Named & {
    birthDate: string | null;
    communeName: string | null;
    communeCode: string | null;
    alerts: string[] | null;
    referent: { displayName: string } | null;
    currentPathway: { status: string | null; entryDate: string | null } | null;
  }
> = {
  title: 'export.participants.title',
  query: filteredList(
    'participants',
    'ParticipantFilter',
    'firstName lastName birthDate communeCode communeName alerts referent { displayName } currentPathway { status entryDate }',
  ),
  field: 'participants',
  paginated: true,
  columns: [
    ...NAME_COLUMNS,
    { label: 'export.column.birthDate', format: 'date' },
    { label: 'export.column.commune' },
    { label: 'export.column.referent' },
    { label: 'export.column.pathwayStatus' },
    { label: 'export.column.entryDate', format: 'date' },
    { label: 'export.column.alerts' },
  ],
  row: (p, t) => [
    p.lastName,
    p.firstName,
    day(p.birthDate),
    p.communeName ?? p.communeCode,
    p.referent?.displayName ?? null,
    label(t, 'pathwayStatus', p.currentPathway?.status),
    day(p.currentPathway?.entryDate),
    (p.alerts ?? []).map((alert) => t(`caseloadAlert.${alert}`, { days: DAYS_WITHOUT_APPOINTMENT_ALERT })).join(', '),
  ],
};

const partnerCaseload: ListExport<
  Named & { access: { pathwayStatus: boolean }; currentPathway: { status: string | null } | null; stages: Array<{ kind: { label: string } }> | null }
> = {
  title: 'export.partnerParticipants.title',
  query: filteredList('participants', 'ParticipantFilter', 'firstName lastName access { pathwayStatus } currentPathway { status } stages { kind { label } }'),
  field: 'participants',
  paginated: true,
  columns: [...NAME_COLUMNS, { label: 'export.column.pathwayStatus' }, { label: 'export.column.stages' }],
  row: (p, t) => [
    p.lastName,
    p.firstName,
    p.access.pathwayStatus ? label(t, 'pathwayStatus', p.currentPathway?.status) : t('export.notShared'),
    (p.stages ?? []).map((stage) => stage.kind.label).join(', '),
  ],
};

const referralInbox: ListExport<
  Named & {
    birthDate: string | null;
    communeName: string | null;
    receivedAt: string | null;
    status: string | null;
    submissions: Array<{ organisationName: string }> | null;
  }
> = {
  title: 'export.referrals.title',
  query: filteredList('referrals', 'ReferralFilter', 'firstName lastName birthDate communeName receivedAt status submissions { organisationName }'),
  field: 'referrals',
  paginated: true,
  columns: [
    ...NAME_COLUMNS,
    { label: 'export.column.birthDate', format: 'date' },
    { label: 'export.column.commune' },
    { label: 'export.column.receivedAt', format: 'date' },
    { label: 'export.column.referralStatus' },
    { label: 'export.column.referredBy' },
  ],
  row: (r, t) => [
    r.lastName,
    r.firstName,
    day(r.birthDate),
    r.communeName,
    dayInParis(r.receivedAt),
    label(t, 'referralStatus', r.status),
    (r.submissions ?? []).map((s) => s.organisationName).join(', '),
  ],
};

const partnerReferrals: ListExport<Named & { receivedAt: string | null; progress: string | null; decisionReason: string | null; redirectedTo: string | null }> =
  {
    title: 'export.partnerReferrals.title',
    query: filteredList('referrals', 'ReferralFilter', 'firstName lastName receivedAt progress decisionReason redirectedTo'),
    field: 'referrals',
    paginated: true,
    columns: [
      { label: 'export.column.lastName' },
      { label: 'export.column.firstName' },
      { label: 'export.column.receivedAt', format: 'date' },
      { label: 'export.column.progress' },
      { label: 'export.column.decisionReason' },
      { label: 'export.column.redirectedTo' },
    ],
    row: (r, t) => [r.lastName, r.firstName, dayInParis(r.receivedAt), label(t, 'referralProgress', r.progress), r.decisionReason, r.redirectedTo],
  };

const contractMonth: ListExport<{
  contract: Named & { contractType: string | null; employerName: string | null; position: string | null; startOn: string | null; endOn: string | null };
  report: { hoursWorked: number | null; trainingHours: number | null; absenceHours: number | null; submittedAt: string | null } | null;
}> = {
  title: 'export.contractMonth.title',
  query: `query ContractMonthExport($period: String!) { contractMonth(period: $period) {
    contract { firstName lastName contractType employerName position startOn endOn }
    report { hoursWorked trainingHours absenceHours submittedAt } } }`,
  field: 'contractMonth',
  paginated: false,
  columns: [
    ...NAME_COLUMNS,
    { label: 'export.column.contractKind' },
    { label: 'export.column.employer' },
    { label: 'export.column.position' },
    { label: 'export.column.startOn', format: 'date' },
    { label: 'export.column.endOn', format: 'date' },
    { label: 'export.column.hoursWorked', format: 'decimal' },
    { label: 'export.column.trainingHours', format: 'decimal' },
    { label: 'export.column.absenceHours', format: 'decimal' },
    { label: 'export.column.reportSubmittedAt', format: 'date' },
  ],
  row: ({ contract: c, report: r }, t) => [
    c.lastName,
    c.firstName,
    label(t, 'contractKind', c.contractType),
    c.employerName,
    c.position,
    day(c.startOn),
    day(c.endOn),
    r?.hoursWorked ?? null,
    r?.trainingHours ?? null,
    r?.absenceHours ?? null,
    dayInParis(r?.submittedAt),
  ],
};

const meetings: ListExport<{
  kind: string | null;
  title: string | null;
  startsAt: string | null;
  place: string | null;
  videoLink: string | null;
  status: string | null;
}> = {
  title: 'export.meetings.title',
  query: filteredList('meetings', 'MeetingFilter', 'kind title startsAt place videoLink status'),
  field: 'meetings',
  paginated: true,
  columns: [
    { label: 'export.column.meetingKind' },
    { label: 'export.column.meetingTitle' },
    { label: 'export.column.startsAt' },
    { label: 'export.column.place' },
    { label: 'export.column.meetingStatus' },
  ],
  row: (m, t) => [label(t, 'meetingKind', m.kind), m.title, timeInParis(m.startsAt), m.place ?? m.videoLink, label(t, 'meetingStatus', m.status)],
};

const accessLog: ListExport<{
  at: string | null;
  organisationName: string | null;
  userName: string | null;
  participantName: string | null;
  dataClasses: string[] | null;
  purposes: string[] | null;
}> = {
  title: 'export.accessLog.title',
  query: `query AccessLogExport($organisationId: ID, $participantId: ID, $page: PageArgs) {
    accessLog(organisationId: $organisationId, participantId: $participantId, page: $page) { ${connection(
      'at organisationName userName participantName dataClasses purposes',
    )} } }`,
  field: 'accessLog',
  paginated: true,
  columns: [
    { label: 'export.column.at' },
    { label: 'export.column.partner' },
    { label: 'export.column.user' },
    { label: 'export.column.participant' },
    { label: 'export.column.dataClasses' },
    { label: 'export.column.purposes' },
  ],
  row: (e, t) => [
    timeInParis(e.at),
    e.organisationName,
    e.userName,
    e.participantName,
    (e.dataClasses ?? []).map((c) => t(`dataClass.${c}`)).join(', '),
    (e.purposes ?? []).map((p) => t(`consentPurpose.${p}`)).join(', '),
  ],
};

/** By the name in the address: /exports/<name>.xlsx or .csv. */
export const LIST_EXPORTS = {
  participants: caseload,
  'partner-participants': partnerCaseload,
  referrals: referralInbox,
  'partner-referrals': partnerReferrals,
  'contract-month': contractMonth,
  meetings,
  'access-log': accessLog,
} as const satisfies Record<string, ListExport<never>>;

export type ListExportName = keyof typeof LIST_EXPORTS;

/** Labels of enum values the API sends as codes: the key is built from the code, so an unknown code shows as itself. */
export function translator(locale: Locale) {
  return (key: string, params?: Record<string, string | number>) => {
    try {
      return translate(locale, key as MessageKey, params);
    } catch {
      return key.slice(key.indexOf('.') + 1);
    }
  };
}
