import { describe, expect, it } from 'vitest';
import { ExitKind } from './exit-kind';
import { checkImportLine, groupImportLines, guessMapping, importedPathwayStatus, normalisedLabel, parseImportDay, type ImportLookups } from './import-layout';

const lookups: ImportLookups = {
  today: '2026-12-05',
  stageKindCode: (text) => (text === 'JOB_SEARCH' || normalisedLabel(text) === 'recherche d emploi' ? 'JOB_SEARCH' : null),
  isReferentEmail: (email) => email === 'nadia@plie.fr',
  communeCode: (text) => (text === '38185' ? '38185' : null),
};
const cells = {
  externalId: 'A-1',
  lastName: 'Morel',
  firstName: 'Sandrine',
  birthDate: '14/03/1979',
  referentEmail: 'Nadia@plie.fr',
  referralDate: '02/09/2025',
  stageKind: 'JOB_SEARCH',
  stageStart: '15/09/2025',
};

describe('import layout', () => {
  it('guesses each field from French headers, a column serving one field only', () => {
    expect(guessMapping(['N° dossier', 'NOM', 'Prénom', 'Né(e) le', 'Date de début', 'Date de fin', 'Référent', "Date d'orientation", 'Commune'])).toEqual({
      externalId: 'N° dossier',
      lastName: 'NOM',
      firstName: 'Prénom',
      birthDate: 'Né(e) le',
      stageStart: 'Date de début',
      stageEnd: 'Date de fin',
      referentEmail: 'Référent',
      referralDate: "Date d'orientation",
      commune: 'Commune',
    });
  });

  it('reads French and ISO days, and refuses days that do not exist', () => {
    expect(parseImportDay('02/09/2025')).toBe('2025-09-02');
    expect(parseImportDay('2.9.25')).toBe('2025-09-02');
    expect(parseImportDay('2025-09-02')).toBe('2025-09-02');
    expect(parseImportDay('31/02/2025')).toBeNull();
    expect(parseImportDay('septembre')).toBeNull();
  });

  it('normalises a valid line, the referent’s address in lower case', () => {
    const { problems, value } = checkImportLine(2, cells, lookups);
    expect(problems).toEqual([]);
    expect(value).toMatchObject({ birthDate: '1979-03-14', referentEmail: 'nadia@plie.fr', stage: { kindCode: 'JOB_SEARCH', start: '2025-09-15', end: null } });
  });

  it('reports every refused cell of a line at once', () => {
    const { problems, value } = checkImportLine(
      7,
      {
        ...cells,
        firstName: '',
        birthDate: '14/03/1900',
        entryDate: '01/01/2025',
        exitDate: '03/01/2030',
        stageKind: 'Plongée',
        referentEmail: 'x@ailleurs.fr',
      },
      lookups,
    );
    expect(value).toBeNull();
    expect(problems.map((p) => [p.line, p.field, p.code])).toEqual([
      [7, 'firstName', 'REQUIRED'],
      [7, 'birthDate', 'BIRTH_DATE_IMPLAUSIBLE'],
      [7, 'exitDate', 'DATE_TOO_LATE'],
      [7, 'entryDate', 'ENTRY_BEFORE_REFERRAL'],
      [7, 'referentEmail', 'REFERENT_UNKNOWN'],
      [7, 'stageKind', 'STAGE_KIND_UNKNOWN'],
    ]);
  });

  it('groups lines by person and pathway, and reports what the lines of one person disagree on', () => {
    const line = (n: number, extra: Record<string, string>) => checkImportLine(n, { ...cells, ...extra }, lookups).value!;
    const { people, problems } = groupImportLines([
      line(2, {}),
      line(3, { stageStart: '01/10/2025' }),
      line(4, { stageStart: '01/10/2025' }),
      line(5, { firstName: 'Sandra' }),
      line(6, { referralDate: '01/02/2026', stageStart: '01/02/2026' }),
    ]);
    expect(problems.map((p) => [p.line, p.field, p.code, p.params])).toEqual([
      [4, 'stageKind', 'STAGE_REPEATED', { other: 3 }],
      [5, 'firstName', 'IDENTITY_DIFFERS', { other: 2 }],
    ]);
    expect(people).toHaveLength(1);
    expect(people[0]!.pathways.map((p) => [p.first.referralDate, p.stages.length])).toEqual([
      ['2025-09-02', 2],
      ['2026-02-01', 1],
    ]);
  });

  it('gives an imported pathway the status its days tell', () => {
    const today = '2026-12-05';
    expect(importedPathwayStatus({ entryDate: null, exitDate: null, exitKind: null }, today)).toBe('PENDING_ACCREDITATION');
    expect(importedPathwayStatus({ entryDate: '2026-01-05', exitDate: null, exitKind: null }, today)).toBe('ACTIVE');
    expect(importedPathwayStatus({ entryDate: '2026-01-05', exitDate: '2026-10-01', exitKind: ExitKind.ABANDONMENT }, today)).toBe('EXITED');
    expect(importedPathwayStatus({ entryDate: '2026-01-05', exitDate: '2026-10-01', exitKind: ExitKind.JOB_PERMANENT }, today)).toBe('IN_JOB_FOLLOW_UP');
    expect(importedPathwayStatus({ entryDate: '2025-01-05', exitDate: '2025-10-01', exitKind: ExitKind.JOB_PERMANENT }, today)).toBe('CLOSED');
  });
});
