import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ExitKind, Gender } from '@jalon/domain';
import { searchKeyOf } from '../../modules/participants/participant.validation';

/**
 * Old closed files for the retention screens (marc@grenoble.demo, isabelle@clermont.demo): people
 * whose last pathway closed years ago (the dry run lists them to move to the archive), and one
 * file archived long ago, in no ESF+ operation (the dry run lists it to anonymise). Seeded after
 * the population, in its transaction, as the owner; ids made here (PGlite answers no `returning`).
 */
interface OldFile {
  tenant: string;
  referent: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: Gender;
  communeCode: string;
  entryDate: string;
  closedOn: string;
  exitKind: ExitKind;
  archivedOn?: string;
}

const OLD_FILES: readonly OldFile[] = [
  {
    tenant: 'grenoble-alpes',
    referent: 'nadia@grenoble.demo',
    firstName: 'Gérard',
    lastName: 'Aubertin',
    birthDate: '1966-04-12',
    gender: Gender.MAN,
    communeCode: '38185',
    entryDate: '2019-02-04',
    closedOn: '2021-06-30',
    exitKind: ExitKind.JOB_PERMANENT,
  },
  {
    tenant: 'grenoble-alpes',
    referent: 'nadia@grenoble.demo',
    firstName: 'Sylvie',
    lastName: 'Morand',
    birthDate: '1978-11-03',
    gender: Gender.WOMAN,
    communeCode: '38151',
    entryDate: '2020-01-13',
    closedOn: '2022-03-15',
    exitKind: ExitKind.ABANDONMENT,
  },
  {
    tenant: 'grenoble-alpes',
    referent: 'amina@grenoble.demo',
    firstName: 'Rachid',
    lastName: 'Haddad',
    birthDate: '1989-07-21',
    gender: Gender.MAN,
    communeCode: '38421',
    entryDate: '2020-09-07',
    closedOn: '2023-05-31',
    exitKind: ExitKind.QUALIFYING_TRAINING,
  },
  {
    tenant: 'grenoble-alpes',
    referent: 'samira@grenoble.demo',
    firstName: 'Josiane',
    lastName: 'Perrin',
    birthDate: '1961-02-27',
    gender: Gender.WOMAN,
    communeCode: '38185',
    entryDate: '2016-03-01',
    closedOn: '2018-04-30',
    exitKind: ExitKind.REORIENTATION,
    archivedOn: '2020-05-02',
  },
  {
    tenant: 'clermont-auvergne',
    referent: 'yasmine@clermont.demo',
    firstName: 'Bernard',
    lastName: 'Vidal',
    birthDate: '1970-09-09',
    gender: Gender.MAN,
    communeCode: '63113',
    entryDate: '2019-05-06',
    closedOn: '2022-01-31',
    exitKind: ExitKind.JOB_FIXED_TERM_6_MONTHS_PLUS,
  },
];

export async function seedDemoRetention(em: EntityManager, files: readonly OldFile[] = OLD_FILES): Promise<void> {
  for (const file of files) {
    const [referent] = await em.execute<Array<{ id: string; tenant_id: string }>>(
      `select m.id, m.tenant_id from membership m join app_user u on u.id = m.user_id join tenant t on t.id = m.tenant_id where u.email = ? and t.slug = ?`,
      [file.referent, file.tenant],
    );
    if (!referent) throw new Error(`Demo retention: no referent ${file.referent} in ${file.tenant}`);
    const participantId = randomUUID();
    await em.execute(
      `insert into participant (id, created_at, updated_at, tenant_id, first_name, last_name, search_key, birth_date, gender, commune_code, referent_id, current_status, archived_on)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?::gender, ?, ?, 'CLOSED', ?)`,
      [
        participantId,
        file.entryDate,
        file.closedOn,
        referent.tenant_id,
        file.firstName,
        file.lastName,
        searchKeyOf(file.lastName, file.firstName),
        file.birthDate,
        file.gender,
        file.communeCode,
        referent.id,
        file.archivedOn ?? null,
      ],
    );
    await em.execute(
      `insert into pathway (id, created_at, tenant_id, participant_id, number, status, referral_date, entry_date, exit_date, exit_kind, closed_on)
       values (?, ?, ?, ?, 1, 'CLOSED', ?, ?, ?, ?::exit_kind, ?)`,
      [randomUUID(), file.entryDate, referent.tenant_id, participantId, file.entryDate, file.entryDate, file.closedOn, file.exitKind, file.closedOn],
    );
  }
}
