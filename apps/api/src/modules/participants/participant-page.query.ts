import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-statement';
import type { Cursor } from '../../graphql/pagination';
import type { StageKindRow, StageRow } from '../stages/stage.type';
import { Participant } from './participant.entity';
import type { ParticipantRow, PathwayRow } from './participant.type';

/** The columns a page reads only when the query asks for them (PARTICIPANT_COLUMNS). */
type AskedColumns = 'birthDate' | 'gender' | 'phone' | 'email' | 'addressLine' | 'postcode' | 'communeCode' | 'priorityDistrictCode' | 'version' | 'updatedAt';

/**
 * One person of a page: the columns asked for, every pathway (latest first) or only the current
 * one, and, when asked, the current pathway's stages. The referent's user and organisation come
 * only when the query asks for them.
 */
export interface ParticipantPageRow extends Omit<ParticipantRow, 'referent' | AskedColumns>, Partial<Pick<ParticipantRow, AskedColumns>> {
  referent: { id: string } & Partial<Pick<ParticipantRow['referent'], 'user' | 'organisation'>>;
  pathways: PathwayRow[];
  stages: StageRow[] | null;
}

/** A row as the statement gives it: each stage an array of its columns (stageColumns), its pathway the person's current one. */
type PageRowAsRead = Omit<ParticipantPageRow, 'stages'> & { stages: unknown[][] | null };

/**
 * What the query asks of the list, so the statement reads only that: PostgreSQL then builds a
 * third of the JSON (issue 15). What consent decides on is always read: the ids, the stage's kind
 * and operator, the participant's referent (canEdit).
 */
export interface PageShape {
  /** The referent's name and organisation (`referent`). */
  referent: boolean;
  /** The pathways' ESF+ items (the ESF+ fields of `currentPathway` or `pathways`). */
  esf: boolean;
  /** The fields asked of `stages`; null when no stage is asked for. */
  stages: ReadonlySet<string> | null;
  /** The person's columns to read, by the field of ParticipantType or PathwayType that needs them. */
  fields: ReadonlySet<string>;
  /** Every pathway (`pathways`), or only the current one. */
  allPathways: boolean;
}

/**
 * A person's columns by the GraphQL field that shows them (ParticipantType) or reads them (a
 * pathway's `missingEsfFields` checks the gender and birth date); the id, names and search key
 * are always read.
 */
const PARTICIPANT_COLUMNS: Record<string, string[]> = {
  birthDate: [`'birthDate', p.birth_date`],
  gender: [`'gender', p.gender`],
  phone: [`'phone', p.phone`],
  email: [`'email', p.email`],
  addressLine: [`'addressLine', p.address_line`],
  postcode: [`'postcode', p.postcode`],
  communeCode: [`'communeCode', p.commune_code`],
  communeName: [`'communeCode', p.commune_code`],
  priorityDistrictCode: [`'priorityDistrictCode', p.priority_district_code`],
  version: [`'version', p.version`],
  updatedAt: [`'updatedAt', p.updated_at`],
  missingEsfFields: [`'gender', p.gender`, `'birthDate', p.birth_date`],
};

/** The person's pathways, latest first: all of them, or only the current one when `pathways` is not asked for. */
function pathwaysJson(shape: PageShape): string {
  return shape.allPathways
    ? `(select json_agg(${pathwayJson(shape)} order by pw.number desc) from pathway pw where pw.participant_id = p.id)`
    : `case when pw.id is null then null else json_build_array(${pathwayJson(shape)}) end`;
}

const ESF_JSON = `'esf', (select json_build_object('employmentSituation', r.employment_situation, 'educationLevel', r.education_level, 'disability', r.disability,
    'thirdCountryNational', r.third_country_national, 'foreignBackground', r.foreign_background, 'minority', r.minority, 'homeless', r.homeless,
    'ruralArea', r.rural_area, 'minimumIncome', r.minimum_income,
    'exitJobSearching', r.exit_job_searching, 'exitInTraining', r.exit_in_training, 'exitQualification', r.exit_qualification, 'exitEmployed', r.exit_employed,
    'exitAnsweredOn', r.exit_answered_on, 'sixMonthEmployed', r.six_month_employed, 'sixMonthBetterSituation', r.six_month_better_situation,
    'sixMonthAnsweredOn', r.six_month_answered_on, 'version', r.version) from esf_record r where r.pathway_id = pw.id)`;

