import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addDays,
  addMonths,
  CONSENT_NOTICE_VERSION,
  PositioningStatus,
  ProgrammeActionStatus,
  ProgrammeFunding,
  quarterOf,
  STAGE_KIND_TAXONOMY,
  positioningSharing,
} from '@jalon/domain';
import { arrayLiteral } from '../array-literal';

/**
 * The demo PLIE's programme of actions: trainings and workshops with their operators, sessions,
 * people positioned on them in every state, and the needs referents recorded. Claire
 * (claire@formation.demo, Formations Chartreuse) has proposals to answer and a full session with a
 * waiting list; Marc (animation) sees the programme and the needs; Nadia's people are positioned.
 * People are taken from the referents' generated caseloads (the `rank`-th active person by name),
 * the same on every start. Seeded after the population, in its transaction, as the owner.
 */
type Person = { caseloadOf: string; rank: number };

interface DemoPositioning {
  person: Person;
  status: PositioningStatus;
  /** The stage-scoped consent offered with it (the operator sees it only with one). */
  consent: boolean;
  note?: string;
  reason: string;
}

interface DemoSession {
  startsOn: string;
  endsOn: string;
  communeCode: string;
  places: number;
  positionings: DemoPositioning[];
}

interface DemoAction {
  title: string;
  /** Name of the operator organisation. */
  operator: string;
  kind: string;
  funding: ProgrammeFunding;
  funder?: string;
  targetPublic: string;
  status: ProgrammeActionStatus;
  sessions: DemoSession[];
}

const P = PositioningStatus;
const nadia = (rank: number): Person => ({ caseloadOf: 'nadia@grenoble.demo', rank });
const julien = (rank: number): Person => ({ caseloadOf: 'julien@grenoble.demo', rank });
const amina = (rank: number): Person => ({ caseloadOf: 'amina@grenoble.demo', rank });
const thomas = (rank: number): Person => ({ caseloadOf: 'thomas@grenoble.demo', rank });

interface DemoProgramme {
  tenant: string;
  author: string;
  actions: DemoAction[];
  needs: Array<{ kind: string; communeCode: string; people: number; period: string; author: string; person?: Person; note?: string }>;
}

/**
 * The programme as of `today` (YYYY-MM-DD): sessions coming, one under way, and needs in this
 * quarter and the next, so that the demo shows the same on any day.
 */
