/** Whose activity a report counts: the people of the whole PLIE, of one referent operator, of one referent, or living in one commune. */
export enum ReportScopeKind {
  WHOLE_PLIE = 'WHOLE_PLIE',
  OPERATOR = 'OPERATOR',
  CASELOAD = 'CASELOAD',
  COMMUNE_RESIDENTS = 'COMMUNE_RESIDENTS',
}
