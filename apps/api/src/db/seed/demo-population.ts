import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DAYS_WITHOUT_APPOINTMENT_ALERT,
  defaultOperationFor,
  addDays,
  addMonths,
  AppointmentKind,
  AppointmentMode,
  AppointmentPlace,
  AssistedContractKind,
  Attendance,
  CONSENT_NOTICE_VERSION,
  ConsentEffect,
  ConsentStatus,
  EmploymentSituation,
  EsfAnswer,
  ExitKind,
  FOLLOW_UP_CHECK_IN_MONTHS,
  Gender,
  ObstacleCategory,
  opensInJobFollowUp,
  PathwayStatus,
  POSITIVE_EXITS,
  ReferralStatus,
  SHARING_PRESETS,
  StageStatus,
  TargetTradeStatus,
  TrainingOutcome,
} from '@jalon/domain';
import { closeTradesOf } from '@jalon/reference-data/node';
import { searchKeyOf } from '../../modules/participants/participant.validation';
import type { DemoTenant } from './demo-data';
import { DemoRandom, LAST_NAMES, MEN_FIRST_NAMES, WOMEN_FIRST_NAMES } from './demo-random';
import { seedDemoEsfExports } from './demo-esf-exports';
import { insertRows, type Row } from './insert-rows';
import { arrayLiteral } from '../array-literal';

/**
 * The generated half of the demo: a few hundred people per PLIE, with three years of pathways,
 * stages, appointments, exits, consents and partner reports, on top of the named story of
 * demo-data.ts. Everything is drawn from a fixed seed and written in multi-row INSERTs, so the
 * first start stays quick and every start gives the same PLIE.
 */

/** "Today" of the demo population is the real today: past appointments are held, future ones planned. */
const DAY_MS = 86_400_000;

interface PopulationPlan {
  slug: string;
  seed: number;
  people: number;
  /** Referents (logins of demo-data.ts) and their share of the caseload. */
  referents: Array<{ email: string; weight: number }>;
  /** Communes of residence, by weight; the first has a priority district. */
  communes: Array<readonly [string, number]>;
  priorityDistrict: { code: string; commune: string };
  /** Partner logins writing the reports: organisation key → email. */
  authors: Record<string, string>;
  /** Communes that refer people: organisation key → author email. */
  referringCommunes: Record<string, string>;
  animation: string;
  /** The PLIE's ESF+ operations (a pathway joins the one its entry day falls in). */
  operations: Array<{ fileNumber: string; title: string; startsOn: string; endsOn: string; beneficiary: string }>;
}

const PLANS: PopulationPlan[] = [
  {
    slug: 'grenoble-alpes',
    seed: 38_000,
    people: 700,
    referents: [
      // Nadia carries a slightly larger caseload: she is the referent of the guided tour.
      { email: 'nadia@grenoble.demo', weight: 1.15 },
      ...['julien', 'lea', 'amina', 'thomas', 'hugo', 'samira', 'antoine', 'chloe', 'mehdi'].map((name) => ({ email: `${name}@grenoble.demo`, weight: 1 })),
    ],
    communes: [
      ['38151', 30],
      ['38185', 35],
      ['38421', 15],
      ['38169', 10],
      ['38563', 5],
      ['38229', 5],
    ],
    priorityDistrict: { code: 'QN03890Z', commune: '38151' },
    authors: { aci: 'karim@grenoble.demo', etti: 'elodie@grenoble.demo', training1: 'claire@formation.demo' },
    referringCommunes: { echirolles: 'sophie@grenoble.demo', grenoble: 'lucas@grenoble.demo' },
    animation: 'marc@grenoble.demo',
    operations: [
      {
        fileNumber: '202300871',
        title: 'PLIE Grenoble-Alpes — accompagnement renforcé vers l’emploi 2023-2025',
        startsOn: '2023-01-01',
        endsOn: '2025-12-31',
        beneficiary: 'Grenoble-Alpes Métropole',
      },
      {
        fileNumber: '202601204',
        title: 'PLIE Grenoble-Alpes — parcours intégrés vers l’emploi 2026-2028',
        startsOn: '2026-01-01',
        endsOn: '2028-12-31',
        beneficiary: 'Grenoble-Alpes Métropole',
      },
    ],
  },
  {
    slug: 'clermont-auvergne',
    seed: 63_000,
    people: 150,
    referents: [
      { email: 'yasmine@clermont.demo', weight: 1 },
      { email: 'pierre@clermont.demo', weight: 1 },
      { email: 'fatou@clermont.demo', weight: 1 },
    ],
    communes: [
      ['63113', 60],
      ['63124', 20],
      ['63075', 10],
      ['63014', 10],
    ],
    priorityDistrict: { code: 'QN06390Z', commune: '63113' },
    authors: { aci: 'olivier@clermont.demo', training1: 'claire@formation.demo' },
    referringCommunes: { cournon: 'agnes@clermont.demo' },
    animation: 'isabelle@clermont.demo',
    operations: [
      {
        fileNumber: '202300455',
        title: 'PLIE Clermont Auvergne Métropole — accompagnement des publics éloignés de l’emploi 2023-2027',
        startsOn: '2023-01-01',
        endsOn: '2027-12-31',
        beneficiary: 'Clermont Auvergne Métropole',
      },
    ],
  },
];

