import { useI18n } from 'vue-i18n';
import { dateInWords, DAYS_WITHOUT_APPOINTMENT_ALERT, type Capability } from '@jalon/domain';
import { ISCED_LEVELS } from '@jalon/reference-data';
import { parisDay } from '@/app/paris-time';
import type {
  CaseloadAlert,
  EmploymentSituation,
  EsfAnswer,
  ExitKind,
  Gender,
  InvitationStatus,
  MembershipRole,
  OrganisationKind,
  PathwayStatus,
  SiaeKind,
  StageStatus,
  ObstacleCategory,
  AppointmentMode,
  AppointmentPlace,
  AppointmentStatus,
  Attendance,
  AssistedContractKind,
  ContractEndReason,
  SkillLevel,
  TrainingOutcome,
  MeetingKind,
  MeetingStatus,
  MeetingSharing,
} from '@/gql/graphql';

export const ROLES: readonly MembershipRole[] = ['TENANT_ADMIN', 'ANIMATION_TEAM', 'REFERENT', 'PARTNER_AGENT', 'PARTNER_ADMIN'];
export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'ANIMATION_TEAM',
  'REFERENT_OPERATOR',
  'COMMUNE',
  'INTEGRATION_COMPANY',
  'TRAINING_OPERATOR',
  'OTHER_PARTNER',
];
export const SIAE_KINDS: readonly SiaeKind[] = ['ACI', 'AI', 'EI', 'EITI', 'ETTI', 'GEIQ'];
/** In the order of a pathway. */
export const CASELOAD_ALERTS: readonly CaseloadAlert[] = [
  'NO_RECENT_APPOINTMENT',
  'CONTRACT_REVIEW_DUE',
  'FOLLOW_UP_CHECK_IN_DUE',
  'ESF_DATA_INCOMPLETE',
  'ESF_EXIT_MISSING',
  'ESF_REJECTED',
  'CONTRACT_REPORT_OVERDUE',
];
export const PATHWAY_STATUSES: readonly PathwayStatus[] = ['REFERRED', 'PENDING_ACCREDITATION', 'ACTIVE', 'SUSPENDED', 'EXITED', 'IN_JOB_FOLLOW_UP', 'CLOSED'];
export const GENDERS: readonly Gender[] = ['WOMAN', 'MAN', 'NON_BINARY'];
export const EMPLOYMENT_SITUATIONS: readonly EmploymentSituation[] = ['UNEMPLOYED', 'LONG_TERM_UNEMPLOYED', 'INACTIVE', 'EMPLOYED', 'SELF_EMPLOYED'];
export const ESF_ANSWERS: readonly EsfAnswer[] = ['YES', 'NO', 'REFUSED'];
export const STAGE_STATUSES: readonly StageStatus[] = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'ABANDONED', 'CANCELLED'];
/** The last three are special-category data (GDPR art. 9/10). */
export const OBSTACLE_CATEGORIES: readonly ObstacleCategory[] = [
  'MOBILITY',
  'CHILDCARE',
  'HOUSING',
  'LANGUAGE',
  'DIGITAL_SKILLS',
  'BUDGET_DEBT',
  'ADMINISTRATIVE',
  'HEALTH',
  'DISABILITY',
  'JUSTICE',
];
export const SPECIAL_OBSTACLES: readonly ObstacleCategory[] = ['HEALTH', 'DISABILITY', 'JUSTICE'];
export const MARKED_ATTENDANCES: readonly Attendance[] = ['PRESENT', 'EXCUSED', 'ABSENT'];
export const APPOINTMENT_STATUSES: readonly AppointmentStatus[] = ['PLANNED', 'HELD', 'CANCELLED'];
export const APPOINTMENT_MODES: readonly AppointmentMode[] = ['IN_PERSON', 'PHONE', 'VIDEO'];
export const APPOINTMENT_PLACES: readonly AppointmentPlace[] = ['OFFICE', 'LOCAL_OFFICE_HOURS'];
export const SKILL_LEVELS: readonly SkillLevel[] = ['NOT_ACQUIRED', 'IN_PROGRESS', 'ACQUIRED', 'MASTERED'];
export const TRAINING_OUTCOMES: readonly TrainingOutcome[] = ['COMPLETED', 'CERTIFIED', 'ABANDONED'];
export const CONTRACT_KINDS: readonly AssistedContractKind[] = [
  'CDDI',
  'AI_ASSIGNMENT',
  'ETTI_ASSIGNMENT',
  'PEC',
  'PROFESSIONALISATION',
  'APPRENTICESHIP',
  'PMSMP',
];
/** The ASP's exit reasons, from the most to the least favourable. */
export const CONTRACT_END_REASONS: readonly ContractEndReason[] = [
  'PERMANENT_JOB',
  'FIXED_TERM_6_MONTHS_PLUS',
  'FIXED_TERM_UNDER_6_MONTHS',
  'QUALIFYING_TRAINING',
  'OTHER_SIAE',
  'JOB_SEEKER',
  'INACTIVE',
  'NO_NEWS',
  'RETIREMENT',
];
export const MEETING_KINDS: readonly MeetingKind[] = ['ACCREDITATION_COMMISSION', 'PARTNER_COORDINATION', 'REFERENTS_MEETING', 'FOLLOW_UP_COMMITTEE'];
export const EDUCATION_LEVELS: readonly number[] = ISCED_LEVELS.map((level) => level.level);

