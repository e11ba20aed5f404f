import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ClausePlacementKind, lastDayOf } from '@jalon/domain';
import { storyCalendar } from './story-calendar';

/**
 * The social clauses the demo PLIE facilitates, on its fictitious companies: one on pace, one
 * late, so the business-relations officer (marc@grenoble.demo) opens a list with work in it.
 * People are named ("Kevin Roussel") or taken from a referent's generated caseload (the `rank`-th
 * active person by name whose pathway began before the placement): the population is the same on
 * every start, so are they. Seeded after the population, in its transaction, as the owner.
 */
interface DemoPlacement {
  person: string | { caseloadOf: string; rank: number };
  kind: ClausePlacementKind;
  /** SIRET of the integration company that makes the person available. */
  intermediary?: string;
  position: string;
  startsOn: string;
  endsOn?: string;
  /** Spans of days and the hours done over each. */
  hours: Array<[from: string, to: string, hours: number]>;
}

interface DemoClause {
  tenant: string;
  /** SIRET of the company that won the contract. */
  company: string;
  buyer: string;
  contractName: string;
  reference: string;
  lot: string;
  startsOn: string;
  endsOn: string;
  hoursOwed: number;
  notes?: string;
  author: string;
  placements: DemoPlacement[];
}

/** The demo's clauses, their days moved on to the day it is loaded (story-calendar.ts). */
export function demoClauses(today: string): DemoClause[] {
  const story = storyCalendar(today);
  const day = story.day;
  /** A month's span of days and its hours. */
  const month = (written: string, hours: number, from = '01'): [string, string, number] => {
    const m = story.month(written);
    return [`${m}-${from}`, lastDayOf(m), hours];
  };
  return [
    {
      tenant: 'grenoble-alpes',
      company: '90000000300013',
      buyer: 'Ville de Grenoble',
      contractName: 'Nettoyage des bâtiments municipaux',
      reference: '2026-VDG-0147',
      lot: 'Lot 3 — écoles et gymnases',
      startsOn: day('2026-03-01'),
      endsOn: day('2027-02-28'),
      hoursOwed: 1200,
      notes: 'Clause de 5 % des heures du marché ; bilan trimestriel à envoyer au service commande publique de la Ville.',
      author: 'marc@grenoble.demo',
      placements: [
        {
          person: { caseloadOf: 'julien@grenoble.demo', rank: 0 },
          kind: ClausePlacementKind.DIRECT_HIRE,
          position: 'Agent de propreté (CDD 12 mois, 15 h par semaine)',
          startsOn: day('2026-04-01'),
          hours: ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].map((m) => month(m, 60)),
        },
        {
          person: { caseloadOf: 'julien@grenoble.demo', rank: 1 },
          kind: ClausePlacementKind.TRAINING,
          position: 'Formation agent de propreté et d’hygiène',
          startsOn: day('2026-05-04'),
          endsOn: day('2026-06-26'),
          hours: [month('2026-05', 70, '04'), [day('2026-06-01'), day('2026-06-26'), 70]],
        },
        {
          person: 'Kevin Roussel',
          kind: ClausePlacementKind.MADE_AVAILABLE,
          intermediary: '90000000200015',
          position: 'Agent de propreté en mission',
          startsOn: day('2026-09-07'),
          hours: [month('2026-09', 84, '07'), month('2026-10', 105), month('2026-11', 105)],
        },
      ],
    },
    {
      tenant: 'grenoble-alpes',
      company: '90000000400011',
      buyer: 'Grenoble-Alpes Métropole',
      contractName: 'Collecte et tri des encombrants',
      reference: 'GAM-2025-118',
      lot: 'Lot 1 — déchèteries du sud',
      startsOn: day('2026-01-05'),
      endsOn: day('2026-12-31'),
      hoursOwed: 600,
      notes: 'L’entreprise peine à recruter : relancer la directrice d’entrepôt.',
      author: 'marc@grenoble.demo',
      placements: [
        {
          person: { caseloadOf: 'amina@grenoble.demo', rank: 0 },
          kind: ClausePlacementKind.DIRECT_HIRE,
          position: 'Agent de tri',
          startsOn: day('2026-06-01'),
          hours: ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].map((m) => month(m, 35)),
        },
      ],
    },
  ];
}

async function one(em: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const [row] = await em.execute<Array<{ id: string }>>(sql, params);
  if (!row) throw new Error(`Demo clauses: nothing found for ${JSON.stringify(params)}`);
  return row.id;
}

async function personId(em: EntityManager, tenantId: string, placement: DemoPlacement): Promise<string> {
  if (typeof placement.person === 'string') {
    const [firstName, ...last] = placement.person.split(' ');
    return one(em, `select id from participant where tenant_id = ? and first_name = ? and last_name = ?`, [tenantId, firstName, last.join(' ')]);
  }
  return one(
    em,
    `select p.id from participant p join membership m on m.id = p.referent_id join app_user u on u.id = m.user_id
      where p.tenant_id = ? and u.email = ? and p.current_status = 'ACTIVE'
        and exists (select 1 from pathway pw where pw.participant_id = p.id and pw.status = 'ACTIVE' and pw.entry_date <= ?)
      order by p.last_name, p.first_name, p.id offset ? limit 1`,
    [tenantId, placement.person.caseloadOf, placement.startsOn, placement.person.rank],
  );
}

export async function seedDemoClauses(em: EntityManager, clauses: readonly DemoClause[]): Promise<void> {
  for (const clause of clauses) {
    const tenantId = await one(em, `select id from tenant where slug = ?`, [clause.tenant]);
    const authorId = await one(em, `select id from app_user where email = ?`, [clause.author]);
    const companyId = await one(em, `select id from company where tenant_id = ? and siret = ?`, [tenantId, clause.company]);
    // Ids made here, not read back from `returning`: PGlite's driver answers an insert without its rows.
    const clauseId = randomUUID();
    await em.execute(
      `insert into social_clause (id, created_at, updated_at, tenant_id, company_id, buyer, contract_name, reference, lot, starts_on, ends_on, hours_owed, notes)
       values (?, now(), now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        clauseId,
        tenantId,
        companyId,
        clause.buyer,
        clause.contractName,
        clause.reference,
        clause.lot,
        clause.startsOn,
        clause.endsOn,
        clause.hoursOwed,
        clause.notes ?? null,
      ],
    );
    for (const placement of clause.placements) {
      const intermediaryId = placement.intermediary
        ? await one(em, `select id from company where tenant_id = ? and siret = ?`, [tenantId, placement.intermediary])
        : null;
      const placementId = randomUUID();
      await em.execute(
        `insert into clause_placement (id, created_at, tenant_id, clause_id, participant_id, kind, intermediary_id, position, starts_on, ends_on, author_id)
         values (?, now(), ?, ?, ?, ?::clause_placement_kind, ?, ?, ?, ?, ?)`,
        [
          placementId,
          tenantId,
          clauseId,
          await personId(em, tenantId, placement),
          placement.kind,
          intermediaryId,
          placement.position,
          placement.startsOn,
          placement.endsOn ?? null,
          authorId,
        ],
      );
      for (const [from, to, hours] of placement.hours) {
        await em.execute(
          `insert into clause_hours (id, created_at, tenant_id, placement_id, from_on, to_on, hours, author_id) values (gen_random_uuid(), now(), ?, ?, ?, ?, ?, ?)`,
          [tenantId, placementId, from, to, hours, authorId],
        );
      }
    }
  }
}