/** Stage kinds by how often referents use them, with the demo partner that delivers each. */
const STAGE_MIX: Array<readonly [{ kind: string; operator: string | null; months: [number, number] }, number]> = [
  [{ kind: 'ASSESSMENT_ORIENTATION', operator: null, months: [1, 2] }, 6],
  [{ kind: 'JOB_SEARCH', operator: 'ft', months: [2, 6] }, 12],
  [{ kind: 'TRAINING_QUALIFYING', operator: 'training1', months: [4, 9] }, 5],
  [{ kind: 'TRAINING_CERTIFYING', operator: 'training1', months: [3, 6] }, 4],
  [{ kind: 'TRAINING_PRE_QUALIFYING', operator: 'training1', months: [2, 4] }, 5],
  [{ kind: 'TRAINING_LANGUAGE', operator: 'training2', months: [3, 6] }, 4],
  [{ kind: 'TRAINING_BASIC_SKILLS', operator: 'training2', months: [2, 4] }, 3],
  [{ kind: 'IAE_CDDI_ACI', operator: 'aci', months: [6, 12] }, 8],
  [{ kind: 'IAE_CDDI_EI', operator: 'ei', months: [4, 12] }, 4],
  [{ kind: 'IAE_ETTI', operator: 'etti', months: [2, 6] }, 6],
  [{ kind: 'IAE_AI', operator: null, months: [2, 6] }, 2],
  [{ kind: 'ASSISTED_PEC', operator: null, months: [9, 12] }, 2],
  [{ kind: 'ASSISTED_PROFESSIONALISATION', operator: null, months: [6, 12] }, 1],
  [{ kind: 'ASSISTED_APPRENTICESHIP', operator: null, months: [12, 24] }, 1],
  [{ kind: 'IMMERSION_PMSMP', operator: null, months: [1, 1] }, 4],
  [{ kind: 'EMPLOYMENT_CDI', operator: null, months: [6, 6] }, 1],
  [{ kind: 'EMPLOYMENT_CDD_6_MONTHS_PLUS', operator: null, months: [6, 9] }, 1],
  [{ kind: 'EMPLOYMENT_CDD_UNDER_6_MONTHS', operator: null, months: [1, 5] }, 2],
  [{ kind: 'EMPLOYMENT_TEMPING', operator: null, months: [1, 3] }, 2],
  [{ kind: 'BUSINESS_CREATION', operator: null, months: [3, 9] }, 1],
  [{ kind: 'SUPPORT_MOBILITY', operator: null, months: [1, 4] }, 4],
  [{ kind: 'SUPPORT_CHILDCARE', operator: null, months: [1, 4] }, 2],
  [{ kind: 'SUPPORT_HEALTH', operator: null, months: [2, 6] }, 2],
  [{ kind: 'SUPPORT_HOUSING', operator: null, months: [2, 6] }, 2],
  [{ kind: 'SUPPORT_BUDGET', operator: null, months: [1, 4] }, 2],
  [{ kind: 'SUPPORT_ADMINISTRATIVE', operator: null, months: [1, 3] }, 2],
  [{ kind: 'SUPPORT_DIGITAL', operator: null, months: [1, 3] }, 2],
];

const EXIT_MIX: Array<readonly [ExitKind, number]> = [
  [ExitKind.JOB_PERMANENT, 18],
  [ExitKind.JOB_FIXED_TERM_6_MONTHS_PLUS, 20],
  [ExitKind.BUSINESS_CREATION, 4],
  [ExitKind.QUALIFYING_TRAINING, 10],
  [ExitKind.ABANDONMENT, 14],
  [ExitKind.ADMINISTRATIVE, 8],
  [ExitKind.REORIENTATION, 10],
  [ExitKind.HEALTH, 6],
  [ExitKind.MAXIMUM_DURATION, 10],
];

const OBJECTIVES = [
  'Lever le frein de mobilité (permis, transports)',
  'Définir un projet professionnel réaliste',
  'Accéder à une formation qualifiante',
  'Reprendre une activité en structure d’insertion',
  'Stabiliser la situation de logement',
  'Rechercher un emploi durable dans le secteur visé',
  'Améliorer le français à l’oral et à l’écrit',
];

/** Obstacles (freins) found at reception, with how often: [category, the referent's note, share of people]. */
const OBSTACLES: Array<readonly [ObstacleCategory, string, number]> = [
  [ObstacleCategory.MOBILITY, 'Pas de permis, dépend des transports en commun', 0.4],
  [ObstacleCategory.CHILDCARE, 'Pas de mode de garde pour les enfants', 0.15],
  [ObstacleCategory.HOUSING, 'Hébergé chez un proche, cherche un logement', 0.15],
  [ObstacleCategory.HEALTH, 'Port de charges lourdes déconseillé', 0.1],
  [ObstacleCategory.DISABILITY, 'Reconnaissance de travailleur handicapé en cours', 0.05],
  [ObstacleCategory.LANGUAGE, 'Français oral à consolider', 0.15],
  [ObstacleCategory.DIGITAL_SKILLS, 'Peu à l’aise avec les démarches en ligne', 0.25],
  [ObstacleCategory.BUDGET_DEBT, 'Dettes de loyer, plan d’apurement en cours', 0.15],
  [ObstacleCategory.ADMINISTRATIVE, 'Dossier de droits à mettre à jour', 0.15],
];
/** What reception notes, with the ROME codes of the jobs it speaks of (the professional project starts from them). */
const STRENGTHS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Motivé, expérience en restauration collective', ['G1605', 'G1602']],
  ['Ponctuelle, a travaillé dans le nettoyage industriel', ['K2204']],
  ['Bon relationnel, expérience de vendeur', ['D1106']],
  ['Expérience en manutention et en logistique', ['N1103']],
  ['Aime le travail en extérieur, a tenu un jardin partagé', []],
  ['Diplôme étranger dans le soin, à faire reconnaître', ['K1302']],
];
/** Trades aimed at when the person held none before. */
const FIRST_TRADES = ['A1203', 'K2204', 'N1103', 'K1304', 'H3302'];
const SKILLS_ACQUIRED = [
  'Ponctualité',
  'Travail en équipe',
  'Respect des consignes de sécurité',
  'Port de charges',
  'Accueil du public',
  'Utilisation des produits d’entretien',
];
const SKILLS_TO_ACQUIRE = ['Permis B', 'CACES R489', 'Certificat SST', 'Français à l’écrit', 'Gestes et postures', 'Bureautique de base'];
const NEEDS = [
  'Définir un projet réaliste et se remettre en activité',
  'Reprendre un rythme de travail en structure d’insertion',
  'Financer le permis de conduire',
  'Trouver une formation qualifiante dans son secteur',
  'Préparer les entretiens d’embauche',
];
const JOURNAL_NOTES = [
  'Point sur les candidatures envoyées : deux réponses attendues.',
  'A rencontré l’employeur en entretien, retour prévu la semaine prochaine.',
  'Dossier d’aide au permis déposé, en attente de décision.',
  'Fatiguée ces dernières semaines, on allège les démarches ce mois-ci.',
  'CV mis à jour ensemble, à envoyer aux offres repérées.',
  'Bilan du stage positif, la structure propose de prolonger.',
  'A manqué l’atelier collectif, rappel fait par téléphone.',
  'Démarches de logement avancent, rendez-vous au CCAS pris.',
];

const SKILLS = ['Ponctualité', 'Travail en équipe', 'Respect des consignes', 'Autonomie au poste', 'Sécurité'];
const EMPLOYERS = ['Carrefour Échirolles', 'Schneider Electric', 'Clinique des Cèdres', 'Mairie', 'Onet Propreté', 'Elior', 'Manpower', 'Boulangerie du Cours'];

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const at = (day: string, hour: number, minute = 0) => new Date(dayMs(day) + hour * 3_600_000 + minute * 60_000).toISOString();
const monthsOf = (from: string, to: string): string[] => {
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addMonths(`${m}-01`, 1).slice(0, 7)) months.push(m);
  return months;
};
/** A working day (Monday–Friday) on or after `ms`. */
const workday = (ms: number) => {
  const weekday = new Date(ms).getUTCDay();
  return ms + (weekday === 6 ? 2 : weekday === 0 ? 1 : 0) * DAY_MS;
};

