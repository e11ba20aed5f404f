import type { EntityManager } from '@mikro-orm/postgresql';
import type { EsfExportParticipant } from '@jalon/domain';

/**
 * The lines of an operation's file for the managing authority: each pathway of the operation
 * (a participation of one day or less is not one), with what the layout writes. Read for the
 * validation and the file themselves, which are line by line by nature; never for a count.
 */
export function esfExportParticipants(
  em: EntityManager,
  tenantId: string,
  operationId: string,
): Promise<Array<EsfExportParticipant & { participantId: string }>> {
  return em.execute(
    `select p.id as "participantId", pw.id as reference, o.file_number as "fileNumber", p.last_name as "lastName", p.first_name as "firstName",
            to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", p.gender::text as gender, to_char(pw.entry_date, 'YYYY-MM-DD') as "entryDate",
            to_char(pw.exit_date, 'YYYY-MM-DD') as "exitDate", r.employment_situation::text as "employmentSituation", r.education_level as "educationLevel",
            r.disability::text as disability, r.third_country_national::text as "thirdCountryNational", r.foreign_background::text as "foreignBackground",
            r.minority::text as minority, r.homeless::text as homeless, r.rural_area::text as "ruralArea",
            r.exit_job_searching::text as "exitJobSearching", r.exit_in_training::text as "exitInTraining", r.exit_qualification::text as "exitQualification",
            r.exit_employed::text as "exitEmployed", to_char(r.exit_answered_on, 'YYYY-MM-DD') as "exitAnsweredOn"
       from esf_record r join esf_operation o on o.id = r.operation_id join pathway pw on pw.id = r.pathway_id join participant p on p.id = pw.participant_id
      where r.tenant_id = ? and r.operation_id = ? and pw.entry_date is not null and (pw.exit_date is null or pw.exit_date > pw.entry_date)
      order by p.last_name, p.first_name, pw.number`,
    [tenantId, operationId],
  );
}
