import { EmploymentSituation, Gender } from './esf-entry';
import { ExitKind, opensInJobFollowUp } from './exit-kind';
import { PathwayStatus } from './pathway-status';
import { birthdayAt, dayOutside, pathwayDayBounds, PATHWAY_MINIMUM_AGE } from './plausible-dates';
import { addMonths } from './calendar-date';
import { StageStatus } from './stage-kind';

/*
 * The flat layout of an import from another tool: one line per stage (or per person, when she has
 * none yet), the person's and the pathway's columns repeated on each of her lines. Lines are
 * grouped by the source's own identifier of the person; her pathways are told apart by their
 * referral day. Every rule here is pure: the API brings what lives in the database (the PLIE's
 * referents and stage kinds, the communes, the files already there).
 */

export const IMPORT_FIELDS = [
  'externalId',
  'lastName',
  'firstName',
  'birthDate',
  'gender',
  'email',
  'phone',
  'addressLine',
  'postcode',
  'commune',
  'referentEmail',
  'referralDate',
  'entryDate',
  'exitDate',
  'exitKind',
  'employmentSituation',
  'educationLevel',
  'stageKind',
  'stageStart',
  'stageEnd',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['externalId', 'lastName', 'firstName', 'birthDate', 'referentEmail', 'referralDate'];

/** Headers French tools write for each field, normalised (lower case, no accent, words split by one space). */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  externalId: ['identifiant', 'id', 'id participant', 'identifiant participant', 'n dossier', 'numero dossier', 'numero de dossier', 'matricule', 'reference'],
  lastName: ['nom', 'nom de famille', 'nom d usage', 'nom usage'],
  firstName: ['prenom', 'prenoms'],
  birthDate: ['date de naissance', 'naissance', 'ne le', 'ne e le', 'date naissance'],
  gender: ['sexe', 'genre', 'civilite'],
  email: ['email', 'e mail', 'courriel', 'mail', 'adresse email', 'adresse e mail'],
  phone: ['telephone', 'tel', 'portable', 'telephone portable', 'mobile'],
  addressLine: ['adresse', 'rue', 'adresse postale'],
  postcode: ['code postal', 'cp'],
  commune: ['commune', 'ville', 'code insee', 'insee', 'commune de residence'],
  referentEmail: ['referent', 'email referent', 'courriel referent', 'referent email', 'conseiller', 'email conseiller', 'referent de parcours'],
  referralDate: ['date d orientation', 'date orientation', 'date de prescription', 'date prescription', 'orientation', 'date d accueil'],
  entryDate: ['date d entree', 'date entree', 'entree', 'date d entree plie', 'date integration'],
  exitDate: ['date de sortie', 'date sortie', 'sortie'],
  exitKind: ['motif de sortie', 'motif sortie', 'type de sortie', 'type sortie'],
  employmentSituation: ['situation a l entree', 'situation emploi', 'situation professionnelle', 'situation'],
  educationLevel: ['niveau de formation', 'niveau formation', 'niveau d etudes', 'niveau', 'niveau cite'],
  stageKind: ['etape', 'type d etape', 'type etape', 'action', 'type d action'],
  stageStart: ['debut etape', 'date de debut', 'date debut', 'debut', 'debut de l etape'],
  stageEnd: ['fin etape', 'date de fin', 'date fin', 'fin', 'fin de l etape'],
};

/** Lower case, no accents, every run of other characters one space: how headers and labels are compared. */
export function normalisedLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The column guessed for each field from the file's headers: an exact known name first, then a
 * header containing one (longest name first, so « date de fin » is not taken for « fin »); each
 * column serves one field at most.
 */
export function guessMapping(headers: readonly string[]): Partial<Record<ImportField, string>> {
  const normalised = headers.map(normalisedLabel);
  const taken = new Set<number>();
  const mapping: Partial<Record<ImportField, string>> = {};
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field]) continue;
      const names = [...HEADER_NAMES[field]].sort((a, b) => b.length - a.length);
      const index = normalised.findIndex(
        (header, i) => !taken.has(i) && names.some((name) => (pass === 'exact' ? header === name : name.length > 3 && header.includes(name))),
      );
      if (index >= 0) {
        taken.add(index);
        mapping[field] = headers[index]!;
      }
    }
  }
  return mapping;
}