/** Working hours of a demo referent: individual appointments in the morning and, in the past, early afternoon. */
const MORNING = [9, 10, 11];
const WORKING_HOURS = [9, 10, 11, 14, 15];
/** The hours from the `first`-th on, then the earlier ones: a drawn first choice, the rest as fallbacks. */
const rotated = (hours: readonly number[], first: number) => [...hours.slice(first), ...hours.slice(0, first)];

/**
 * Each referent's booked hours, so the demo never double-books anyone: an appointment takes the
 * first free hour of its day among those given, or of the next working day.
 */
class DemoAgendas {
  private readonly booked = new Set<string>();

  book(referentId: string, day: string, hoursOn: (day: string) => readonly number[], length = 1): { day: string; hour: number } {
    for (let ms = dayMs(day); ; ms = workday(ms + DAY_MS)) {
      const candidate = isoDay(ms);
      const hour = hoursOn(candidate).find((h) =>
        Array.from({ length }, (_, i) => `${referentId} ${candidate} ${h + i}`).every((slot) => !this.booked.has(slot)),
      );
      if (hour === undefined) continue;
      for (let i = 0; i < length; i++) this.booked.add(`${referentId} ${candidate} ${hour + i}`);
      return { day: candidate, hour };
    }
  }
}

interface Ids {
  tenant: string;
  organisations: Map<string, string>;
  kinds: Map<string, string>;
  users: Map<string, string>;
  memberships: Map<string, string>;
}

/** Generates the demo population of every demo PLIE into freshly seeded tenants (in the caller's transaction). */
export async function seedDemoPopulation(em: EntityManager, tenants: readonly DemoTenant[], today = isoDay(Date.now())): Promise<void> {
  for (const plan of PLANS)
    await seedPlan(
      em,
      plan,
      tenants.find((t) => t.slug === plan.slug)!,
      today,
    );
}

async function loadIds(em: EntityManager, demo: DemoTenant): Promise<Ids> {
  const [tenant] = await em.execute<Array<{ id: string }>>(`select id from tenant where slug = '${demo.slug}'`);
  const orgs = await em.execute<Array<{ id: string; name: string }>>(`select id, name from organisation where tenant_id = '${tenant!.id}'`);
  const kinds = await em.execute<Array<{ id: string; code: string }>>(`select id, code from stage_kind where tenant_id = '${tenant!.id}'`);
  const members = await em.execute<Array<{ id: string; user_id: string; email: string }>>(
    `select m.id, m.user_id, u.email from membership m join app_user u on u.id = m.user_id where m.tenant_id = '${tenant!.id}'`,
  );
  // The named seed does not store its organisation keys: names are unique within a demo tenant.
  const keyOf = new Map(demo.organisations.map((o) => [o.name, o.key]));
  return {
    tenant: tenant!.id,
    organisations: new Map(orgs.map((o) => [keyOf.get(o.name)!, o.id])),
    kinds: new Map(kinds.map((k) => [k.code, k.id])),
    users: new Map(members.map((m) => [m.email, m.user_id])),
    memberships: new Map(members.map((m) => [m.email, m.id])),
  };
}