function pathwayJson(shape: PageShape): string {
  return `json_build_object('id', pw.id, 'number', pw.number, 'status', pw.status, 'referralDate', pw.referral_date, 'entryDate', pw.entry_date,
    'exitDate', pw.exit_date, 'exitKind', pw.exit_kind, 'exitValidated', pw.exit_validated, 'version', pw.version${shape.esf ? `, ${ESF_JSON}` : ''})`;
}

function referentJson(shape: PageShape): string {
  const named = `(select json_build_object('id', m.id, 'user', json_build_object('id', m.user_id), 'organisation', json_build_object('name', ro.name))
    from membership m join organisation ro on ro.id = m.organisation_id where m.id = p.referent_id)`;
  const idOnly = `json_build_object('id', p.referent_id)`;
  return shape.referent ? `coalesce(${named}, ${idOnly})` : idOnly;
}

/** A stage's columns by the GraphQL field that shows them (StageType), as [property, SQL]. */
const STAGE_COLUMNS: Record<string, [string, string]> = {
  plannedEnd: ['plannedEnd', 's.planned_end'],
  actualStart: ['actualStart', 's.actual_start'],
  actualEnd: ['actualEnd', 's.actual_end'],
  romeCode: ['romeCode', 's.rome_code'],
  romeLabel: ['romeCode', 's.rome_code'],
  outcome: ['outcome', 's.outcome'],
  sharedSummary: ['sharedSummary', 's.shared_summary'],
  privateNotes: ['privateNotes', 's.private_notes'],
  version: ['version', 's.version'],
};

/**
 * The columns read of each stage: its id, status, planned start, kind's id and operator always
 * (consent decides on the kind and operator), the others when asked; the operator's name only when
 * asked, its id always.
 */
function stageColumns(fields: ReadonlySet<string>): Array<[string, string]> {
  const asked = new Map([...fields].flatMap((field) => (STAGE_COLUMNS[field] ? [STAGE_COLUMNS[field]] : [])));
  const operator = fields.has('operator')
    ? `(select json_build_object('id', so.id, 'name', so.name, 'kind', so.kind) from organisation so where so.id = s.operator_id)`
    : `case when s.operator_id is null then null else json_build_object('id', s.operator_id) end`;
  return [['id', 's.id'], ['status', 's.status'], ['plannedStart', 's.planned_start'], ['kind', 's.kind_id'], ...asked, ['operator', operator]];
}

/** The tenant's stage kinds by id, once for the page: a catalogue of a few dozen rows. */
const KINDS_JSON = `(select json_object_agg(k.id, json_build_object('id', k.id, 'code', k.code, 'category', k.category, 'labelFr', k.label_fr,
    'labelEn', k.label_en, 'active', k.active)) from stage_kind k)`;

/**
 * The current pathway's stages, each an array of `columns` rather than an object: keys repeated 700
 * times were 40% of the page's JSON, which node-postgres decodes and parses. Each with its kind's
 * id: the kinds themselves are read once for the page (KINDS_JSON), not once per stage (700 lookups
 * were a third of the statement's time).
 */
function stagesJson(columns: Array<[string, string]>): string {
  return `(select json_agg(json_build_array(${columns.map(([, sql]) => sql).join(', ')}) order by s.planned_start, s.created_at)
  from stage s where s.pathway_id = pw.id)`;
}

/**
 * A page of the participants list, its total, pathways and the stages asked for, in one SQL
 * statement shaped to `shape`: PostgreSQL builds the JSON, so a page of 70 people and 700 stages
 * costs one round trip and no ORM hydration (issue 4's benchmark); its values are bound, so its
 * plan is reused (db/bound-statement.ts). `where` is the list's ORM
 * condition (who the viewer may list, and the filters); row-level security applies to every table
 * read, as for any query.
 */
