import { randomUUID } from 'node:crypto';
import {
  addMonths,
  defaultOperationFor,
  FOLLOW_UP_CHECK_IN_MONTHS,
  importedPathwayStatus,
  importedStageStatus,
  PathwayStatus,
  type ImportLine,
} from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { activeMembership } from '../../access/tenant-scope';
import { listOperations } from '../esf/default-operation';
import { diff } from '../participants/participant-history';
import type { FieldChange } from '../participants/participant-change.entity';
import { searchKeyOf } from '../participants/participant.validation';
import { pathwayKey, personKey, stageKey, type CheckedFile } from './import-check';
import { highestPathwayNumbers, insertRows, updateCurrentStatuses, type Row } from './import.query';

export interface Written {
  participants: number;
  pathways: number;
  stages: number;
}

/**
 * Writes what the dry run planned: the people new to this source, their pathways (with their ESF+
 * record, in the operation of their entry day) and stages, each with its entry in the file's
 * history as a create by hand has, and the key of each, so the same lines imported again find
 * them. Runs in the request's transaction: a failure anywhere leaves nothing written.
 */
export async function writeImport(
  ctx: RequestContext,
  source: string,
  checked: CheckedFile,
  onProgress: (done: number, total: number) => void,
): Promise<Written> {
  const tenantId = activeMembership(ctx).tenantId;
  const authorId = ctx.actor!.userId;
  const at = ctx.now.toISOString();
  const today = checked.lookups.today;
  const operations = await listOperations(ctx);
  const base = () => ({ id: randomUUID(), tenant_id: tenantId, created_at: at, version: 1 });

  const participants: Row[] = [];
  const pathways: Row[] = [];
  const records: Row[] = [];
  const stages: Row[] = [];
  const checkIns: Row[] = [];
  const history: Row[] = [];
  const keys: Row[] = [];
  const statusUpdates: Array<{ id: string; status: string }> = [];
  const change = (participantId: string, action: string, changes: FieldChange[]) =>
    history.push({ id: randomUUID(), tenant_id: tenantId, participant_id: participantId, at, author_id: authorId, action, changes });
  const key = (k: string, participantId: string, pathwayId: string | null, stageId: string | null) =>
    keys.push({ tenant_id: tenantId, source, key: k, created_at: at, participant_id: participantId, pathway_id: pathwayId, stage_id: stageId });

  const numbers = await highestPathwayNumbers(
    ctx.em,
    checked.people.flatMap((person) => checked.existing.get(personKey(person.first))?.participantId ?? []),
  );

  for (const person of checked.people) {
    const first = person.first;
    const latest = person.pathways.at(-1)!.first;
    const latestStatus = importedPathwayStatus(latest, today);
    const known = checked.existing.get(personKey(first));
    const participantId = known?.participantId ?? randomUUID();
    let number = known ? (numbers.get(participantId) ?? 0) : 0;
    if (!known) {
      const referent = checked.lookups.referents.get(first.referentEmail)!;
      participants.push({
        ...base(),
        id: participantId,
        first_name: first.firstName,
        last_name: first.lastName,
        search_key: searchKeyOf(first.lastName, first.firstName),
        birth_date: first.birthDate,
        gender: first.gender,
        phone: first.phone,
        email: first.email,
        address_line: first.addressLine,
        postcode: first.postcode,
        commune_code: first.communeCode,
        referent_id: referent.membershipId,
        current_status: latestStatus,
        updated_at: at,
      });
      const { line, externalId, referentEmail, stage, referralDate, ...shown } = first;
      change(participantId, 'participant.created', diff({}, { ...identityOf(shown), referent: referent.displayName, referralDate, importedFrom: source }));
      key(personKey(first), participantId, null, null);
    }
    let opened = false;
    for (const pathway of person.pathways) {
      const line = pathway.first;
      const knownPathway = checked.existing.get(pathwayKey(line));
      let pathwayId = knownPathway?.pathwayId ?? null;
      if (!pathwayId) {
        pathwayId = randomUUID();
        number++;
        opened = true;
        const status = importedPathwayStatus(line, today);
        pathways.push({
          ...base(),
          id: pathwayId,
          participant_id: participantId,
          number,
          status,
          referral_date: line.referralDate,
          entry_date: line.entryDate,
          exit_date: line.exitDate,
          exit_kind: line.exitKind,
        });
        records.push({
          ...base(),
          pathway_id: pathwayId,
          operation_id: line.entryDate ? (defaultOperationFor(line.entryDate, operations)?.id ?? null) : null,
          employment_situation: line.employmentSituation,
          education_level: line.educationLevel,
          updated_at: at,
        });
        // A recent job exit opens the in-job follow-up, its check-ins due as after an exit by hand.
        if (status === PathwayStatus.IN_JOB_FOLLOW_UP) {
          for (const months of FOLLOW_UP_CHECK_IN_MONTHS)
            checkIns.push({ ...base(), pathway_id: pathwayId, months_after_exit: months, due_on: addMonths(line.exitDate!, months) });
        }
        const pathwayChanges = diff(
          {},
          { number, referralDate: line.referralDate, entryDate: line.entryDate, exitDate: line.exitDate, exitKind: line.exitKind, status },
        );
        change(participantId, 'pathway.opened', pathwayChanges);
        key(pathwayKey(line), participantId, pathwayId, null);
      }
      for (const stageLine of pathway.stages) {
        if (checked.existing.has(stageKey(stageLine))) continue;
        const stage = stageLine.stage!;
        const kind = checked.lookups.stageKinds.get(stage.kindCode)!;
        const status = importedStageStatus(stage, today);
        const stageId = randomUUID();
        stages.push({
          ...base(),
          id: stageId,
          pathway_id: pathwayId,
          kind_id: kind.id,
          status,
          planned_start: stage.start,
          planned_end: stage.end,
          actual_start: status === 'PLANNED' ? null : stage.start,
          actual_end: status === 'COMPLETED' ? stage.end : null,
        });
        change(participantId, 'stage.added', [
          { field: 'kind', before: null, after: kind.labelFr },
          ...diff({}, { plannedStart: stage.start, plannedEnd: stage.end, status }),
        ]);
        key(stageKey(stageLine), participantId, pathwayId, stageId);
      }
    }
    // A person already imported who gets a newer pathway takes its status, as a re-entry by hand does.
    if (known && opened) statusUpdates.push({ id: participantId, status: latestStatus });
  }

  const tables: Array<[string, Record<string, string>, Row[]]> = [
    ['participant', PARTICIPANT_COLUMNS, participants],
    ['pathway', PATHWAY_COLUMNS, pathways],
    ['esf_record', ESF_RECORD_COLUMNS, records],
    ['follow_up_check_in', CHECK_IN_COLUMNS, checkIns],
    ['stage', STAGE_COLUMNS, stages],
    ['participant_change', HISTORY_COLUMNS, history],
    ['import_key', KEY_COLUMNS, keys],
  ];
  const total = tables.reduce((sum, [, , rows]) => sum + rows.length, 0);
  let done = 0;
  for (const [table, columns, rows] of tables) await insertRows(ctx.em, table, columns, rows, (count) => onProgress((done += count), total));
  await updateCurrentStatuses(ctx.em, at, statusUpdates);
  return { participants: participants.length, pathways: pathways.length, stages: stages.length };
}