async function seedPlan(em: EntityManager, plan: PopulationPlan, demo: DemoTenant, today: string): Promise<void> {
  const rnd = new DemoRandom(plan.seed);
  const rsa = new DemoRandom(plan.seed + 1);
  // The professional projects draw from their own stream, so the draws of everything else stay where they were.
  const rpp = new DemoRandom(plan.seed + 2);
  const ids = await loadIds(em, demo);
  const now = new Date(`${today}T08:00:00Z`).toISOString();
  const base = (extra: Row): Row => ({ id: rnd.uuid(), created_at: now, tenant_id: ids.tenant, ...extra });
  const rows: Record<string, Row[]> = {};
  const add = (table: string, row: Row) => (rows[table] ??= []).push(row);
  const agendas = new DemoAgendas();

  const operations = plan.operations.map((o) => ({
    id: rsa.uuid(),
    startsOn: o.startsOn,
    endsOn: o.endsOn,
    row: {
      created_at: now,
      tenant_id: ids.tenant,
      file_number: o.fileNumber,
      title: o.title,
      starts_on: o.startsOn,
      ends_on: o.endsOn,
      beneficiary: o.beneficiary,
    },
  }));
  for (const o of operations) add('esf_operation', { id: o.id, ...o.row });

  const todayMs = dayMs(today);
  const start = dayMs('2024-01-08');
  const referentOf = (index: number) => {
    const total = plan.referents.reduce((s, r) => s + r.weight, 0);
    let draw = ((index * 0.6180339887) % 1) * total;
    for (const r of plan.referents) if ((draw -= r.weight) < 0) return r;
    return plan.referents[0]!;
  };
  const nextAppointments = new Map<string, Array<{ participant: string; day: string; behind: boolean }>>();
  // Referents one of whose active people has fallen behind already: each gets one, whatever the day.
  const someoneBehind = new Set<string>();

  for (let i = 0; i < plan.people; i++) {
    const woman = rnd.chance(0.52);
    const firstName = rnd.pick(woman ? WOMEN_FIRST_NAMES : MEN_FIRST_NAMES);
    const lastName = rnd.pick(LAST_NAMES);
    const referent = referentOf(i);
    // Entries spread over three years, a little denser lately (the PLIE grew).
    const entryMs = workday(start + Math.floor(Math.sqrt(rnd.next()) * (todayMs - 21 * DAY_MS - start)));
    const entryDate = isoDay(entryMs);
    const referralDate = isoDay(entryMs - rnd.int(10, 40) * DAY_MS);
    const age = rnd.weighted<[number, number]>([
      [[18, 25], 22],
      [[26, 44], 48],
      [[45, 54], 20],
      [[55, 62], 10],
    ]);
    const birthDate = isoDay(entryMs - (rnd.int(age[0], age[1]) * 365.25 + rnd.int(0, 360)) * DAY_MS);
    const commune = rnd.weighted(plan.communes);
    const inDistrict = commune === plan.priorityDistrict.commune && rnd.chance(0.45);

    // Pathways last 8 to 30 months; those not over yet are followed today.
    const lengthDays = rnd.int(240, 900);
    const exitMs = entryMs + lengthDays * DAY_MS;
    const exited = exitMs < todayMs - 7 * DAY_MS;
    const exitKind = exited ? rnd.weighted(EXIT_MIX) : null;
    const exitDate = exited ? isoDay(workday(exitMs)) : null;
    const followUpOver = exitDate !== null && exitKind !== null && opensInJobFollowUp(exitKind) && addMonths(exitDate, 6) <= today;
    const closedOn = followUpOver && exitDate ? addMonths(exitDate, 6) : null;
    // A few pathways are on hold (illness, a move, a stay abroad), as in any PLIE.
    const suspended = !exitKind && rnd.chance(0.025);
    const status = !exitKind
      ? suspended
        ? PathwayStatus.SUSPENDED
        : PathwayStatus.ACTIVE
      : opensInJobFollowUp(exitKind)
        ? followUpOver
          ? PathwayStatus.CLOSED
          : PathwayStatus.IN_JOB_FOLLOW_UP
        : PathwayStatus.EXITED;

    // About one person in ten comes back: an earlier pathway ended without a job, months before this one.
    const priorExitMs = workday(entryMs - rnd.int(90, 300) * DAY_MS);
    const priorEntryMs = workday(priorExitMs - rnd.int(150, 420) * DAY_MS);
    const prior =
      rnd.chance(0.1) && priorEntryMs >= dayMs('2023-01-02')
        ? {
            referral: isoDay(priorEntryMs - rnd.int(10, 40) * DAY_MS),
            entry: isoDay(priorEntryMs),
            exit: isoDay(priorExitMs),
            kind: rnd.weighted(EXIT_MIX.filter(([kind]) => !POSITIVE_EXITS.includes(kind))),
          }
        : null;

    const participant = base({
      first_name: firstName,
      last_name: lastName,
      search_key: searchKeyOf(lastName, firstName),
      birth_date: birthDate,
      gender: rnd.chance(0.03) ? null : woman ? Gender.WOMAN : Gender.MAN,
      phone: `06${String(rnd.int(10_000_000, 99_999_999))}`,
      commune_code: commune,
      priority_district_code: inDistrict ? plan.priorityDistrict.code : null,
      referent_id: ids.memberships.get(referent.email)!,
      current_status: status,
      updated_at: now,
    });
    add('participant', participant);

    // ESF+ entry items: most filled in, a few left incomplete, a few declined on sensitive items.
    const incomplete = rnd.chance(0.08);
    const sensitive = () => (rnd.chance(0.06) ? EsfAnswer.REFUSED : rnd.chance(0.15) ? EsfAnswer.YES : EsfAnswer.NO);
    const entryItems = {
      employment_situation: incomplete
        ? null
        : rnd.weighted([
            [EmploymentSituation.LONG_TERM_UNEMPLOYED, 55],
            [EmploymentSituation.UNEMPLOYED, 30],
            [EmploymentSituation.INACTIVE, 12],
            [EmploymentSituation.EMPLOYED, 3],
          ]),
      education_level: incomplete
        ? null
        : rnd.weighted([
            [0, 4],
            [1, 10],
            [2, 25],
            [3, 35],
            [4, 10],
            [5, 8],
            [6, 6],
            [7, 2],
          ] as const),
      disability: sensitive(),
      third_country_national: rnd.chance(0.2) ? EsfAnswer.YES : EsfAnswer.NO,
      foreign_background: sensitive(),
      minority: sensitive(),
      homeless: incomplete ? null : rnd.chance(0.05) ? EsfAnswer.YES : EsfAnswer.NO,
      rural_area: incomplete ? null : EsfAnswer.NO,
      // About a third of a PLIE's people receive the RSA at entry.
      minimum_income: incomplete ? null : rsa.chance(0.35) ? EsfAnswer.YES : EsfAnswer.NO,
      updated_at: now,
    };
    const pathway = base({
      participant_id: participant.id,
      number: prior ? 2 : 1,
      status,
      referral_date: referralDate,
      entry_date: entryDate,
      exit_date: exitDate,
      exit_kind: exitKind,
      exit_validated: followUpOver ? true : null,
    });
    add('pathway', pathway);
    // Its ESF+ record draws from `rsa` too, so the draws of everything else stay where they were.
    const esfRecord = (pathwayId: string, entry: string | null, exit: { date: string; kind: ExitKind } | null) => ({
      id: rsa.uuid(),
      created_at: now,
      tenant_id: ids.tenant,
      pathway_id: pathwayId,
      operation_id: entry ? (defaultOperationFor(entry, operations)?.id ?? null) : null,
      ...entryItems,
      ...exitAnswers(rsa, exit, today),
    });
    add('esf_record', esfRecord(pathway.id as string, entryDate, exitDate && exitKind ? { date: exitDate, kind: exitKind } : null));
    if (prior) {
      const priorPathway = {
        ...pathway,
        id: rnd.uuid(),
        number: 1,
        status: PathwayStatus.EXITED,
        referral_date: prior.referral,
        entry_date: prior.entry,
        exit_date: prior.exit,
        exit_kind: prior.kind,
        exit_validated: null,
      };
      add('pathway', priorPathway);
      add('esf_record', esfRecord(priorPathway.id as string, prior.entry, { date: prior.exit, kind: prior.kind }));
    }

    // The reception diagnosis, written in the first weeks; a few recent files still wait for it.
    if (entryMs < todayMs - 30 * DAY_MS || rnd.chance(0.5)) {
      const obstacles = OBSTACLES.filter(([, , share]) => rnd.chance(share)).map(([category, note]) => ({ category, note }));
      const [strengths, pastTrades] = rnd.pick(STRENGTHS);
      add(
        'diagnosis',
        base({
          pathway_id: pathway.id,
          strengths,
          past_trades: JSON.stringify(pastTrades),
          obstacles: JSON.stringify(obstacles),
          needs: rnd.pick(NEEDS),
          carried_out_on: isoDay(workday(entryMs + rnd.int(3, 20) * DAY_MS)),
          updated_at: now,
        }),
      );
      addProject(add, rpp, {
        tenant: ids.tenant,
        pathwayId: pathway.id as string,
        author: ids.users.get(referent.email)!,
        pastTrades,
        createdAt: at(entryDate, 11),
        todayMs,
      });
    }

    // The file's history, as the API writes it: creation on admission, then the exit.
    const referentUser = ids.users.get(referent.email)!;
    const history = (
      action: string,
      day: string,
      changes: Array<{ field: string; before: string | number | null; after: string | number | boolean | null }>,
    ) => {
      const row = base({ participant_id: participant.id, at: at(day, 15), author_id: referentUser, action, changes: JSON.stringify(changes) });
      delete row.created_at;
      add('participant_change', row);
    };
    history('participant.created', prior?.entry ?? entryDate, [
      { field: 'firstName', before: null, after: firstName },
      { field: 'lastName', before: null, after: lastName },
      { field: 'birthDate', before: null, after: birthDate },
      { field: 'communeCode', before: null, after: commune },
      { field: 'referralDate', before: null, after: prior?.referral ?? referralDate },
      { field: 'entryDate', before: null, after: prior?.entry ?? entryDate },
    ]);
    if (prior) {
      history('pathway.status', prior.exit, [
        { field: 'status', before: PathwayStatus.ACTIVE, after: PathwayStatus.EXITED },
        { field: 'exitDate', before: null, after: prior.exit },
        { field: 'exitKind', before: null, after: prior.kind },
        { field: 'date', before: null, after: prior.exit },
      ]);
      history('pathway.opened', referralDate, [{ field: 'number', before: 1, after: 2 }]);
      history('pathway.entry', entryDate, [{ field: 'entryDate', before: null, after: entryDate }]);
    }
    if (exitDate && exitKind) {
      history('pathway.status', exitDate, [
        { field: 'status', before: PathwayStatus.ACTIVE, after: opensInJobFollowUp(exitKind) ? PathwayStatus.IN_JOB_FOLLOW_UP : PathwayStatus.EXITED },
        { field: 'exitDate', before: null, after: exitDate },
        { field: 'exitKind', before: null, after: exitKind },
        { field: 'date', before: null, after: exitDate },
      ]);
    }
    if (suspended) {
      const day = isoDay(workday(todayMs - rnd.int(10, 60) * DAY_MS));
      history('pathway.status', day < entryDate ? entryDate : day, [
        { field: 'status', before: PathwayStatus.ACTIVE, after: PathwayStatus.SUSPENDED },
        { field: 'date', before: null, after: day < entryDate ? entryDate : day },
      ]);
    }
    if (closedOn) {
      history('pathway.status', closedOn, [
        { field: 'status', before: PathwayStatus.IN_JOB_FOLLOW_UP, after: PathwayStatus.CLOSED },
        { field: 'exitValidated', before: null, after: true },
        { field: 'date', before: null, after: closedOn },
      ]);
    }

    add(
      'commitment_contract',
      base({
        pathway_id: pathway.id,
        number: 1,
        objectives: JSON.stringify([rnd.pick(OBJECTIVES), rnd.pick(OBJECTIVES)].filter((o, k, all) => all.indexOf(o) === k)),
        starts_on: entryDate,
        review_on: addMonths(entryDate, 6 * Math.ceil((Math.min(todayMs, exitMs) - entryMs + DAY_MS) / (182 * DAY_MS))),
        signed_by_participant_on: entryDate,
        signed_by_referent_on: entryDate,
        signed_by_animation_team_on: rnd.chance(0.9) ? isoDay(entryMs + 7 * DAY_MS) : null,
        author_id: ids.users.get(referent.email)!,
      }),
    );

    // Referred by a commune: the accepted referral and the partner's copy.
    const referringCommune = Object.entries(plan.referringCommunes).find(([key]) => ids.organisations.has(key) && rnd.chance(0.3));
    if (referringCommune) {
      addReferral(rows, base, ids, referringCommune, participant, {
        status: ReferralStatus.ACCEPTED,
        receivedAt: at(referralDate, 9),
        decidedAt: at(entryDate, 14),
        decidedBy: ids.users.get(plan.animation)!,
        pathwayId: pathway.id as string,
      });
      if (rnd.chance(0.85))
        addConsent(rows, base, ids, participant, pathway, referringCommune[0], 'COMMUNE_REFERRAL', [], referent.email, { day: entryDate, closedOn });
    }

    // Stages: one after the other from the entry, none after the exit.
    const lastDay = exitDate ? dayMs(exitDate) : todayMs + 120 * DAY_MS;
    let cursor = entryMs + rnd.int(3, 20) * DAY_MS;
    const stagesByOperator = new Map<string, string[]>();
    while (cursor < lastDay) {
      const mix = rnd.weighted(STAGE_MIX);
      const plannedStart = isoDay(workday(cursor));
      const endMs = Math.min(cursor + rnd.int(mix.months[0] * 30, mix.months[1] * 30) * DAY_MS, exitDate ? lastDay : Infinity);
      const plannedEnd = isoDay(Math.max(endMs, dayMs(plannedStart)));
      const begun = plannedStart <= today;
      const over = plannedEnd < today;
      const stageStatus = !begun ? StageStatus.PLANNED : !over ? StageStatus.IN_PROGRESS : rnd.chance(0.12) ? StageStatus.ABANDONED : StageStatus.COMPLETED;
      const operator = mix.operator && ids.organisations.has(mix.operator) ? mix.operator : null;
      const stage = base({
        pathway_id: pathway.id,
        kind_id: ids.kinds.get(mix.kind)!,
        operator_id: operator ? ids.organisations.get(operator)! : null,
        status: stageStatus,
        planned_start: plannedStart,
        planned_end: plannedEnd,
        actual_start: begun ? plannedStart : null,
        actual_end: over ? plannedEnd : null,
      });
      add('stage', stage);
      if (operator) stagesByOperator.set(operator, [...(stagesByOperator.get(operator) ?? []), stage.id as string]);
      if (operator && begun) addPartnerReports(rows, base, ids, plan, rnd, operator, stage, today, now);
      cursor = dayMs(plannedEnd) + rnd.int(7, 45) * DAY_MS;
    }
    // A realistic share of people agree to share their stage with the partner delivering it; some
    // say no (a refusal is recorded), and a few withdraw their agreement along the way.
    for (const [operator, stageIds] of stagesByOperator) {
      const preset = ['aci', 'ei', 'etti'].includes(operator) ? 'SIAE_CONTRACT' : operator.startsWith('training') ? 'TRAINING' : null;
      if (!preset) continue;
      const terms = { day: entryDate, closedOn };
      if (rnd.chance(0.8)) {
        const lastDay = dayMs(closedOn ?? today);
        const revokedOn = rnd.chance(0.04) && lastDay - entryMs > 30 * DAY_MS ? isoDay(entryMs + rnd.int(15, (lastDay - entryMs) / DAY_MS - 1) * DAY_MS) : null;
        addConsent(rows, base, ids, participant, pathway, operator, preset, stageIds, referent.email, { ...terms, revokedOn });
      } else if (rnd.chance(0.4)) {
        addConsent(rows, base, ids, participant, pathway, operator, preset, stageIds, referent.email, { ...terms, effect: ConsentEffect.REFUSAL });
      }
    }

    // In-job follow-up check-ins (1, 3 and 6 months after a job exit), done when due.
    if (exitDate && exitKind && opensInJobFollowUp(exitKind)) {
      const employer = rnd.pick(EMPLOYERS);
      for (const months of FOLLOW_UP_CHECK_IN_MONTHS) {
        const dueOn = addMonths(exitDate, months);
        const done = closedOn !== null || (dueOn < today && rnd.chance(0.9));
        add(
          'follow_up_check_in',
          base({
            pathway_id: pathway.id,
            months_after_exit: months,
            due_on: dueOn,
            done_on: done ? dueOn : null,
            still_employed: done ? rnd.chance(0.85) : null,
            employer: done ? employer : null,
            recorded_by_id: done ? ids.users.get(referent.email)! : null,
          }),
        );
      }
    }

    // Individual appointments roughly monthly over the last months of the pathway; some people fall behind.
    const contactEnd = exitDate ? dayMs(exitDate) : todayMs;
    // Every referent has someone without an appointment for over two months (an alert on her home
    // page): by chance, or her first active person followed long enough when chance gave her none.
    const mayFallBehind = status === PathwayStatus.ACTIVE && referralDate <= addDays(today, -DAYS_WITHOUT_APPOINTMENT_ALERT);
    const behind = rnd.chance(0.12) || (mayFallBehind && !someoneBehind.has(referent.email));
    if (behind && mayFallBehind) someoneBehind.add(referent.email);
    const gap = behind ? rnd.int(70, 120) : rnd.int(0, 20);
    for (let k = 1; k <= 6; k++) {
      const ms = workday(contactEnd - (gap + (k - 1) * rnd.int(25, 40)) * DAY_MS);
      if (ms < entryMs) break;
      // Held ones at any working hour; one still to come, in a morning as the planned ones below.
      const held = rotated(WORKING_HOURS, rnd.int(0, WORKING_HOURS.length - 1));
      const slot = agendas.book(ids.memberships.get(referent.email)!, isoDay(ms), (day) => (day < today ? held : MORNING));
      addAppointment(rows, base, rnd, ids.memberships.get(referent.email)!, [participant.id as string], slot.day, today, commune, slot.hour);
      // The referent writes up most interviews in the person's journal.
      if (isoDay(ms) < today && rnd.chance(0.6))
        add('journal_entry', base({ participant_id: participant.id, author_id: referentUser, day: isoDay(ms), text: rnd.pick(JOURNAL_NOTES) }));
    }
    if (!exitDate) {
      const next = isoDay(workday(todayMs + rnd.int(0, 30) * DAY_MS));
      const list = nextAppointments.get(referent.email) ?? [];
      list.push({ participant: participant.id as string, day: next, behind });
      nextAppointments.set(referent.email, list);
    }
  }

  // Planned individual appointments in the mornings (afternoons stay free for the referent's own
  // bookings, but for the monthly workshop); each referent has a few today and this week.
  for (const [email, planned] of nextAppointments) {
    const referentId = ids.memberships.get(email)!;
    planned.forEach(({ participant, day }, k) => {
      const slot = agendas.book(referentId, k < 3 ? today : k < 8 ? isoDay(workday(todayMs + ((k % 4) + 1) * DAY_MS)) : day, () => MORNING);
      addAppointment(rows, base, rnd, referentId, [participant], slot.day, today, null, slot.hour);
    });
    // A monthly collective session (workshop, two hours) for part of the caseload, and the next one planned.
    for (let month = -6; month <= 1; month++) {
      // Those fallen behind came to none of the workshops of the last two months either.
      const group = planned.filter((p, k) => (k + month + 12) % 6 === 0 && !(p.behind && month >= -2 && month <= 0)).map((p) => p.participant);
      if (group.length < 3) continue;
      const slot = agendas.book(referentId, isoDay(workday(dayMs(addMonths(today, month)) - 3 * DAY_MS)), () => [16], 2);
      addAppointment(rows, base, rnd, referentId, group, slot.day, today, null, slot.hour, 'Atelier CV et entretien d’embauche');
    }
  }

  // Referrals waiting for the commission, and a few already refused or redirected.
  for (let k = 0; k < Math.round(plan.people / 35); k++) {
    const commune = Object.entries(plan.referringCommunes)[k % Object.keys(plan.referringCommunes).length]!;
    const woman = rnd.chance(0.5);
    const firstName = rnd.pick(woman ? WOMEN_FIRST_NAMES : MEN_FIRST_NAMES);
    const lastName = rnd.pick(LAST_NAMES);
    const status = rnd.weighted([
      [ReferralStatus.NEW, 4],
      [ReferralStatus.UNDER_REVIEW, 3],
      [ReferralStatus.POSTPONED, 1],
      [ReferralStatus.REFUSED, 1],
      [ReferralStatus.REDIRECTED, 1],
    ]);
    const decided = status === ReferralStatus.REFUSED || status === ReferralStatus.REDIRECTED || status === ReferralStatus.POSTPONED;
    const received = isoDay(workday(todayMs - rnd.int(3, 60) * DAY_MS));
    addReferral(
      rows,
      base,
      ids,
      commune,
      {
        first_name: firstName,
        last_name: lastName,
        birth_date: isoDay(todayMs - rnd.int(20, 58) * 365 * DAY_MS),
        commune_code: commune[0] === 'grenoble' ? '38185' : plan.communes[0]![0],
      },
      {
        status,
        receivedAt: at(received, 10),
        decidedAt: decided ? at(isoDay(Math.min(todayMs, dayMs(received) + 14 * DAY_MS)), 15) : null,
        decidedBy: decided ? ids.users.get(plan.animation)! : null,
        pathwayId: null,
        reason: status === ReferralStatus.REFUSED ? 'Relève d’un accompagnement social avant un parcours emploi.' : null,
        redirectedTo: status === ReferralStatus.REDIRECTED ? 'Mission locale' : null,
      },
    );
  }

  for (const table of TABLE_ORDER) await insertRows(em, table, rows[table] ?? []);
  // The named story's pathways (demo-data.ts) join the operation of their entry day too; their ESF+ items stay to fill in.
  await em.execute(
    `insert into esf_record (id, created_at, updated_at, tenant_id, pathway_id, operation_id)
     select gen_random_uuid(), now(), now(), pw.tenant_id, pw.id,
            (select o.id from esf_operation o where o.tenant_id = pw.tenant_id and pw.entry_date between o.starts_on and o.ends_on)
       from pathway pw where pw.tenant_id = ? and not exists (select 1 from esf_record r where r.pathway_id = pw.id)`,
    [ids.tenant],
  );
  await seedDemoEsfExports(em, ids.tenant, ids.users.get(plan.animation)!, today);
}

