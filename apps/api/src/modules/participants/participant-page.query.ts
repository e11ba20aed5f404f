import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import type { Cursor } from '../../graphql/pagination';
import type { StageRow } from '../stages/stage.type';
import { Participant } from './participant.entity';
import type { ParticipantRow, PathwayRow } from './participant.type';

/** One person of a page: the file, every pathway (latest first) and, when asked, the current pathway's stages. */
export interface ParticipantPageRow extends ParticipantRow {
  pathways: PathwayRow[];
  stages: StageRow[] | null;
}

const PATHWAY_JSON = `json_build_object('id', pw.id, 'number', pw.number, 'status', pw.status, 'referralDate', pw.referral_date, 'entryDate', pw.entry_date,
  'exitDate', pw.exit_date, 'exitKind', pw.exit_kind, 'exitValidated', pw.exit_validated,
  'version', pw.version,
  'esf', (select json_build_object('employmentSituation', r.employment_situation, 'educationLevel', r.education_level, 'disability', r.disability,
    'thirdCountryNational', r.third_country_national, 'foreignBackground', r.foreign_background, 'minority', r.minority, 'homeless', r.homeless,
    'ruralArea', r.rural_area, 'minimumIncome', r.minimum_income,
    'exitJobSearching', r.exit_job_searching, 'exitInTraining', r.exit_in_training, 'exitQualification', r.exit_qualification, 'exitEmployed', r.exit_employed,
    'exitAnsweredOn', r.exit_answered_on, 'sixMonthEmployed', r.six_month_employed, 'sixMonthBetterSituation', r.six_month_better_situation,
    'sixMonthAnsweredOn', r.six_month_answered_on, 'version', r.version) from esf_record r where r.pathway_id = pw.id))`;

const STAGES_JSON = `(select json_agg(json_build_object('id', s.id, 'status', s.status, 'plannedStart', s.planned_start, 'plannedEnd', s.planned_end,
    'actualStart', s.actual_start, 'actualEnd', s.actual_end, 'romeCode', s.rome_code, 'outcome', s.outcome, 'sharedSummary', s.shared_summary,
    'privateNotes', s.private_notes, 'version', s.version,
    'kind', json_build_object('id', k.id, 'code', k.code, 'category', k.category, 'labelFr', k.label_fr, 'labelEn', k.label_en, 'active', k.active),
    'operator', case when so.id is null then null else json_build_object('id', so.id, 'name', so.name, 'kind', so.kind) end,
    'pathway', json_build_object('id', s.pathway_id, 'participant', json_build_object('id', p.id))) order by s.planned_start, s.created_at)
  from stage s join stage_kind k on k.id = s.kind_id left join organisation so on so.id = s.operator_id
  where s.pathway_id = (select cp.id from pathway cp where cp.participant_id = p.id order by cp.number desc limit 1))`;

/**
 * A page of the participants list, its total, pathways and (if `withStages`) stages, in one SQL
 * statement: PostgreSQL builds the JSON, so a page of 70 people and 700 stages costs one round trip
 * and no ORM hydration (issue 4's benchmark). `where` is the list's ORM condition (who the viewer
 * may list, and the filters); row-level security applies to every table read, as for any query.
 */
export async function participantPage(
  em: EntityManager,
  where: QBFilterQuery<Participant>,
  after: Cursor | null,
  limit: number,
  withStages: boolean,
): Promise<{ rows: ParticipantPageRow[]; totalCount: number }> {
  const matching = em.createQueryBuilder(Participant, 'p').select(['p.id', 'p.searchKey']).where(where).getKnexQuery().toSQL();
  const [result] = await em.execute<Array<{ total: number; nodes: ParticipantPageRow[] }>>(
    `with matching as (${matching.sql}),
      page as (select id, search_key from matching ${after ? 'where (search_key, id) > (?, ?)' : ''} order by search_key, id limit ?)
    select (select count(*) from matching)::int as total,
      coalesce((select json_agg(json_build_object('id', p.id, 'firstName', p.first_name, 'lastName', p.last_name, 'searchKey', p.search_key,
          'birthDate', p.birth_date, 'gender', p.gender, 'phone', p.phone, 'email', p.email, 'addressLine', p.address_line, 'postcode', p.postcode,
          'communeCode', p.commune_code, 'priorityDistrictCode', p.priority_district_code, 'version', p.version, 'updatedAt', p.updated_at,
          'referent', json_build_object('id', m.id, 'user', json_build_object('id', m.user_id), 'organisation', json_build_object('name', ro.name)),
          'pathways', (select json_agg(${PATHWAY_JSON} order by pw.number desc) from pathway pw where pw.participant_id = p.id),
          'stages', ${withStages ? `coalesce(${STAGES_JSON}, '[]')` : 'null'}) order by page.search_key, page.id)
        from page join participant p on p.id = page.id join membership m on m.id = p.referent_id
          join organisation ro on ro.id = m.organisation_id), '[]') as nodes`,
    [...matching.bindings, ...(after ? [after.key, after.id] : []), limit],
  );
  const rows = result!.nodes.map((row) => Object.assign(row, { updatedAt: new Date(row.updatedAt) }));
  return { rows, totalCount: result!.total };
}
