import type { EmploymentSituation, EsfAnswer, Gender } from './esf-entry';
import { ESF_EXIT_WEEKS } from './esf-exit';
import { addDays } from './calendar-date';

/**
 * The managing authority's bulk-import layout for participants (« Ma Démarche FSE+ », import en
 * masse), as a declarative description: one line per participant, the entry block always, the
 * exit block once the person left. A new version of the authority's layout is a new entry of
 * ESF_EXPORT_LAYOUTS, not new code: the writer and the validation read the description.
 */

/** What a line is written from: a participant's pathway in an operation and its ESF+ record. */
export interface EsfExportParticipant {
  /** The identifier Jalon writes and finds back in the authority's error file. */
  reference: string;
  fileNumber: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  gender: Gender | null;
  entryDate: string;
  exitDate: string | null;
  employmentSituation: EmploymentSituation | null;
  educationLevel: number | null;
  disability: EsfAnswer | null;
  thirdCountryNational: EsfAnswer | null;
  foreignBackground: EsfAnswer | null;
  minority: EsfAnswer | null;
  homeless: EsfAnswer | null;
  ruralArea: EsfAnswer | null;
  exitJobSearching: EsfAnswer | null;
  exitInTraining: EsfAnswer | null;
  exitQualification: EsfAnswer | null;
  exitEmployed: EsfAnswer | null;
  exitAnsweredOn: string | null;
}

type Field = keyof EsfExportParticipant;

/** One column: its header, the field it is written from, how (as is, a date JJ/MM/AAAA, a code from its list), and in which block. */
export interface EsfExportColumn {
  header: string;
  field: Field;
  format: 'text' | 'date' | 'code' | 'isced';
  /** For `code`: the authority's code for each of Jalon's values. */
  codes?: Readonly<Record<string, string>>;
  block: 'entry' | 'exit';
  /** A line without it is rejected. */
  required: boolean;
}

export interface EsfExportLayout {
  version: string;
  separator: ';';
  columns: readonly EsfExportColumn[];
  /** The error file the authority returns: the column naming the line (our identifier) and the one giving the reason. */
  errorFile: { identifierHeader: string; reasonHeader: string };
}

const YES_NO_REFUSED = { YES: 'O', NO: 'N', REFUSED: 'NSP' } as const;
const yesNo = (header: string, field: Field, block: 'entry' | 'exit'): EsfExportColumn => ({
  header,
  field,
  format: 'code',
  codes: YES_NO_REFUSED,
  block,
  required: true,
});

export const ESF_EXPORT_LAYOUTS: Readonly<Record<string, EsfExportLayout>> = {
  'MDFSE-PARTICIPANTS-2021-1': {
    version: 'MDFSE-PARTICIPANTS-2021-1',
    separator: ';',
    columns: [
      { header: 'NUM_DOSSIER', field: 'fileNumber', format: 'text', block: 'entry', required: true },
      { header: 'ID_PARTICIPANT', field: 'reference', format: 'text', block: 'entry', required: true },
      { header: 'NOM', field: 'lastName', format: 'text', block: 'entry', required: true },
      { header: 'PRENOM', field: 'firstName', format: 'text', block: 'entry', required: true },
      { header: 'DATE_NAISSANCE', field: 'birthDate', format: 'date', block: 'entry', required: true },
      { header: 'SEXE', field: 'gender', format: 'code', codes: { WOMAN: 'F', MAN: 'H', NON_BINARY: 'NB' }, block: 'entry', required: true },
      { header: 'DATE_ENTREE', field: 'entryDate', format: 'date', block: 'entry', required: true },
      {
        header: 'SITUATION_EMPLOI_ENTREE',
        field: 'employmentSituation',
        format: 'code',
        codes: { UNEMPLOYED: 'CHOMEUR', LONG_TERM_UNEMPLOYED: 'CHOMEUR_LD', INACTIVE: 'INACTIF', EMPLOYED: 'EMPLOI', SELF_EMPLOYED: 'INDEPENDANT' },
        block: 'entry',
        required: true,
      },
      { header: 'NIVEAU_CITE', field: 'educationLevel', format: 'isced', block: 'entry', required: true },
      yesNo('HANDICAP', 'disability', 'entry'),
      yesNo('RESSORTISSANT_PAYS_TIERS', 'thirdCountryNational', 'entry'),
      yesNo('ORIGINE_ETRANGERE', 'foreignBackground', 'entry'),
      yesNo('MINORITE', 'minority', 'entry'),
      yesNo('SANS_DOMICILE', 'homeless', 'entry'),
      yesNo('ZONE_RURALE', 'ruralArea', 'entry'),
      { header: 'DATE_SORTIE', field: 'exitDate', format: 'date', block: 'exit', required: true },
      yesNo('SORTIE_RECHERCHE_EMPLOI', 'exitJobSearching', 'exit'),
      yesNo('SORTIE_FORMATION', 'exitInTraining', 'exit'),
      yesNo('SORTIE_QUALIFICATION', 'exitQualification', 'exit'),
      yesNo('SORTIE_EMPLOI', 'exitEmployed', 'exit'),
    ],
    errorFile: { identifierHeader: 'ID_PARTICIPANT', reasonHeader: 'MOTIF_REJET' },
  },
};