const ANSWER = (yes: boolean) => (yes ? EsfAnswer.YES : EsfAnswer.NO);
const JOB_EXITS: readonly ExitKind[] = [ExitKind.JOB_PERMANENT, ExitKind.JOB_FIXED_TERM_6_MONTHS_PLUS, ExitKind.BUSINESS_CREATION];

/**
 * The exit questionnaire of an exited pathway and its six-month result, as a PLIE collects them:
 * most within the four weeks, some late, about one in ten still missing; the answers follow the
 * exit (a job exit is in employment, a training exit in training…). Nothing before the exit.
 */
function exitAnswers(rnd: DemoRandom, exit: { date: string; kind: ExitKind } | null, today: string): Row {
  const none = {
    exit_job_searching: null,
    exit_in_training: null,
    exit_qualification: null,
    exit_employed: null,
    exit_answered_on: null,
    six_month_employed: null,
    six_month_better_situation: null,
    six_month_answered_on: null,
  };
  if (!exit || rnd.chance(0.1)) return none;
  const answeredOn = addDays(exit.date, rnd.chance(0.85) ? rnd.int(0, 27) : rnd.int(29, 60));
  if (answeredOn > today) return none;
  const employed = JOB_EXITS.includes(exit.kind) || rnd.chance(0.08);
  const training = exit.kind === ExitKind.QUALIFYING_TRAINING || (!employed && rnd.chance(0.1));
  const answers = {
    ...none,
    exit_employed: ANSWER(employed),
    exit_in_training: ANSWER(training),
    exit_qualification: ANSWER(exit.kind === ExitKind.QUALIFYING_TRAINING || rnd.chance(0.12)),
    exit_job_searching: ANSWER(!employed && !training && exit.kind !== ExitKind.HEALTH),
    exit_answered_on: answeredOn,
  };
  const sixMonths = addMonths(exit.date, 6);
  if (sixMonths > today || rnd.chance(0.2)) return answers;
  const stillEmployed = employed ? rnd.chance(0.85) : rnd.chance(0.3);
  const asked = addDays(sixMonths, rnd.int(0, 40));
  return {
    ...answers,
    six_month_employed: ANSWER(stillEmployed),
    six_month_better_situation: ANSWER(stillEmployed || rnd.chance(0.2)),
    six_month_answered_on: asked > today ? today : asked,
  };
}