/** Why a cell is refused; the API words each in French. */
export type ImportProblemCode =
  | 'REQUIRED'
  | 'DATE_INVALID'
  | 'DATE_TOO_EARLY'
  | 'DATE_TOO_LATE'
  | 'BIRTH_DATE_IMPLAUSIBLE'
  | 'ENTRY_BEFORE_REFERRAL'
  | 'EXIT_BEFORE_ENTRY'
  | 'EXIT_WITHOUT_ENTRY'
  | 'EXIT_KIND_WITHOUT_EXIT'
  | 'EXIT_WITHOUT_KIND'
  | 'STAGE_END_BEFORE_START'
  | 'STAGE_WITHOUT_KIND'
  | 'STAGE_BEFORE_REFERRAL'
  | 'STAGE_KIND_UNKNOWN'
  | 'EXIT_KIND_UNKNOWN'
  | 'GENDER_UNKNOWN'
  | 'EMPLOYMENT_SITUATION_UNKNOWN'
  | 'EDUCATION_LEVEL_INVALID'
  | 'EMAIL_INVALID'
  | 'POSTCODE_INVALID'
  | 'COMMUNE_UNKNOWN'
  | 'REFERENT_UNKNOWN'
  | 'IDENTITY_DIFFERS'
  | 'PATHWAY_DIFFERS'
  | 'STAGE_REPEATED'
  | 'DUPLICATE_EXISTING'
  | 'TEXT_TOO_LONG'
  | 'CONTROL_CHARACTER';

/**
 * A cell holds what the form's field would (apps/api graphql/input-limits.ts): one line of at most
 * IMPORT_TEXT_MAX characters, and no control character (nobody types one; PostgreSQL refuses NUL).
 */
export const IMPORT_TEXT_MAX = 200;
// Control characters are what this pattern is about.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export interface ImportProblem {
  /** 1-based line of the file, the header being line 1 (as a spreadsheet numbers it). */
  line: number;
  field: ImportField;
  code: ImportProblemCode;
  /** Values the message names (a limit day, the other line). */
  params?: Record<string, string | number>;
}

/** A line, checked and normalised: what the import writes. */
export interface ImportLine {
  line: number;
  externalId: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  gender: Gender | null;
  email: string | null;
  phone: string | null;
  addressLine: string | null;
  postcode: string | null;
  communeCode: string | null;
  referentEmail: string;
  referralDate: string;
  entryDate: string | null;
  exitDate: string | null;
  exitKind: ExitKind | null;
  employmentSituation: EmploymentSituation | null;
  educationLevel: number | null;
  stage: { kindCode: string; start: string; end: string | null } | null;
}