export async function participantPage(
  em: EntityManager,
  where: QBFilterQuery<Participant>,
  after: Cursor | null,
  limit: number,
  shape: PageShape,
): Promise<{ rows: ParticipantPageRow[]; totalCount: number }> {
  const columns = [...new Set([...shape.fields].flatMap((field) => PARTICIPANT_COLUMNS[field] ?? []))];
  const stage = shape.stages && stageColumns(shape.stages);
  const matching = em.createQueryBuilder(Participant, 'p').select('p.*').where(where).getKnexQuery().toSQL();
  const [result] = await boundRows<{ total: number; nodes: PageRowAsRead[]; kinds: Record<string, StageKindRow> | null }>(
    em,
    `with matching as (${matching.sql}),
      page as (select * from matching ${after ? 'where (search_key, id) > (?, ?)' : ''} order by search_key, id limit ?)
    select (select count(*) from matching)::int as total,
      coalesce((select json_agg(json_build_object('id', p.id, 'firstName', p.first_name, 'lastName', p.last_name, 'searchKey', p.search_key,
          ${columns.map((c) => `${c}, `).join('')}'referent', ${referentJson(shape)},
          'pathways', ${pathwaysJson(shape)},
          'stages', ${stage ? `coalesce(${stagesJson(stage)}, '[]')` : 'null'}) order by p.search_key, p.id)
        from page p left join lateral (select * from pathway where participant_id = p.id order by number desc limit 1) pw on true), '[]') as nodes${
          stage ? `, ${KINDS_JSON} as kinds` : ''
        }`,
    [...matching.bindings, ...(after ? [after.key, after.id] : []), limit],
  );
  const kinds = result!.kinds ?? {};
  const place = stage && placesOf(stage);
  const rows = result!.nodes.map((row) => {
    // The stages read are the current pathway's, the first of `pathways` (latest first): not repeated in each stage's JSON.
    const pathway = { id: row.pathways[0]!.id, participant: { id: row.id } };
    return Object.assign(row, {
      updatedAt: row.updatedAt === undefined ? undefined : new Date(row.updatedAt),
      stages: row.stages && row.stages.map((values) => stageOf(place!, values, kinds, pathway)),
    });
  });
  return { rows, totalCount: result!.total };
}

type StageProperty = keyof Omit<StageRow, 'pathway'>;

// Every property of a stage, checked by the compiler: one left out would be read as undefined.
const STAGE_PROPERTIES = Object.keys({
  id: true,
  status: true,
  plannedStart: true,
  kind: true,
  operator: true,
  plannedEnd: true,
  actualStart: true,
  actualEnd: true,
  romeCode: true,
  outcome: true,
  sharedSummary: true,
  privateNotes: true,
  version: true,
} satisfies Record<StageProperty, true>) as StageProperty[];

/** Where each property of a stage is in its array of values (stageColumns' order), -1 when not read. */
function placesOf(columns: Array<[string, string]>): Record<StageProperty, number> {
  return Object.fromEntries(STAGE_PROPERTIES.map((property) => [property, columns.findIndex(([name]) => name === property)])) as Record<StageProperty, number>;
}

const valueAt = (values: unknown[], index: number) => (index < 0 ? undefined : values[index]);

/**
 * A stage of the page from its array of values: its kind is read by id from the page's kinds. Every
 * property written in one literal, so that each of a list's 700 stages is one object of a fixed
 * shape (written one by one under computed names, each stage took twice the bytes).
 */
function stageOf(place: Record<StageProperty, number>, values: unknown[], kinds: Record<string, StageKindRow>, pathway: StageRow['pathway']): StageRow {
  return {
    pathway,
    id: values[place.id] as string,
    status: values[place.status] as StageRow['status'],
    plannedStart: values[place.plannedStart] as string,
    kind: kinds[values[place.kind] as string]!,
    operator: values[place.operator] as StageRow['operator'],
    plannedEnd: valueAt(values, place.plannedEnd) as StageRow['plannedEnd'],
    actualStart: valueAt(values, place.actualStart) as StageRow['actualStart'],
    actualEnd: valueAt(values, place.actualEnd) as StageRow['actualEnd'],
    romeCode: valueAt(values, place.romeCode) as StageRow['romeCode'],
    outcome: valueAt(values, place.outcome) as StageRow['outcome'],
    sharedSummary: valueAt(values, place.sharedSummary) as StageRow['sharedSummary'],
    privateNotes: valueAt(values, place.privateNotes) as StageRow['privateNotes'],
    version: valueAt(values, place.version) as StageRow['version'],
  };
}