/** Parents before children, so foreign keys hold at every statement. */
const TABLE_ORDER = [
  'participant',
  'esf_operation',
  'pathway',
  'esf_record',
  'participant_change',
  'commitment_contract',
  'professional_project',
  'referral',
  'referral_submission',
  'stage',
  'assisted_contract',
  'contract_report',
  'training_attendance',
  'training_result',
  'consent',
  'consent_event',
  'diagnosis',
  'journal_entry',
  'follow_up_check_in',
  'appointment',
  'appointment_attendee',
];

type Base = (extra: Row) => Row;

/**
 * Most people's professional project: a trade close to one they held (or a first one), explored
 * then, for some, confirmed in a second version; now and then a second trade, or one abandoned.
 */
function addProject(
  add: (table: string, row: Row) => void,
  rnd: DemoRandom,
  p: { tenant: string; pathwayId: string; author: string; pastTrades: readonly string[]; createdAt: string; todayMs: number },
): void {
  if (!rnd.chance(0.8)) return;
  const skills = () => ({
    skillsAcquired: [rnd.pick(SKILLS_ACQUIRED), rnd.pick(SKILLS_ACQUIRED)].filter((v, k, all) => all.indexOf(v) === k),
    skillsToAcquire: [rnd.pick(SKILLS_TO_ACQUIRE)],
  });
  const from = p.pastTrades.length ? rnd.pick(p.pastTrades) : null;
  const first = from ? rnd.pick(closeTradesOf(from).slice(0, 3)).code : rnd.pick(FIRST_TRADES);
  const targets = [{ romeCode: first, status: TargetTradeStatus.TO_EXPLORE, ...skills() }];
  if (from && rnd.chance(0.4))
    targets.push({ romeCode: from, status: rnd.chance(0.5) ? TargetTradeStatus.ABANDONED : TargetTradeStatus.TO_EXPLORE, ...skills() });
  const version = (number: number, createdAt: string, list: typeof targets) =>
    add('professional_project', {
      id: rnd.uuid(),
      created_at: createdAt,
      tenant_id: p.tenant,
      pathway_id: p.pathwayId,
      number,
      targets: JSON.stringify(list),
      author_id: p.author,
    });
  version(1, p.createdAt, targets);
  if (rnd.chance(0.5)) {
    const later = new Date(new Date(p.createdAt).getTime() + rnd.int(30, 90) * DAY_MS);
    if (later.getTime() < p.todayMs) version(2, later.toISOString(), [{ ...targets[0]!, status: TargetTradeStatus.CONFIRMED }, ...targets.slice(1)]);
  }
}