export const CURRENT_ESF_EXPORT_LAYOUT = ESF_EXPORT_LAYOUTS['MDFSE-PARTICIPANTS-2021-1']!;

/** Why a line would be rejected: an item missing, a value the code list does not have, dates that contradict each other. */
export type EsfExportProblem =
  { header: string; field: Field; kind: 'MISSING' | 'UNKNOWN_CODE' } | { header: string; field: Field; kind: 'EXIT_BEFORE_ENTRY' | 'EXIT_ANSWERED_LATE' };

const frenchDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const iscedGroup = (level: number) => (level <= 2 ? 'CITE_0_2' : level <= 4 ? 'CITE_3_4' : 'CITE_5_8');

function columnsOf(layout: EsfExportLayout, p: EsfExportParticipant): readonly EsfExportColumn[] {
  return p.exitDate ? layout.columns : layout.columns.filter((c) => c.block === 'entry');
}

function written(column: EsfExportColumn, value: EsfExportParticipant[Field]): string | undefined {
  if (value === null || value === '') return '';
  switch (column.format) {
    case 'text':
      return String(value);
    case 'date':
      return frenchDate(String(value));
    case 'isced':
      return iscedGroup(Number(value));
    case 'code':
      return column.codes?.[String(value)];
  }
}

/** Every reason the authority would reject this participant's line, in the layout's column order. */
export function esfExportProblems(layout: EsfExportLayout, p: EsfExportParticipant): EsfExportProblem[] {
  const problems: EsfExportProblem[] = [];
  for (const column of columnsOf(layout, p)) {
    const cell = written(column, p[column.field]);
    if (cell === undefined) problems.push({ header: column.header, field: column.field, kind: 'UNKNOWN_CODE' });
    else if (cell === '' && column.required) problems.push({ header: column.header, field: column.field, kind: 'MISSING' });
  }
  if (p.exitDate && p.exitDate < p.entryDate) problems.push({ header: 'DATE_SORTIE', field: 'exitDate', kind: 'EXIT_BEFORE_ENTRY' });
  if (p.exitDate && p.exitAnsweredOn && p.exitAnsweredOn > addDays(p.exitDate, ESF_EXIT_WEEKS * 7)) {
    problems.push({ header: 'SORTIE_EMPLOI', field: 'exitAnsweredOn', kind: 'EXIT_ANSWERED_LATE' });
  }
  return problems;
}

/** The line's cells, in the layout's column order; the exit block is empty until the person left. */
export function esfExportCells(layout: EsfExportLayout, p: EsfExportParticipant): string[] {
  const shown = new Set(columnsOf(layout, p));
  return layout.columns.map((column) => (shown.has(column) ? (written(column, p[column.field]) ?? '') : ''));
}

/** The file's first line. */
export const esfExportHeader = (layout: EsfExportLayout): string[] => layout.columns.map((column) => column.header);

/** One line the authority rejected: the identifier the export wrote, its reason, and where it is in the error file (1 is the header). */
export interface EsfRejection {
  line: number;
  reference: string;
  reason: string;
}

/** Why an error file is refused whole: nothing of a file half understood is attached to anyone. */
export type EsfErrorFileProblem =
  { kind: 'MISSING_COLUMN'; column: string } | { kind: 'LINE_INCOMPLETE'; line: number } | { kind: 'UNKNOWN_REFERENCE'; line: number; reference: string };

/**
 * The rejections of an error file read as rows (header first), each matched to a line of the
 * export it answers (`exported`: the identifiers that export wrote). A file of another layout, a
 * line without identifier or reason, or an identifier the export did not write refuses the file.
 */
export function esfRejections(
  layout: EsfExportLayout,
  rows: readonly string[][],
  exported: ReadonlySet<string>,
): { rejections: EsfRejection[] } | { problem: EsfErrorFileProblem } {
  const [header = [], ...lines] = rows;
  const { identifierHeader, reasonHeader } = layout.errorFile;
  const identifierAt = header.indexOf(identifierHeader);
  const reasonAt = header.indexOf(reasonHeader);
  if (identifierAt < 0) return { problem: { kind: 'MISSING_COLUMN', column: identifierHeader } };
  if (reasonAt < 0) return { problem: { kind: 'MISSING_COLUMN', column: reasonHeader } };
  const rejections: EsfRejection[] = [];
  for (const [index, cells] of lines.entries()) {
    if (cells.every((cell) => cell === '')) continue;
    const line = index + 2;
    const reference = cells[identifierAt] ?? '';
    const reason = cells[reasonAt] ?? '';
    if (!reference || !reason) return { problem: { kind: 'LINE_INCOMPLETE', line } };
    if (!exported.has(reference)) return { problem: { kind: 'UNKNOWN_REFERENCE', line, reference } };
    rejections.push({ line, reference, reason });
  }
  return { rejections };
}