export function demoProgramme(today: string): DemoProgramme {
  const day = (offset: number) => addDays(today, offset);
  const thisMonth = today.slice(0, 7);
  const nextMonth = addMonths(today, 1).slice(0, 7);
  const thisQuarter = quarterOf(thisMonth);
  const nextQuarter = quarterOf(addMonths(today, 3).slice(0, 7));
  return {
    tenant: 'grenoble-alpes',
    author: 'marc@grenoble.demo',
    actions: [
      {
        title: 'Préqualification aux métiers du soin et de l’aide à domicile',
        operator: 'Formations Chartreuse',
        kind: 'TRAINING_PRE_QUALIFYING',
        funding: ProgrammeFunding.ESF_OPERATION,
        targetPublic: 'Participants au projet confirmé dans l’aide à la personne, niveau de français B1',
        status: ProgrammeActionStatus.OPEN,
        sessions: [
          {
            startsOn: day(45),
            endsOn: day(120),
            communeCode: '38185',
            places: 2,
            positionings: [
              { person: nadia(0), status: P.PROPOSED, consent: true, reason: 'Projet d’auxiliaire de vie confirmé par une immersion en EHPAD.' },
              { person: nadia(1), status: P.PROPOSED, consent: true, reason: 'Aidante familiale pendant trois ans, veut en faire son métier.' },
              { person: nadia(2), status: P.ACCEPTED, consent: true, reason: 'Très motivée ; mobilité en tram assurée.' },
              { person: julien(0), status: P.ACCEPTED, consent: true, reason: 'Expérience d’agent de service en clinique.' },
              { person: amina(0), status: P.WAITING, consent: true, reason: 'Projet d’aide-soignante à consolider.' },
              {
                person: julien(1),
                status: P.DECLINED,
                consent: true,
                reason: 'Souhaite découvrir le secteur.',
                note: 'Niveau de français à renforcer d’abord : la session FLE lui conviendrait.',
              },
              { person: nadia(3), status: P.WITHDRAWN, consent: true, reason: 'Projet petite enfance.', note: 'A trouvé un CDD de six mois.' },
              { person: amina(1), status: P.PROPOSED, consent: false, reason: 'Accord de partage à recueillir au prochain rendez-vous.' },
            ],
          },
          {
            startsOn: day(-33),
            endsOn: day(55),
            communeCode: '38151',
            places: 10,
            positionings: [{ person: thomas(0), status: P.ACCEPTED, consent: true, reason: 'Reprise d’études après un congé parental.' }],
          },
        ],
      },
      {
        title: 'Français langue étrangère à visée professionnelle',
        operator: 'Langues et Compétences Isère',
        kind: 'TRAINING_LANGUAGE',
        funding: ProgrammeFunding.PLIE,
        targetPublic: 'Personnes allophones, niveaux A1 à A2, en recherche d’emploi',
        status: ProgrammeActionStatus.OPEN,
        sessions: [
          {
            startsOn: day(38),
            endsOn: day(112),
            communeCode: '38151',
            places: 12,
            positionings: [{ person: nadia(4), status: P.PROPOSED, consent: true, reason: 'Niveau A1 à l’oral, projet en restauration.' }],
          },
          { startsOn: day(123), endsOn: day(196), communeCode: '38185', places: 12, positionings: [] },
        ],
      },
      {
        title: 'Atelier numérique : démarches en ligne',
        operator: 'Formations Chartreuse',
        kind: 'SUPPORT_DIGITAL',
        funding: ProgrammeFunding.COMMUNE,
        funder: 'Ville d’Échirolles',
        targetPublic: 'Résidents d’Échirolles éloignés du numérique',
        status: ProgrammeActionStatus.PLANNED,
        sessions: [{ startsOn: day(59), endsOn: day(84), communeCode: '38151', places: 8, positionings: [] }],
      },
    ],
    // « 14 besoins de FLE à Échirolles ce trimestre », and others beside it.
    needs: [
      {
        kind: 'TRAINING_LANGUAGE',
        communeCode: '38151',
        people: 6,
        period: thisQuarter,
        author: 'nadia@grenoble.demo',
        note: 'Liste d’attente de l’association de quartier.',
      },
      { kind: 'TRAINING_LANGUAGE', communeCode: '38151', people: 5, period: thisMonth, author: 'julien@grenoble.demo' },
      { kind: 'TRAINING_LANGUAGE', communeCode: '38151', people: 1, period: thisMonth, author: 'nadia@grenoble.demo', person: nadia(5) },
      { kind: 'TRAINING_LANGUAGE', communeCode: '38151', people: 1, period: thisMonth, author: 'amina@grenoble.demo', person: amina(2) },
      { kind: 'TRAINING_LANGUAGE', communeCode: '38151', people: 1, period: thisQuarter, author: 'amina@grenoble.demo', person: amina(3) },
      {
        kind: 'SUPPORT_MOBILITY',
        communeCode: '38185',
        people: 4,
        period: nextQuarter,
        author: 'thomas@grenoble.demo',
        note: 'Permis B : financement à trouver.',
      },
      { kind: 'SUPPORT_DIGITAL', communeCode: '38169', people: 3, period: nextMonth, author: 'julien@grenoble.demo' },
    ],
  };
}

async function one(em: EntityManager, sql: string, params: unknown[]): Promise<Record<string, string>> {
  const [row] = await em.execute<Array<Record<string, string>>>(sql, params);
  if (!row) throw new Error(`Demo programme: nothing found for ${JSON.stringify(params)}`);
  return row;
}

/** The person, her active pathway and her referent's account. */
function person(em: EntityManager, tenantId: string, who: Person) {
  return one(
    em,
    `select p.id, pw.id as pathway_id, u.id as user_id from participant p join membership m on m.id = p.referent_id join app_user u on u.id = m.user_id
       join pathway pw on pw.participant_id = p.id and pw.status = 'ACTIVE'
      where p.tenant_id = ? and u.email = ? and p.current_status = 'ACTIVE'
      order by p.last_name, p.first_name, p.id offset ? limit 1`,
    [tenantId, who.caseloadOf, who.rank],
  );
}