function addConsent(
  rows: Record<string, Row[]>,
  base: Base,
  ids: Ids,
  participant: Row,
  pathway: Row,
  organisation: string,
  presetKey: string,
  stageIds: string[],
  referentEmail: string,
  terms: { day: string; closedOn: string | null; effect?: ConsentEffect; revokedOn?: string | null },
): void {
  const preset = SHARING_PRESETS.find((p) => p.key === presetKey)!;
  const validFrom = at(terms.day, 9);
  const referentId = ids.users.get(referentEmail)!;
  const revokedAt = terms.revokedOn ? at(terms.revokedOn, 11) : null;
  // Closing the pathway ends its consents (as expireConsents does when the referent closes it).
  const expiredAt = !revokedAt && terms.closedOn ? at(terms.closedOn, 18) : null;
  const consent = base({
    participant_id: participant.id,
    pathway_id: pathway.id,
    grantee_organisation_id: ids.organisations.get(organisation)!,
    effect: terms.effect ?? ConsentEffect.GRANT,
    data_classes: arrayLiteral(preset.dataClasses),
    stage_ids: preset.ownStagesOnly ? arrayLiteral(stageIds) : null,
    purpose: preset.purpose,
    valid_from: validFrom,
    method: 'SIGNED_FORM',
    collected_by_id: referentId,
    collected_on: terms.day,
    notice_version: CONSENT_NOTICE_VERSION,
    status: revokedAt ? ConsentStatus.REVOKED : expiredAt ? ConsentStatus.EXPIRED : ConsentStatus.ACTIVE,
    valid_until: expiredAt,
    ended_at: revokedAt ?? expiredAt,
    end_reason: revokedAt ? WITHDRAWAL_REASON : null,
  });
  (rows.consent ??= []).push(consent);
  // Every event row names every column: insertRows takes the columns from the first row.
  const events: Row[] = [{ action: 'GRANTED', at: validFrom, author_id: referentId, reason: null }];
  if (revokedAt) events.push({ action: 'REVOKED', at: revokedAt, author_id: referentId, reason: WITHDRAWAL_REASON });
  if (expiredAt) events.push({ action: 'EXPIRED', at: expiredAt, author_id: null, reason: null });
  for (const event of events) {
    const row = base({ consent_id: consent.id, ...event });
    delete row.created_at;
    (rows.consent_event ??= []).push(row);
  }
}

const WITHDRAWAL_REASON = 'La personne ne souhaite plus que la structure reçoive ces informations.';