function identityOf(line: Omit<ImportLine, 'line' | 'externalId' | 'referentEmail' | 'stage' | 'referralDate'>) {
  return {
    firstName: line.firstName,
    lastName: line.lastName,
    birthDate: line.birthDate,
    gender: line.gender,
    email: line.email,
    phone: line.phone,
    addressLine: line.addressLine,
    postcode: line.postcode,
    communeCode: line.communeCode,
  };
}

const OWNED = { id: 'uuid', tenant_id: 'uuid', created_at: 'timestamptz', version: 'int' };
const PARTICIPANT_COLUMNS = {
  ...OWNED,
  first_name: 'text',
  last_name: 'text',
  search_key: 'text',
  birth_date: 'date',
  gender: 'gender',
  phone: 'text',
  email: 'text',
  address_line: 'text',
  postcode: 'text',
  commune_code: 'text',
  referent_id: 'uuid',
  current_status: 'pathway_status',
  updated_at: 'timestamptz',
};
const PATHWAY_COLUMNS = {
  ...OWNED,
  participant_id: 'uuid',
  number: 'int',
  status: 'pathway_status',
  referral_date: 'date',
  entry_date: 'date',
  exit_date: 'date',
  exit_kind: 'exit_kind',
};
const ESF_RECORD_COLUMNS = {
  ...OWNED,
  pathway_id: 'uuid',
  operation_id: 'uuid',
  employment_situation: 'employment_situation',
  education_level: 'smallint',
  updated_at: 'timestamptz',
};
const STAGE_COLUMNS = {
  ...OWNED,
  pathway_id: 'uuid',
  kind_id: 'uuid',
  status: 'stage_status',
  planned_start: 'date',
  planned_end: 'date',
  actual_start: 'date',
  actual_end: 'date',
};
const CHECK_IN_COLUMNS = { ...OWNED, pathway_id: 'uuid', months_after_exit: 'smallint', due_on: 'date' };
const HISTORY_COLUMNS = { id: 'uuid', tenant_id: 'uuid', participant_id: 'uuid', at: 'timestamptz', author_id: 'uuid', action: 'text', changes: 'jsonb' };
const KEY_COLUMNS = { tenant_id: 'uuid', source: 'text', key: 'text', created_at: 'timestamptz', participant_id: 'uuid', pathway_id: 'uuid', stage_id: 'uuid' };
