import { describe, expect, it } from 'vitest';
import { EmploymentSituation, EsfAnswer, Gender } from './esf-entry';
import { CURRENT_ESF_EXPORT_LAYOUT as LAYOUT, esfExportCells, esfExportProblems, esfRejections, type EsfExportParticipant } from './esf-export-layout';

const complete: EsfExportParticipant = {
  reference: 'P-0001',
  fileNumber: '202300871',
  lastName: 'Martin',
  firstName: 'Léa',
  birthDate: '1990-06-01',
  gender: Gender.WOMAN,
  entryDate: '2025-02-01',
  exitDate: null,
  employmentSituation: EmploymentSituation.LONG_TERM_UNEMPLOYED,
  educationLevel: 3,
  disability: EsfAnswer.REFUSED,
  thirdCountryNational: EsfAnswer.NO,
  foreignBackground: EsfAnswer.NO,
  minority: EsfAnswer.NO,
  homeless: EsfAnswer.NO,
  ruralArea: EsfAnswer.NO,
  exitJobSearching: null,
  exitInTraining: null,
  exitQualification: null,
  exitEmployed: null,
  exitAnsweredOn: null,
};

describe('the managing authority layout', () => {
  it('writes the entry block with dates JJ/MM/AAAA and the code lists, the exit block empty until the exit', () => {
    expect(esfExportCells(LAYOUT, complete)).toEqual([
      '202300871', 'P-0001', 'Martin', 'Léa', '01/06/1990', 'F', '01/02/2025', 'CHOMEUR_LD', 'CITE_3_4',
      'NSP', 'N', 'N', 'N', 'N', 'N',
      '', '', '', '', '',
    ]); // prettier-ignore
    expect(esfExportProblems(LAYOUT, complete)).toEqual([]);
  });

  it('writes the exit block once the person left, and refuses it incomplete', () => {
    const left = { ...complete, exitDate: '2025-09-30', exitEmployed: EsfAnswer.YES, exitJobSearching: EsfAnswer.NO, exitAnsweredOn: '2025-10-10' };
    expect(esfExportCells(LAYOUT, left).slice(-5)).toEqual(['30/09/2025', 'N', '', '', 'O']);
    expect(esfExportProblems(LAYOUT, left).map((p) => [p.header, p.kind])).toEqual([
      ['SORTIE_FORMATION', 'MISSING'],
      ['SORTIE_QUALIFICATION', 'MISSING'],
    ]);
  });

  it('lists every reason a line would be rejected: missing items, contradictory dates, a questionnaire after four weeks', () => {
    const wrong = { ...complete, gender: null, educationLevel: null, exitDate: '2025-01-15', exitAnsweredOn: '2025-03-01' };
    const kinds = esfExportProblems(LAYOUT, wrong).map((p) => `${p.header}:${p.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['SEXE:MISSING', 'NIVEAU_CITE:MISSING', 'DATE_SORTIE:EXIT_BEFORE_ENTRY', 'SORTIE_EMPLOI:EXIT_ANSWERED_LATE']));
  });
});

describe("the authority's error file", () => {
  const exported = new Set(['P-0001', 'P-0002', 'P-0003']);

  it('matches each rejected line to the line the export wrote, whatever the order of the columns, blank lines skipped', () => {
    const rows = [
      ['MOTIF_REJET', 'NUM_DOSSIER', 'ID_PARTICIPANT'],
      ['Date de naissance invalide', '202300871', 'P-0002'],
      ['', '', ''],
      ['Niveau CITE absent', '202300871', 'P-0003'],
    ];
    expect(esfRejections(LAYOUT, rows, exported)).toEqual({
      rejections: [
        { line: 2, reference: 'P-0002', reason: 'Date de naissance invalide' },
        { line: 4, reference: 'P-0003', reason: 'Niveau CITE absent' },
      ],
    });
    expect(esfRejections(LAYOUT, [['ID_PARTICIPANT', 'MOTIF_REJET']], exported)).toEqual({ rejections: [] });
  });

  it('refuses a foreign file, an incomplete line or a person the export did not hold, naming why', () => {
    expect(
      esfRejections(
        LAYOUT,
        [
          ['NOM', 'PRENOM'],
          ['Martin', 'Léa'],
        ],
        exported,
      ),
    ).toEqual({ problem: { kind: 'MISSING_COLUMN', column: 'ID_PARTICIPANT' } });
    expect(esfRejections(LAYOUT, [['ID_PARTICIPANT'], ['P-0001']], exported)).toEqual({ problem: { kind: 'MISSING_COLUMN', column: 'MOTIF_REJET' } });
    expect(
      esfRejections(
        LAYOUT,
        [
          ['ID_PARTICIPANT', 'MOTIF_REJET'],
          ['P-0001', 'x'],
          ['P-0002', ''],
        ],
        exported,
      ),
    ).toEqual({
      problem: { kind: 'LINE_INCOMPLETE', line: 3 },
    });
    expect(
      esfRejections(
        LAYOUT,
        [
          ['ID_PARTICIPANT', 'MOTIF_REJET'],
          ['P-9999', 'x'],
        ],
        exported,
      ),
    ).toEqual({
      problem: { kind: 'UNKNOWN_REFERENCE', line: 2, reference: 'P-9999' },
    });
  });
});