function addReferral(
  rows: Record<string, Row[]>,
  base: Base,
  ids: Ids,
  [organisation, authorEmail]: [string, string],
  person: Row,
  decision: {
    status: ReferralStatus;
    receivedAt: string;
    decidedAt: string | null;
    decidedBy: string | null;
    pathwayId: string | null;
    reason?: string | null;
    redirectedTo?: string | null;
  },
): void {
  const identity = {
    first_name: person.first_name,
    last_name: person.last_name,
    search_key: searchKeyOf(person.last_name as string, person.first_name as string),
    birth_date: person.birth_date,
    commune_code: person.commune_code,
    status: decision.status,
    decided_at: decision.decidedAt,
    decision_reason: decision.reason ?? null,
    redirected_to: decision.redirectedTo ?? null,
  };
  const referral = base({
    ...identity,
    referring_organisation_id: ids.organisations.get(organisation)!,
    received_at: decision.receivedAt,
    decided_by_id: decision.decidedBy,
    participant_id: decision.pathwayId ? person.id : null,
    pathway_id: decision.pathwayId,
  });
  (rows.referral ??= []).push(referral);
  (rows.referral_submission ??= []).push(
    base({
      ...identity,
      referral_id: referral.id,
      organisation_id: referral.referring_organisation_id,
      author_id: ids.users.get(authorEmail)!,
      submitted_at: decision.receivedAt,
      situation: 'Demandeur d’emploi suivi par le CCAS, sans solution de garde ni de transport.',
      reason: 'Souhaite un accompagnement renforcé vers l’emploi.',
      agreement_method: 'SIGNED_FORM',
      agreed_on: decision.receivedAt.slice(0, 10),
    }),
  );
}

/** The contract of an integration stage with its monthly reports, or a training's attendance and result. */
function addPartnerReports(
  rows: Record<string, Row[]>,
  base: Base,
  ids: Ids,
  plan: PopulationPlan,
  rnd: DemoRandom,
  operator: string,
  stage: Row,
  today: string,
  now: string,
): void {
  const author = plan.authors[operator];
  const organisationId = ids.organisations.get(operator)!;
  const start = stage.planned_start as string;
  const end = stage.planned_end as string;
  // Reports are written for finished months only; the last one is sometimes still missing (overdue).
  const months = monthsOf(start, end < today ? end : today).filter((m) => m < today.slice(0, 7));
  if (['aci', 'ei', 'etti'].includes(operator)) {
    const contract = base({
      stage_id: stage.id,
      employer_id: organisationId,
      contract_type: operator === 'etti' ? AssistedContractKind.ETTI_ASSIGNMENT : AssistedContractKind.CDDI,
      start_on: start,
      end_on: end,
      weekly_hours: operator === 'etti' ? 35 : rnd.pick([20, 24, 26, 30]),
      position: rnd.pick(
        operator === 'aci'
          ? ['Ouvrier maraîcher', 'Agent d’entretien des espaces verts', 'Valoriste']
          : ['Manutentionnaire', 'Agent de tri', 'Préparateur de commandes'],
      ),
      ended_on: end < today ? end : null,
    });
    (rows.assisted_contract ??= []).push(contract);
    if (!author) return;
    const reported = rnd.chance(0.2) ? months.slice(0, -1) : months;
    for (const period of reported) {
      (rows.contract_report ??= []).push(
        base({
          contract_id: contract.id,
          period,
          hours_worked: Number(contract.weekly_hours) * 4 - rnd.int(0, 12),
          training_hours: rnd.int(0, 8),
          absence_hours: rnd.chance(0.25) ? rnd.int(2, 14) : 0,
          skills: JSON.stringify([{ skill: rnd.pick(SKILLS), level: rnd.pick(['IN_PROGRESS', 'ACQUIRED', 'MASTERED']) }]),
          obstacles_met: rnd.chance(0.3) ? '{MOBILITY}' : '{}',
          author_organisation_id: organisationId,
          author_id: ids.users.get(author)!,
          submitted_at: at(addMonths(`${period}-01`, 1), 10),
        }),
      );
    }
  } else if (author) {
    for (const period of months) {
      const planned = rnd.pick([60, 70, 80]);
      (rows.training_attendance ??= []).push(
        base({
          stage_id: stage.id,
          period,
          hours_planned: planned,
          hours_attended: rnd.chance(0.2) ? planned - rnd.int(4, 20) : planned,
          author_organisation_id: organisationId,
          author_id: ids.users.get(author)!,
          submitted_at: at(addMonths(`${period}-01`, 1), 11),
        }),
      );
    }
    if (end < today) {
      const outcome =
        stage.status === StageStatus.ABANDONED ? TrainingOutcome.ABANDONED : rnd.chance(0.6) ? TrainingOutcome.CERTIFIED : TrainingOutcome.COMPLETED;
      (rows.training_result ??= []).push(
        base({
          stage_id: stage.id,
          outcome,
          ended_on: end,
          certification: outcome === TrainingOutcome.CERTIFIED ? 'Titre professionnel' : null,
          drop_out_reason: outcome === TrainingOutcome.ABANDONED ? 'Reprise d’un emploi' : null,
          author_organisation_id: organisationId,
          author_id: ids.users.get(author)!,
          recorded_at: now,
        }),
      );
    }
  }
}

/** An appointment (individual, or collective with a title): held with attendance if past, planned if not. */
function addAppointment(
  rows: Record<string, Row[]>,
  base: Base,
  rnd: DemoRandom,
  referentId: string,
  participants: string[],
  day: string,
  today: string,
  commune: string | null,
  hour = rnd.int(9, 16),
  title: string | null = null,
): void {
  const mode = title
    ? AppointmentMode.IN_PERSON
    : rnd.weighted([
        [AppointmentMode.IN_PERSON, 80],
        [AppointmentMode.PHONE, 12],
        [AppointmentMode.VIDEO, 8],
      ] as const);
  const localOffice = mode === AppointmentMode.IN_PERSON && commune !== null && rnd.chance(0.2);
  const past = day < today;
  const appointment = base({
    referent_id: referentId,
    kind: title ? AppointmentKind.COLLECTIVE : AppointmentKind.INDIVIDUAL,
    title,
    starts_at: at(day, hour - 1),
    ends_at: at(day, hour - 1, title ? 120 : 45),
    mode,
    place: mode !== AppointmentMode.IN_PERSON ? null : localOffice ? AppointmentPlace.LOCAL_OFFICE_HOURS : AppointmentPlace.OFFICE,
    commune_code: localOffice ? commune : null,
    video_link: mode === AppointmentMode.VIDEO ? 'https://visio.demo.jalon.fr/rdv' : null,
    status: past ? 'HELD' : 'PLANNED',
  });
  (rows.appointment ??= []).push(appointment);
  for (const participant of participants) {
    const attendance = !past
      ? Attendance.EXPECTED
      : rnd.weighted([
          [Attendance.PRESENT, 82],
          [Attendance.ABSENT, 12],
          [Attendance.EXCUSED, 6],
        ] as const);
    (rows.appointment_attendee ??= []).push(base({ appointment_id: appointment.id, participant_id: participant, attendance }));
  }
}