export async function seedDemoProgramme(em: EntityManager, programme = demoProgramme(new Date().toISOString().slice(0, 10))): Promise<void> {
  const tenantId = (await one(em, `select id from tenant where slug = ?`, [programme.tenant])).id!;
  const authorId = (await one(em, `select id from app_user where email = ?`, [programme.author])).id!;
  const kindId = async (code: string) => (await one(em, `select id from stage_kind where tenant_id = ? and code = ?`, [tenantId, code])).id!;
  const [esf] = await em.execute<Array<{ id: string }>>(`select id from esf_operation where tenant_id = ? order by starts_on desc limit 1`, [tenantId]);
  for (const action of programme.actions) {
    const operatorId = (await one(em, `select id from organisation where tenant_id = ? and name = ?`, [tenantId, action.operator])).id!;
    const category = STAGE_KIND_TAXONOMY.find((k) => k.code === action.kind)!.category;
    // Ids made here, not read back from `returning`: PGlite's driver answers an insert without its rows.
    const actionId = randomUUID();
    const funding = action.funding === ProgrammeFunding.ESF_OPERATION && !esf ? ProgrammeFunding.PLIE : action.funding;
    await em.execute(
      `insert into programme_action (id, created_at, updated_at, tenant_id, title, operator_id, kind_id, funding, esf_operation_id, funder, target_public, status, author_id)
       values (?, now(), now(), ?, ?, ?, ?, ?::programme_funding, ?, ?, ?, ?::programme_action_status, ?)`,
      [
        actionId,
        tenantId,
        action.title,
        operatorId,
        await kindId(action.kind),
        funding,
        funding === ProgrammeFunding.ESF_OPERATION ? esf!.id : null,
        action.funder ?? null,
        action.targetPublic,
        action.status,
        authorId,
      ],
    );
    for (const session of action.sessions) {
      const sessionId = randomUUID();
      await em.execute(
        `insert into programme_session (id, created_at, tenant_id, action_id, starts_on, ends_on, commune_code, places) values (?, now(), ?, ?, ?, ?, ?, ?)`,
        [sessionId, tenantId, actionId, session.startsOn, session.endsOn, session.communeCode, session.places],
      );
      for (const [index, positioning] of session.positionings.entries()) {
        const who = await person(em, tenantId, positioning.person);
        if (positioning.consent) {
          const sharing = positioningSharing(category);
          const consentId = randomUUID();
          await em.execute(
            `insert into consent (id, created_at, tenant_id, participant_id, pathway_id, grantee_organisation_id, effect, data_classes, stage_kinds, purpose, valid_from, status, method, collected_by_id, collected_on, notice_version)
             values (?, now(), ?, ?, ?, ?, 'GRANT', ?::text[], ?::text[], ?::consent_purpose, now() - interval '10 days', 'ACTIVE', 'SIGNED_FORM', ?, current_date - 10, ?)`,
            [
              consentId,
              tenantId,
              who.id,
              who.pathway_id,
              operatorId,
              arrayLiteral(sharing.dataClasses),
              `{${action.kind}}`,
              sharing.purpose,
              who.user_id,
              CONSENT_NOTICE_VERSION,
            ],
          );
          await em.execute(
            `insert into consent_event (id, tenant_id, consent_id, action, at, author_id) values (gen_random_uuid(), ?, ?, 'GRANTED', now() - interval '10 days', ?)`,
            [tenantId, consentId, who.user_id],
          );
        }
        const accepted = positioning.status === P.ACCEPTED;
        const stageId = accepted ? randomUUID() : null;
        if (accepted) {
          const started = session.startsOn <= new Date().toISOString().slice(0, 10);
          await em.execute(
            `insert into stage (id, created_at, tenant_id, pathway_id, kind_id, operator_id, status, planned_start, planned_end, actual_start, shared_summary)
             values (?, now(), ?, ?, ?, ?, ?::stage_status, ?, ?, ?, ?)`,
            [
              stageId,
              tenantId,
              who.pathway_id,
              await kindId(action.kind),
              operatorId,
              started ? 'IN_PROGRESS' : 'PLANNED',
              session.startsOn,
              session.endsOn,
              started ? session.startsOn : null,
              action.title,
            ],
          );
        }
        const answered = positioning.status !== P.PROPOSED && positioning.status !== P.WITHDRAWN;
        await em.execute(
          `insert into positioning (id, created_at, updated_at, tenant_id, session_id, participant_id, pathway_id, reason, status, answer_note, answered_at, waiting_since, stage_id, proposed_by_id)
           values (?, now() - (? * interval '1 day'), now(), ?, ?, ?, ?, ?, ?::positioning_status, ?, ?, ?, ?, ?)`,
          [
            randomUUID(),
            14 - index,
            tenantId,
            sessionId,
            who.id,
            who.pathway_id,
            positioning.reason,
            positioning.status,
            positioning.note ?? null,
            answered ? new Date() : null,
            positioning.status === P.WAITING ? new Date() : null,
            stageId,
            who.user_id,
          ],
        );
      }
    }
  }
  for (const need of programme.needs) {
    const who = need.person ? await person(em, tenantId, need.person) : null;
    const needAuthor = (await one(em, `select id from app_user where email = ?`, [need.author])).id!;
    await em.execute(
      `insert into programme_need (id, created_at, tenant_id, kind_id, commune_code, people, period, quarter, participant_id, note, author_id) values (?, now(), ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        randomUUID(),
        tenantId,
        await kindId(need.kind),
        need.communeCode,
        need.people,
        need.period,
        quarterOf(need.period),
        who?.id ?? null,
        need.note ?? null,
        needAuthor,
      ],
    );
  }
}