/** A YYYY-MM-DD calendar date as a local date (no time zone shift: 1 May stays 1 May everywhere). */
function fromLocalDate(value: string): Date {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** Today in France as YYYY-MM-DD: the PLIE's working day, as the API counts it. */
export function todayLocalDate(now = new Date()): string {
  return parisDay(now);
}

/** A person as the portal names her in a sentence, a heading or a label: « Awa Diallo » (lists sorted by name say « Diallo Awa » themselves). */
export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}

/** Whole years between a YYYY-MM-DD birth date and today. */
export function ageOn(birthDate: string, today = todayLocalDate()): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Translated names for the API's enums and dates in the UI locale. */
export function useLabels() {
  const { t, locale } = useI18n();
  const shortDate = (value: string) => new Intl.DateTimeFormat(locale.value, { dateStyle: 'short' }).format(fromLocalDate(value));
  return {
    role: (role: MembershipRole) => t(`enums.role.${role}`),
    /** What a capability lets one do, as a verb phrase (« statuer sur les orientations »). */
    capability: (capability: Capability) => t(`enums.capability.${capability}`),
    kind: (kind: OrganisationKind) => t(`enums.organisationKind.${kind}`),
    siaeKind: (kind: SiaeKind) => t(`enums.siaeKind.${kind}`),
    invitationStatus: (status: InvitationStatus) => t(`enums.invitationStatus.${status}`),
    pathwayStatus: (status: PathwayStatus) => t(`enums.pathwayStatus.${status}`),
    exitKind: (kind: ExitKind) => t(`enums.exitKind.${kind}`),
    employmentSituation: (situation: EmploymentSituation) => t(`enums.employmentSituation.${situation}`),
    esfAnswer: (answer: EsfAnswer) => t(`enums.esfAnswer.${answer}`),
    /** « Oui » and « Non », for a yes-or-no question (RadioChoiceGroup). */
    yesNo: () => [
      { value: 'yes' as const, label: t('enums.esfAnswer.YES') },
      { value: 'no' as const, label: t('enums.esfAnswer.NO') },
    ],
    gender: (gender: Gender) => t(`enums.gender.${gender}`),
    caseloadAlert: (alert: CaseloadAlert) => t(`enums.caseloadAlert.${alert}`, { days: DAYS_WITHOUT_APPOINTMENT_ALERT }),
    /** « CITE 3 — Deuxième cycle de l'enseignement secondaire » */
    educationLevel: (level: number) => {
      const info = ISCED_LEVELS[level];
      if (!info) return String(level);
      return t('enums.educationLevel', { level, label: locale.value === 'fr' ? info.labelFr : info.labelEn });
    },
    /** What a level usually corresponds to in France (French only: it names French diplomas). */
    educationExamples: (level: number) => ISCED_LEVELS[level]?.examplesFr ?? '',
    stageStatus: (status: StageStatus) => t(`enums.stageStatus.${status}`),
    obstacle: (category: ObstacleCategory) => t(`enums.obstacleCategory.${category}`),
    appointmentStatus: (status: AppointmentStatus) => t(`enums.appointmentStatus.${status}`),
    attendance: (attendance: Attendance) => t(`enums.attendance.${attendance}`),
    contractKind: (kind: AssistedContractKind) => t(`enums.contractKind.${kind}`),
    contractEndReason: (reason: ContractEndReason) => t(`enums.contractEndReason.${reason}`),
    skillLevel: (level: SkillLevel) => t(`enums.skillLevel.${level}`),
    trainingOutcome: (outcome: TrainingOutcome) => t(`enums.trainingOutcome.${outcome}`),
    meetingKind: (kind: MeetingKind) => t(`enums.meetingKind.${kind}`),
    meetingStatus: (status: MeetingStatus) => t(`enums.meetingStatus.${status}`),
    meetingSharing: (sharing: MeetingSharing) => t(`enums.meetingSharing.${sharing}`),
    /** A number (hours, people) as written in the UI language: « 112,5 » in French. */
    number: (value: number) => new Intl.NumberFormat(locale.value, { maximumFractionDigits: 2 }).format(value),
    /** A time in France (appointments are booked in Paris time whatever the browser's zone). */
    time: (iso: string) => new Intl.DateTimeFormat(locale.value, { timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso)),
    /** An instant (a record's creation) in France's time, short. */
    instant: (iso: string) => dateInWords(locale.value, new Date(iso), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }),
    parisDateTime: (iso: string) => dateInWords(locale.value, new Date(iso), { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' }),
    date: (iso: string) => dateInWords(locale.value, new Date(iso), { dateStyle: 'long' }),
    dateTime: (iso: string) => dateInWords(locale.value, new Date(iso), { dateStyle: 'medium', timeStyle: 'short' }),
    /** A calendar date (YYYY-MM-DD) such as a birth or entry date. */
    localDate: (value: string) => dateInWords(locale.value, fromLocalDate(value), { dateStyle: 'long' }),
    /** A month (YYYY-MM) such as a report's: « octobre 2026 ». */
    month: (period: string) =>
      new Intl.DateTimeFormat(locale.value, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`)),
    /** Short form for tables: 01/05/1990. */
    shortDate,
    /** Days from one to another, short: « du 02/03/2026 au 15/04/2026 », or « à partir du 02/03/2026 » with no end yet. */
    period: (from: string, to: string | null | undefined) =>
      to ? t('stages.period', { from: shortDate(from), to: shortDate(to) }) : t('stages.from', { from: shortDate(from) }),
    age: (birthDate: string) => t('participants.age', ageOn(birthDate)),
  };
}