/** What the checks need from outside: the day in France and the PLIE's reference data. */
export interface ImportLookups {
  today: string;
  /** The code of the tenant's stage kind named (by code or label), or null. */
  stageKindCode(text: string): string | null;
  isReferentEmail(email: string): boolean;
  /** The INSEE code of the commune given by code, or by name with the postcode; null when none or several. */
  communeCode(text: string, postcode: string | null): string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A day as French tools write it (31/12/2024, 31-12-2024, 31.12.24) or ISO; null when not a real day. */
export function parseImportDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  let y: number, m: number, d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (french) {
    [d, m, y] = [Number(french[1]), Number(french[2]), Number(french[3])];
    if (french[3]!.length === 2) y += y > 40 ? 1900 : 2000;
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function byLabel<T extends string>(labels: Record<T, readonly string[]>): (text: string) => T | null {
  const index = new Map<string, T>();
  for (const [code, names] of Object.entries(labels) as Array<[T, readonly string[]]>) {
    index.set(normalisedLabel(code), code);
    for (const name of names) index.set(normalisedLabel(name), code);
  }
  return (text) => index.get(normalisedLabel(text)) ?? null;
}

const genderOf = byLabel<Gender>({
  WOMAN: ['F', 'Femme', 'Mme', 'Madame', 'Féminin'],
  MAN: ['H', 'M', 'Homme', 'Monsieur', 'Masculin'],
  NON_BINARY: ['Non-binaire', 'Autre', 'X'],
});

const exitKindOf = byLabel<ExitKind>({
  JOB_PERMANENT: ['CDI', 'Emploi durable CDI', 'Sortie en CDI'],
  JOB_FIXED_TERM_6_MONTHS_PLUS: ['CDD de 6 mois ou plus', 'CDD 6 mois et plus', 'CDD + 6 mois', 'CDD 6 mois ou plus'],
  BUSINESS_CREATION: ["Création d'entreprise", 'Creation entreprise'],
  QUALIFYING_TRAINING: ['Formation qualifiante'],
  ABANDONMENT: ['Abandon'],
  ADMINISTRATIVE: ['Sortie administrative', 'Administrative', 'Déménagement'],
  REORIENTATION: ['Réorientation'],
  HEALTH: ['Santé', 'Raison de santé'],
  MAXIMUM_DURATION: ['Durée maximale atteinte', 'Durée maximale', 'Fin de durée'],
});

const employmentSituationOf = byLabel<EmploymentSituation>({
  UNEMPLOYED: ["Demandeur d'emploi", 'DE', 'Chômeur', 'Chômage'],
  LONG_TERM_UNEMPLOYED: ["Demandeur d'emploi de longue durée", 'DELD', 'Chômeur de longue durée'],
  INACTIVE: ['Inactif', 'Inactive'],
  EMPLOYED: ['En emploi', 'Salarié', 'Salariée'],
  SELF_EMPLOYED: ['Indépendant', 'Indépendante', 'Travailleur indépendant'],
});

/** The cells of one line by field (the mapped columns), trimmed; an unmapped field is absent. */
export type ImportCells = Partial<Record<ImportField, string>>;

/**
 * One line checked on its own: every refused cell reported, each with its field. The line is
 * returned normalised only when nothing is refused.
 */
export function checkImportLine(line: number, cells: ImportCells, lookups: ImportLookups): { problems: ImportProblem[]; value: ImportLine | null } {
  const problems: ImportProblem[] = [];
  const refuse = (field: ImportField, code: ImportProblemCode, params?: Record<string, string | number>) => {
    if (!problems.some((p) => p.field === field)) problems.push({ line, field, code, ...(params ? { params } : {}) });
  };
  for (const [field, cell] of Object.entries(cells) as Array<[ImportField, string]>) {
    if (cell.length > IMPORT_TEXT_MAX) refuse(field, 'TEXT_TOO_LONG', { max: IMPORT_TEXT_MAX });
    else if (CONTROL_CHARACTER.test(cell)) refuse(field, 'CONTROL_CHARACTER');
  }
  const text = (field: ImportField) => cells[field]?.trim() || null;
  for (const field of REQUIRED_IMPORT_FIELDS) if (!text(field)) refuse(field, 'REQUIRED');
  const day = (field: ImportField) => {
    const raw = text(field);
    if (!raw) return null;
    const parsed = parseImportDay(raw);
    if (!parsed) refuse(field, 'DATE_INVALID', { value: raw });
    return parsed;
  };

  const birthDate = day('birthDate');
  if (birthDate && (birthdayAt(birthDate, PATHWAY_MINIMUM_AGE) > lookups.today || birthdayAt(birthDate, 100) < lookups.today)) {
    refuse('birthDate', 'BIRTH_DATE_IMPLAUSIBLE');
  }
  const bounds = pathwayDayBounds(birthDate, lookups.today);
  // Referral, entry and exit are past events: none is after today.
  const pastBounds = { earliest: bounds.earliest, latest: lookups.today };
  const within = (field: ImportField, value: string | null, limits = bounds) => {
    const outside = value && dayOutside(value, limits);
    if (outside === 'TOO_EARLY') refuse(field, 'DATE_TOO_EARLY', { limit: limits.earliest! });
    if (outside === 'TOO_LATE') refuse(field, 'DATE_TOO_LATE', { limit: limits.latest! });
    return outside ? null : value;
  };
  const referralDate = within('referralDate', day('referralDate'), pastBounds);
  const entryDate = within('entryDate', day('entryDate'), pastBounds);
  const exitDate = within('exitDate', day('exitDate'), pastBounds);
  if (referralDate && entryDate && entryDate < referralDate) refuse('entryDate', 'ENTRY_BEFORE_REFERRAL');
  if (exitDate && !entryDate) refuse('exitDate', 'EXIT_WITHOUT_ENTRY');
  if (exitDate && entryDate && exitDate < entryDate) refuse('exitDate', 'EXIT_BEFORE_ENTRY');

  const exitKindText = text('exitKind');
  const exitKind = exitKindText ? exitKindOf(exitKindText) : null;
  if (exitKindText && !exitKind) refuse('exitKind', 'EXIT_KIND_UNKNOWN', { value: exitKindText });
  if (exitKind && !exitDate) refuse('exitKind', 'EXIT_KIND_WITHOUT_EXIT');
  if (exitDate && !exitKindText) refuse('exitKind', 'EXIT_WITHOUT_KIND');

  const genderText = text('gender');
  const gender = genderText ? genderOf(genderText) : null;
  if (genderText && !gender) refuse('gender', 'GENDER_UNKNOWN', { value: genderText });
  const situationText = text('employmentSituation');
  const employmentSituation = situationText ? employmentSituationOf(situationText) : null;
  if (situationText && !employmentSituation) refuse('employmentSituation', 'EMPLOYMENT_SITUATION_UNKNOWN', { value: situationText });
  const levelText = text('educationLevel');
  const educationLevel = levelText && /^[0-8]$/.test(levelText) ? Number(levelText) : null;
  if (levelText && educationLevel === null) refuse('educationLevel', 'EDUCATION_LEVEL_INVALID', { value: levelText });

  const email = text('email')?.toLowerCase() ?? null;
  if (email && !EMAIL.test(email)) refuse('email', 'EMAIL_INVALID', { value: email });
  const postcode = text('postcode');
  if (postcode && !/^\d{5}$/.test(postcode)) refuse('postcode', 'POSTCODE_INVALID', { value: postcode });
  const communeText = text('commune');
  const communeCode = communeText ? lookups.communeCode(communeText, postcode) : null;
  if (communeText && !communeCode) refuse('commune', 'COMMUNE_UNKNOWN', { value: communeText });
  const referentEmail = text('referentEmail')?.toLowerCase() ?? null;
  if (referentEmail && !lookups.isReferentEmail(referentEmail)) refuse('referentEmail', 'REFERENT_UNKNOWN', { value: referentEmail });

  const kindText = text('stageKind');
  const kindCode = kindText ? lookups.stageKindCode(kindText) : null;
  if (kindText && !kindCode) refuse('stageKind', 'STAGE_KIND_UNKNOWN', { value: kindText });
  const stageStart = within('stageStart', day('stageStart'));
  const stageEnd = within('stageEnd', day('stageEnd'));
  if (kindText && !text('stageStart')) refuse('stageStart', 'REQUIRED');
  if (!kindText && (text('stageStart') || text('stageEnd'))) refuse('stageKind', 'STAGE_WITHOUT_KIND');
  if (stageStart && referralDate && stageStart < referralDate) refuse('stageStart', 'STAGE_BEFORE_REFERRAL');
  if (stageStart && stageEnd && stageEnd < stageStart) refuse('stageEnd', 'STAGE_END_BEFORE_START');

  if (problems.length > 0) return { problems, value: null };
  return {
    problems,
    value: {
      line,
      externalId: text('externalId')!,
      lastName: text('lastName')!,
      firstName: text('firstName')!,
      birthDate: birthDate!,
      gender,
      email,
      phone: text('phone'),
      addressLine: text('addressLine'),
      postcode,
      communeCode,
      referentEmail: referentEmail!,
      referralDate: referralDate!,
      entryDate,
      exitDate,
      exitKind,
      employmentSituation,
      educationLevel,
      stage: kindCode ? { kindCode, start: stageStart!, end: stageEnd } : null,
    },
  };
}

const PERSON_KEYS = ['lastName', 'firstName', 'birthDate', 'gender', 'email', 'phone', 'addressLine', 'postcode', 'communeCode', 'referentEmail'] as const;
const PATHWAY_KEYS = ['entryDate', 'exitDate', 'exitKind', 'employmentSituation', 'educationLevel'] as const;

/** A person of the file with her pathways (by referral day, oldest first) and their stages. */
export interface ImportPerson {
  first: ImportLine;
  pathways: Array<{ first: ImportLine; stages: ImportLine[] }>;
}

/**
 * The valid lines grouped by person, with what only the whole file shows: a person whose lines
 * disagree on who she is, a pathway whose lines disagree on its dates or exit, a stage given twice.
 */
export function groupImportLines(lines: readonly ImportLine[]): { people: ImportPerson[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const people = new Map<string, ImportPerson>();
  const stageKeys = new Map<string, number>();
  for (const line of lines) {
    let person = people.get(line.externalId);
    if (!person) people.set(line.externalId, (person = { first: line, pathways: [] }));
    const identity = PERSON_KEYS.find((key) => person.first[key] !== line[key]);
    if (identity) {
      problems.push({
        line: line.line,
        field: identity === 'communeCode' ? 'commune' : identity,
        code: 'IDENTITY_DIFFERS',
        params: { other: person.first.line },
      });
      continue;
    }
    let pathway = person.pathways.find((p) => p.first.referralDate === line.referralDate);
    if (!pathway) person.pathways.push((pathway = { first: line, stages: [] }));
    const differs = PATHWAY_KEYS.find((key) => pathway.first[key] !== line[key]);
    if (differs) {
      problems.push({ line: line.line, field: differs, code: 'PATHWAY_DIFFERS', params: { other: pathway.first.line } });
      continue;
    }
    if (!line.stage) continue;
    const key = stageKeyOf(line);
    const other = stageKeys.get(key);
    if (other) problems.push({ line: line.line, field: 'stageKind', code: 'STAGE_REPEATED', params: { other } });
    else {
      stageKeys.set(key, line.line);
      pathway.stages.push(line);
    }
  }
  for (const person of people.values()) person.pathways.sort((a, b) => a.first.referralDate.localeCompare(b.first.referralDate));
  return { people: [...people.values()], problems };
}

/** What identifies a pathway and a stage within a source, so a file imported twice creates nothing twice. */
export function pathwayKeyOf(line: Pick<ImportLine, 'externalId' | 'referralDate'>): string {
  return `${line.externalId}|${line.referralDate}`;
}

export function stageKeyOf(line: ImportLine): string {
  return `${pathwayKeyOf(line)}|${line.stage!.kindCode}|${line.stage!.start}`;
}

/**
 * The status an imported pathway takes from its days and exit: a job exit less than six months ago
 * is in its in-job follow-up (as an exit recorded by hand), any exit is closed once six months have
 * passed, another recent exit is exited; else entered, or still waiting for accreditation.
 */
export function importedPathwayStatus(line: Pick<ImportLine, 'entryDate' | 'exitDate' | 'exitKind'>, today: string): PathwayStatus {
  if (line.exitDate) {
    if (addMonths(line.exitDate, 6) <= today) return PathwayStatus.CLOSED;
    return line.exitKind && opensInJobFollowUp(line.exitKind) ? PathwayStatus.IN_JOB_FOLLOW_UP : PathwayStatus.EXITED;
  }
  return line.entryDate ? PathwayStatus.ACTIVE : PathwayStatus.PENDING_ACCREDITATION;
}

/** A stage's status from its days: over, under way or to come. */
export function importedStageStatus(stage: NonNullable<ImportLine['stage']>, today: string): StageStatus {
  if (stage.end && stage.end < today) return StageStatus.COMPLETED;
  return stage.start <= today ? StageStatus.IN_PROGRESS : StageStatus.PLANNED;
}
