import {
  consentSentence,
  ConsentEffect,
  type ConsentPurpose,
  ConsentStatus,
  type DataClass,
  type OrganisationKind,
  readSentence,
  type SpaceLocale,
} from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { readOwnFile } from '../../db/participant-space.query';
import { errors } from '../../graphql/errors';

/** Her file as jalon_participant_file() returns it (db/rls/functions): what she may read of herself, and nothing else. */
export interface OwnFile {
  participant: {
    id: string;
    firstName: string;
    lastName: string;
    birthDate: string;
    email: string | null;
    phone: string | null;
    addressLine: string | null;
    postcode: string | null;
    communeCode: string | null;
  };
  programme: string;
  referent: string | null;
  pathways: Array<{ id: string; number: number; status: string; referralDate: string; entryDate: string | null; exitDate: string | null }>;
  stages: Array<{
    id: string;
    pathwayId: string;
    kindCode: string;
    kindLabel: string;
    kindCategory: string;
    status: string;
    plannedStart: string;
    plannedEnd: string | null;
    actualStart: string | null;
    actualEnd: string | null;
    operator: string | null;
    sharedSummary: string | null;
  }>;
  appointments: Array<{
    id: string;
    kind: string;
    title: string | null;
    startsAt: string;
    endsAt: string;
    mode: string;
    place: string | null;
    communeCode: string | null;
    videoLink: string | null;
    status: string;
    referent: string | null;
  }>;
  contracts: Array<{
    id: string;
    number: number;
    objectives: string[];
    startsOn: string;
    reviewOn: string;
    signedByParticipantOn: string | null;
    signedByReferentOn: string | null;
  }>;
  consents: Array<{
    id: string;
    granteeName: string | null;
    granteeKind: OrganisationKind;
    effect: ConsentEffect;
    dataClasses: DataClass[];
    stageKinds: string[];
    stageCount: number | null;
    purpose: ConsentPurpose;
    validFrom: string;
    validUntil: string | null;
    status: ConsentStatus;
    endedAt: string | null;
  }>;
  reads: Array<{ at: string; organisation: string; organisationKind: OrganisationKind; dataClasses: string[]; purposes: string[] }>;
  diagnoses: Array<{
    pathwayId: string;
    carriedOutOn: string | null;
    strengths: string | null;
    obstacles: unknown;
    needs: string | null;
    pastTrades: string[];
  }>;
  projects: Array<{
    pathwayId: string;
    number: number;
    targets: Array<{ romeCode: string; status: string; skillsAcquired?: string[]; skillsToAcquire?: string[] }>;
  }>;
  /** The ESF+ entry and exit items collected for the European Social Fund's reporting, as recorded. */
  esfRecords: Array<Record<string, unknown>>;
  /** Her assisted contracts and what the employer reported of each month. */
  employment: Array<{
    employer: string;
    contractType: string;
    position: string;
    startOn: string;
    endOn: string | null;
    weeklyHours: number;
    endedOn: string | null;
    endReason: string | null;
    reports: Array<{ period: string; hoursWorked: number; trainingHours: number; absenceHours: number; skills: unknown; comment: string | null }>;
  }>;
  /** Her trainings' monthly attendance and result, as the training operator recorded them. */
  trainings: Array<{
    stageId: string;
    kindLabel: string;
    operator: string | null;
    attendance: Array<{ period: string; hoursPlanned: number; hoursAttended: number }>;
    result: { outcome: string; endedOn: string; certification: string | null } | null;
  }>;
  followUps: Array<{ monthsAfterExit: number; dueOn: string; doneOn: string | null; stillEmployed: boolean | null; employer: string | null }>;
  candidacies: Array<{ offer: string; employer: string | null; proposedOn: string; status: string; hiredOn: string | null }>;
  positionings: Array<{ action: string; operator: string; startsOn: string; endsOn: string; reason: string; status: string }>;
  requests: Array<{
    id: string;
    kind: string;
    message: string;
    createdAt: string;
    dueOn: string;
    status: string;
    answer: string | null;
    answeredAt: string | null;
  }>;
}

/** The file of the participant whose own session the request runs with. */
export async function ownFile(ctx: RequestContext): Promise<OwnFile> {
  const file = ctx.participant && (await readOwnFile(ctx.em));
  // Her session is live (authenticated) but the file is gone: erased since she signed in.
  if (!file) throw errors.notFound(ctx);
  return file as OwnFile;
}

/** Her consents in force and past, each with its sentence in the language she reads. */
export function consentsInWords(file: OwnFile, locale: SpaceLocale) {
  return file.consents.map((c) => ({
    ...c,
    sentence: consentSentence(c, locale),
    inForce: c.status === ConsentStatus.ACTIVE,
    withdrawable: c.status === ConsentStatus.ACTIVE && c.effect === ConsentEffect.GRANT,
  }));
}

export function readsInWords(file: OwnFile, locale: SpaceLocale) {
  return file.reads.map((r) => ({ ...r, sentence: readSentence(r, locale) }));
}

/** The appointments still to come (planned, not yet ended), soonest first. */
export function nextAppointments(file: OwnFile, now: Date) {
  return file.appointments.filter((a) => a.status === 'PLANNED' && new Date(a.endsAt) > now);
}
