import type { EntityManager } from '@mikro-orm/postgresql';
import type { EsfExportParticipant } from '@jalon/domain';
import { arrayLiteral } from '../../db/array-literal';

/** A line's source: the participant's data as the layout writes it, and the fingerprint of her last accepted line, if any. */
export type EsfLineSource = EsfExportParticipant & { participantId: string; acceptedFingerprint: string | null };

/**
 * The lines of an operation's file for the managing authority: each pathway of the operation
 * (a participation of one day or less is not one), with what the layout writes. Read for the
 * validation and the file themselves, which are line by line by nature; never for a count.
 */
export function esfExportParticipants(em: EntityManager, tenantId: string, operationId: string): Promise<EsfLineSource[]> {
  return em.execute(
    `select p.id as "participantId", pw.id as reference, o.file_number as "fileNumber", p.last_name as "lastName", p.first_name as "firstName",
            to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", p.gender::text as gender, to_char(pw.entry_date, 'YYYY-MM-DD') as "entryDate",
            to_char(pw.exit_date, 'YYYY-MM-DD') as "exitDate", r.employment_situation::text as "employmentSituation", r.education_level as "educationLevel",
            r.disability::text as disability, r.third_country_national::text as "thirdCountryNational", r.foreign_background::text as "foreignBackground",
            r.minority::text as minority, r.homeless::text as homeless, r.rural_area::text as "ruralArea",
            r.exit_job_searching::text as "exitJobSearching", r.exit_in_training::text as "exitInTraining", r.exit_qualification::text as "exitQualification",
            r.exit_employed::text as "exitEmployed", to_char(r.exit_answered_on, 'YYYY-MM-DD') as "exitAnsweredOn",
            accepted.fingerprint as "acceptedFingerprint"
       from esf_record r join esf_operation o on o.id = r.operation_id join pathway pw on pw.id = r.pathway_id join participant p on p.id = pw.participant_id
       -- Each pathway's last accepted line in this operation, in one pass over the operation's exports (a line sent
       -- for another operation has another file number, so it never matches anyway).
       left join (select distinct on (l.pathway_id) l.pathway_id, l.fingerprint
                    from esf_export_line l join esf_export e on e.id = l.export_id
                   where e.operation_id = ? and l.outcome = 'ACCEPTED'
                   order by l.pathway_id, e.created_at desc) accepted on accepted.pathway_id = pw.id
      where r.tenant_id = ? and r.operation_id = ? and pw.entry_date is not null and (pw.exit_date is null or pw.exit_date > pw.entry_date)
      order by p.last_name, p.first_name, pw.number`,
    [operationId, tenantId, operationId],
  );
}

// Lists travel as one JSON parameter: the query builder would spread a JS array into a list, and
// free text (a CSV line, a rejection reason) has no safe PostgreSQL array literal.

/** The lines of an export as written, in one statement whatever their number. */
export async function insertExportLines(
  em: EntityManager,
  tenantId: string,
  exportId: string,
  lines: ReadonlyArray<{ pathwayId: string; content: string; fingerprint: string }>,
): Promise<void> {
  await em.execute(
    `insert into esf_export_line (export_id, line_number, tenant_id, pathway_id, content, fingerprint)
     select ?, n, ?, (line->>'pathwayId')::uuid, line->>'content', line->>'fingerprint'
       from jsonb_array_elements(?::jsonb) with ordinality as l(line, n)`,
    [exportId, tenantId, JSON.stringify(lines)],
  );
}

/** The identifiers an export wrote (its pathways) and their line numbers, to match the authority's error file against. */
export async function exportedReferences(em: EntityManager, exportId: string): Promise<Map<string, number>> {
  const rows = await em.execute<Array<{ reference: string; line: number }>>(
    `select pathway_id as reference, line_number as line from esf_export_line where export_id = ?`,
    [exportId],
  );
  return new Map(rows.map((row) => [row.reference, row.line]));
}

/** The lines of an export, in the order they were written. */
export async function exportedLines(em: EntityManager, exportId: string): Promise<Array<{ reference: string; content: string }>> {
  return em.execute(`select pathway_id as reference, content from esf_export_line where export_id = ? order by line_number`, [exportId]);
}

/**
 * The authority's answer to an export, in one statement: the lines it names are rejected with
 * their reason, every other line of the export is accepted. The reasons travel as one JSON object
 * keyed by line number, read per line: one pass over the export, whatever the table's statistics.
 */
export async function recordLineOutcomes(em: EntityManager, exportId: string, rejections: ReadonlyArray<{ line: number; reason: string }>): Promise<void> {
  await em.execute(
    `update esf_export_line l
        set rejection_reason = r.reasons ->> l.line_number::text,
            outcome = case when r.reasons ->> l.line_number::text is null then 'ACCEPTED' else 'REJECTED' end::esf_line_outcome
       from (select ?::jsonb as reasons) r
      where l.export_id = ?`,
    [JSON.stringify(Object.fromEntries(rejections.map(({ line, reason }) => [line, reason]))), exportId],
  );
}

/**
 * Each pathway's open rejection: the authority's latest answer about it was a rejection. It stays
 * open until a later export of that person is accepted. Filter it on `r.pathway_id` (the planner
 * pushes that condition into the DISTINCT ON).
 */
export const OPEN_ESF_REJECTIONS = `(select * from (
    select distinct on (l.pathway_id) l.pathway_id, l.outcome, l.rejection_reason as reason, e.created_at as exported_at, o.file_number
      from esf_export_line l join esf_export e on e.id = l.export_id join esf_operation o on o.id = e.operation_id
     where l.outcome is not null
     order by l.pathway_id, e.created_at desc) latest where latest.outcome = 'REJECTED')`;

export interface OpenEsfRejection {
  pathwayId: string;
  reason: string;
  exportedAt: Date;
  fileNumber: string;
}

export async function openEsfRejections(em: EntityManager, pathwayIds: readonly string[]): Promise<OpenEsfRejection[]> {
  const rows = await em.execute<Array<Omit<OpenEsfRejection, 'exportedAt'> & { exportedAt: Date | string }>>(
    `select r.pathway_id as "pathwayId", r.reason, r.exported_at as "exportedAt", r.file_number as "fileNumber"
       from ${OPEN_ESF_REJECTIONS} r where r.pathway_id = any(?::uuid[])`,
    [arrayLiteral(pathwayIds)],
  );
  // A timestamp from raw SQL is a string on PostgreSQL's driver (a Date on the embedded database).
  return rows.map((row) => ({ ...row, exportedAt: new Date(row.exportedAt) }));
}

/** The lines the authority rejected in an export, with whose they are, in the file's order. */
export function rejectedLines(
  em: EntityManager,
  exportId: string,
): Promise<Array<{ participantId: string; lastName: string; firstName: string; reason: string }>> {
  return em.execute(
    `select p.id as "participantId", p.last_name as "lastName", p.first_name as "firstName", l.rejection_reason as reason
       from esf_export_line l join pathway pw on pw.id = l.pathway_id join participant p on p.id = pw.participant_id
      where l.export_id = ? and l.outcome = 'REJECTED' order by l.line_number`,
    [exportId],
  );
}
