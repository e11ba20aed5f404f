import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CONSENT_NOTICE_VERSION,
  ConsentMethod,
  MeetingKind,
  MembershipRole,
  OrganisationKind,
  PathwayStatus,
  ReferralStatus,
  SHARING_PRESETS,
  SiaeKind,
  StageStatus,
  TargetTradeStatus,
  CompanyKind,
  CompanyEventKind,
  JobContractType,
  JobOfferSource,
  addDays,
  parisWallTime,
} from '@jalon/domain';
import { Consent } from '../../modules/consent/consent.entity';
import { ConsentEvent, ConsentEventAction } from '../../modules/consent/consent-event.entity';
import { Participant } from '../../modules/participants/participant.entity';
import { searchKeyOf } from '../../modules/participants/participant.validation';
import { Pathway } from '../../modules/participants/pathway.entity';
import { Diagnosis } from '../../modules/participants/diagnosis.entity';
import { ProfessionalProject, type TargetTrade } from '../../modules/project/professional-project.entity';
import { Company, CompanyEvent, type CompanyContact } from '../../modules/companies/company.entity';
import { Candidacy, JobOffer } from '../../modules/offers/job-offer.entity';
import { Referral, ReferralSubmission } from '../../modules/referrals/referral.entity';
import { AgendaItem, Meeting, MeetingInvitation, MeetingInvitee } from '../../modules/meetings/meeting.entity';
import { Stage } from '../../modules/stages/stage.entity';
import type { StageKind } from '../../modules/stages/stage-kind.entity';
import { hashPassword } from '../../modules/auth/password-hash';
import { Organisation } from '../../modules/organisations/organisation.entity';
import { Membership } from '../../modules/tenancy/membership.entity';
import { Tenant } from '../../modules/tenancy/tenant.entity';
import { User } from '../../modules/users/user.entity';
import { UserCredential } from '../../modules/auth/user-credential.entity';
import { seedStageCatalogue } from '../../modules/stages/stage-catalogue';
import { PriorityDistrict } from '../../modules/priority-districts/priority-district.entity';
import { seedDemoPopulation } from './demo-population';
import { demoClauses, seedDemoClauses } from './demo-clauses';
import { seedDemoImports } from './demo-imports';
import { seedDemoProgramme } from './demo-programme';
import { seedDemoRetention } from './demo-retention';
import { seedDemoParticipantSpace } from './demo-participant-space';
import { nextWeekday, seedDemoOfficeHours } from './demo-office-hours';
import { dayInFrance } from '../../graphql/date-input';
import { storyCalendar } from './story-calendar';

/** Every demo account shares this password (printed at start-up, never used outside the demo). */
export const DEMO_PASSWORD = 'jalon-demo-2026';

interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  siaeKind?: SiaeKind;
  inseeCode?: string;
  siret?: string;
}

/** A company the PLIE follows; `partner` names the organisation it is (same SIRET). Names and SIRETs are fictitious. */
interface DemoCompany {
  siret: string;
  name: string;
  kind: CompanyKind;
  nafCode: string;
  address: string;
  postcode: string;
  communeCode: string;
  partner?: string;
  inCharge?: string;
  contacts: CompanyContact[];
  events: Array<{ kind: CompanyEventKind; happenedOn: string; summary: string; outcome?: string; author: string }>;
  offers?: DemoOffer[];
}

/** An offer of a demo company; `postedByPartner`: the partner employer posted it itself. Candidacies name a person on file. */
interface DemoOffer {
  title: string;
  romeCode: string;
  communeCode: string;
  contractType: JobContractType;
  durationMonths?: number;
  weeklyHours: number;
  positions: number;
  startOn?: string;
  requirements?: string;
  source: JobOfferSource;
  author: string;
  postedByPartner?: boolean;
  candidacies?: Array<{ person: string; summary: string; proposedBy: string; proposedAt: string }>;
}

interface DemoUser {
  email: string;
  displayName: string;
  organisation: string;
  role: MembershipRole;
}

export interface DemoTenant {
  slug: string;
  name: string;
  /** Fictitious districts: the official ANCT list is imported by each PLIE (see the README). */
  districts: Array<{ code: string; name: string; communeCodes: string[] }>;
  organisations: DemoOrganisation[];
  users: DemoUser[];
  /** A few people already followed, some of them shared with partners, so every persona has something to see. */
  caseload?: DemoPerson[];
  /** Referrals waiting for the accreditation commission. */
  referrals?: DemoReferral[];
  /** Meetings planned with partners, their agenda already drafted. */
  meetings?: DemoMeeting[];
  /** The companies its staff follow, with their history. */
  companies?: DemoCompany[];
}

/** A planned meeting; items name a person on file or a referral by "First Last", or neither (a general item). */
interface DemoMeeting {
  kind: MeetingKind;
  title: string;
  /** Held on the coming ISO weekday (1: Monday) after the day the demo is loaded, so it is always ahead. */
  weekday: number;
  /** Its hours in Paris, in minutes from midnight. */
  from: number;
  to: number;
  place: string;
  organiser: string;
  invited: string[];
  invitees: string[];
  items: Array<{ person?: string; referral?: string; question: string; proposedBy: string }>;
}

/** A partner's referral of a person: who referred, why, and (for people on file) who decided. */
interface DemoReferral {
  firstName: string;
  lastName: string;
  birthDate: string;
  communeCode: string;
  phone?: string;
  organisation: string;
  author: string;
  receivedAt: string;
  situation: string;
  reason: string;
  status: ReferralStatus;
}

interface DemoPerson {
  firstName: string;
  lastName: string;
  birthDate: string;
  communeCode: string;
  referent: string;
  status: PathwayStatus;
  referralDate: string;
  entryDate?: string;
  stages: Array<{
    kind: string;
    operator?: string;
    plannedStart: string;
    plannedEnd?: string;
    status?: StageStatus;
    sharedSummary?: string;
    privateNotes?: string;
  }>;
  /** Who referred the person (the commission accepted the referral on the entry date). */
  referredBy?: { organisation: string; author: string; decidedBy: string; situation: string; reason: string };
  /** Organisation key → sharing preset key (SHARING_PRESETS). */
  shares: Array<{ organisation: string; preset: string }>;
  /** The trades held before (recorded at diagnosis) and the professional project's trades. */
  project?: { pastTrades: string[]; targets: TargetTrade[] };
}

const {
  ANIMATION_TEAM: AnimationTeam,
  REFERENT_OPERATOR: ReferentOperator,
  COMMUNE: Commune,
  INTEGRATION_COMPANY: IntegrationCompany,
  TRAINING_OPERATOR: TrainingOperator,
  OTHER_PARTNER: OtherPartner,
} = OrganisationKind;
const { TENANT_ADMIN: TenantAdmin, ANIMATION_TEAM: Animation, REFERENT: Referent, PARTNER_AGENT: PartnerAgent, PARTNER_ADMIN: PartnerAdmin } = MembershipRole;

/**
 * The demo PLIEs. Communes are real members of each metropolis (INSEE codes); the associations,
 * companies and people are invented. Fixed lists, so every start gives the same data, but for its
 * days: they move on with the day the demo is loaded (story-calendar.ts).
 */
export function demoTenants(today: string): DemoTenant[] {
  const story = storyCalendar(today);
  const day = story.day;
  return [
    {
      slug: 'grenoble-alpes',
      name: 'PLIE Grenoble Alpes Métropole',
      districts: [
        { code: 'QN03890Z', name: 'Quartier fictif des Glycines (démo)', communeCodes: ['38151'] },
        { code: 'QN03891Z', name: 'Quartier fictif du Torrent (démo)', communeCodes: ['38185', '38421'] },
      ],
      organisations: [
        { key: 'animation', name: "Équipe d'animation du PLIE Grenoble Alpes", kind: AnimationTeam },
        { key: 'op1', name: 'Association Passerelles Emploi', kind: ReferentOperator },
        { key: 'op2', name: "Maison de l'emploi Sud-Isère", kind: ReferentOperator },
        { key: 'op3', name: 'CIDFF Isère – accompagnement emploi', kind: ReferentOperator },
        { key: 'grenoble', name: 'Ville de Grenoble', kind: Commune, inseeCode: '38185' },
        { key: 'echirolles', name: "CCAS d'Échirolles", kind: Commune, inseeCode: '38151' },
        { key: 'smh', name: "Ville de Saint-Martin-d'Hères", kind: Commune, inseeCode: '38421' },
        { key: 'fontaine', name: 'Ville de Fontaine', kind: Commune, inseeCode: '38169' },
        { key: 'aci', name: 'Jardins du Drac (ACI)', kind: IntegrationCompany, siaeKind: SiaeKind.ACI, siret: '90000000100017' },
        { key: 'ei', name: 'Recyclerie Belledonne (EI)', kind: IntegrationCompany, siaeKind: SiaeKind.EI },
        { key: 'etti', name: 'Intérim Solidaire Alpes (ETTI)', kind: IntegrationCompany, siaeKind: SiaeKind.ETTI, siret: '90000000200015' },
        { key: 'training1', name: 'Formations Chartreuse', kind: TrainingOperator },
        { key: 'training2', name: 'Langues et Compétences Isère', kind: TrainingOperator },
        { key: 'ft', name: 'France Travail Grenoble Europole', kind: OtherPartner },
      ],
      users: [
        { email: 'admin@grenoble.demo', displayName: 'Hélène Faure', organisation: 'animation', role: TenantAdmin },
        { email: 'marc@grenoble.demo', displayName: 'Marc Girard', organisation: 'animation', role: Animation },
        { email: 'nadia@grenoble.demo', displayName: 'Nadia Benali', organisation: 'op1', role: Referent },
        { email: 'julien@grenoble.demo', displayName: 'Julien Perrin', organisation: 'op1', role: Referent },
        { email: 'amina@grenoble.demo', displayName: 'Amina Diallo', organisation: 'op2', role: Referent },
        { email: 'thomas@grenoble.demo', displayName: 'Thomas Rey', organisation: 'op2', role: Referent },
        // Referents whose caseloads are only generated people (demo-population.ts).
        { email: 'lea@grenoble.demo', displayName: 'Léa Fabre', organisation: 'op1', role: Referent },
        { email: 'hugo@grenoble.demo', displayName: 'Hugo Lemoine', organisation: 'op2', role: Referent },
        { email: 'samira@grenoble.demo', displayName: 'Samira Belkacem', organisation: 'op3', role: Referent },
        { email: 'antoine@grenoble.demo', displayName: 'Antoine Giraud', organisation: 'op3', role: Referent },
        { email: 'chloe@grenoble.demo', displayName: 'Chloé Vial', organisation: 'op3', role: Referent },
        { email: 'mehdi@grenoble.demo', displayName: 'Mehdi Amrani', organisation: 'op3', role: Referent },
        { email: 'sophie@grenoble.demo', displayName: 'Sophie Martin', organisation: 'echirolles', role: PartnerAgent },
        { email: 'lucas@grenoble.demo', displayName: 'Lucas Bernard', organisation: 'grenoble', role: PartnerAdmin },
        { email: 'karim@grenoble.demo', displayName: 'Karim Haddad', organisation: 'aci', role: PartnerAdmin },
        { email: 'elodie@grenoble.demo', displayName: 'Élodie Masson', organisation: 'etti', role: PartnerAgent },
        { email: 'claire@formation.demo', displayName: 'Claire Dubois', organisation: 'training1', role: PartnerAgent },
      ],
      caseload: [
        {
          firstName: 'Fatima',
          lastName: 'Kaci',
          birthDate: '1988-04-12',
          communeCode: '38151',
          referent: 'nadia@grenoble.demo',
          status: PathwayStatus.ACTIVE,
          referralDate: day('2026-05-04'),
          entryDate: day('2026-06-01'),
          stages: [
            {
              kind: 'IAE_CDDI_ACI',
              operator: 'aci',
              plannedStart: day('2026-09-01'),
              plannedEnd: day('2027-02-28'),
              status: StageStatus.IN_PROGRESS,
              sharedSummary: 'Ouvrière maraîchère, 26 h par semaine',
              privateNotes: 'Dette de loyer en cours de plan',
            },
            {
              kind: 'TRAINING_PRE_QUALIFYING',
              operator: 'training1',
              plannedStart: day('2027-01-11'),
              plannedEnd: day('2027-03-19'),
              sharedSummary: 'Préqualification espaces verts',
            },
          ],
          referredBy: {
            organisation: 'echirolles',
            author: 'sophie@grenoble.demo',
            decidedBy: 'marc@grenoble.demo',
            situation: 'Sans emploi depuis deux ans, élève seule deux enfants ; suivie par le CCAS.',
            reason: 'Souhaite travailler dans les espaces verts.',
          },
          project: {
            pastTrades: ['D1106', 'K2204'],
            targets: [
              {
                romeCode: 'A1203',
                status: TargetTradeStatus.CONFIRMED,
                skillsAcquired: ['Travail en extérieur par tous les temps', 'Semis, plantation et récolte au chantier maraîcher'],
                skillsToAcquire: ['Taille et tonte', 'Conduite d’une tondeuse autoportée'],
              },
              {
                romeCode: 'A1414',
                status: TargetTradeStatus.TO_EXPLORE,
                skillsAcquired: ['Entretien des cultures'],
                skillsToAcquire: ['Multiplication des végétaux'],
              },
            ],
          },
          shares: [
            { organisation: 'echirolles', preset: 'COMMUNE_REFERRAL' },
            { organisation: 'aci', preset: 'SIAE_CONTRACT' },
            { organisation: 'echirolles', preset: 'COORDINATION' },
            { organisation: 'aci', preset: 'COORDINATION' },
          ],
        },
        {
          firstName: 'Kevin',
          lastName: 'Roussel',
          birthDate: '1995-11-30',
          communeCode: '38151',
          referent: 'nadia@grenoble.demo',
          status: PathwayStatus.ACTIVE,
          referralDate: day('2026-07-06'),
          entryDate: day('2026-07-20'),
          stages: [
            { kind: 'JOB_SEARCH', plannedStart: day('2026-08-03'), status: StageStatus.IN_PROGRESS, sharedSummary: 'Recherche dans la logistique' },
            { kind: 'SUPPORT_MOBILITY', plannedStart: day('2026-09-14'), privateNotes: 'Permis suspendu' },
          ],
          referredBy: {
            organisation: 'echirolles',
            author: 'sophie@grenoble.demo',
            decidedBy: 'marc@grenoble.demo',
            situation: 'Jeune adulte sans qualification, hébergé chez sa mère.',
            reason: 'Cherche un emploi dans la logistique.',
          },
          shares: [
            { organisation: 'echirolles', preset: 'COMMUNE_REFERRAL' },
            { organisation: 'echirolles', preset: 'COORDINATION' },
          ],
        },
        {
          firstName: 'Aminata',
          lastName: 'Sow',
          birthDate: '1979-02-08',
          communeCode: '38185',
          referent: 'nadia@grenoble.demo',
          status: PathwayStatus.ACTIVE,
          referralDate: day('2026-03-02'),
          entryDate: day('2026-03-16'),
          stages: [
            {
              kind: 'IAE_CDDI_ACI',
              operator: 'aci',
              plannedStart: day('2026-04-01'),
              plannedEnd: day('2026-12-31'),
              status: StageStatus.IN_PROGRESS,
              sharedSummary: 'Agente d’entretien des espaces verts',
            },
          ],
          project: {
            pastTrades: ['K2204'],
            targets: [{ romeCode: 'A1203', status: TargetTradeStatus.CONFIRMED, skillsAcquired: ['Débroussaillage', 'Tonte'], skillsToAcquire: ['Taille'] }],
          },
          shares: [
            { organisation: 'aci', preset: 'SIAE_CONTRACT' },
            { organisation: 'aci', preset: 'EMPLOYER_CANDIDACY' },
          ],
        },
        {
          firstName: 'Théo',
          lastName: 'Garnier',
          birthDate: '2001-06-21',
          communeCode: '38421',
          referent: 'nadia@grenoble.demo',
          status: PathwayStatus.PENDING_ACCREDITATION,
          referralDate: day('2026-11-16'),
          stages: [],
          shares: [],
        },
      ],
      referrals: [
        {
          firstName: 'Yasmine',
          lastName: 'Bouzid',
          birthDate: '1991-09-03',
          communeCode: '38151',
          phone: '0612345678',
          organisation: 'echirolles',
          author: 'sophie@grenoble.demo',
          receivedAt: day('2026-11-23T10:15:00Z'),
          situation: 'Au RSA depuis 14 mois, sans véhicule ; suivie par le CCAS pour un dossier de surendettement.',
          reason: 'Souhaite un emploi d’aide à domicile à Échirolles.',
          status: ReferralStatus.NEW,
        },
        {
          firstName: 'Marc-Antoine',
          lastName: 'Lefèvre',
          birthDate: '1983-01-27',
          communeCode: '38185',
          organisation: 'grenoble',
          author: 'lucas@grenoble.demo',
          receivedAt: day('2026-11-12T14:00:00Z'),
          situation: `Ancien cariste, licencié économique, fin de droits en ${story.monthName('2027-01-15')}.`,
          reason: 'Reconversion vers la maintenance de bâtiments.',
          status: ReferralStatus.UNDER_REVIEW,
        },
      ],
      companies: [
        {
          siret: '90000000100017',
          name: 'Jardins du Drac (ACI)',
          kind: CompanyKind.INTEGRATION,
          nafCode: '01.13Z',
          address: '5 chemin des Maraîchers',
          postcode: '38130',
          communeCode: '38151',
          partner: 'aci',
          inCharge: 'marc@grenoble.demo',
          contacts: [{ name: 'Karim Haddad', role: 'Encadrant technique', phone: '04 76 00 10 01', email: 'karim@grenoble.demo' }],
          events: [
            { kind: CompanyEventKind.EVENT, happenedOn: day('2026-10-14'), summary: 'Comité de suivi des CDDI du trimestre.', author: 'marc@grenoble.demo' },
          ],
          offers: [
            {
              title: 'Agent·e d’entretien des espaces verts',
              romeCode: 'A1203',
              communeCode: '38151',
              contractType: JobContractType.CDDI,
              durationMonths: 6,
              weeklyHours: 26,
              positions: 2,
              startOn: day('2027-01-11'),
              requirements: 'Aucune qualification exigée ; travail en extérieur.',
              source: JobOfferSource.PARTNER,
              author: 'karim@grenoble.demo',
              postedByPartner: true,
              candidacies: [
                {
                  person: 'Aminata Sow',
                  summary: 'Neuf mois au chantier : tonte et débroussaillage en autonomie, ponctuelle. Souhaite continuer dans les espaces verts.',
                  proposedBy: 'nadia@grenoble.demo',
                  proposedAt: day('2026-11-27T10:00:00Z'),
                },
              ],
            },
          ],
        },
        {
          siret: '90000000200015',
          name: 'Intérim Solidaire Alpes (ETTI)',
          kind: CompanyKind.INTEGRATION,
          nafCode: '78.20Z',
          address: '18 cours Berriat',
          postcode: '38000',
          communeCode: '38185',
          partner: 'etti',
          inCharge: 'marc@grenoble.demo',
          contacts: [{ name: 'Élodie Masson', role: 'Chargée d’insertion', phone: '04 76 00 20 02', email: 'elodie@grenoble.demo' }],
          events: [],
        },
        {
          siret: '90000000300013',
          name: 'Propreté des Alpes (démo)',
          kind: CompanyKind.CLASSIC,
          nafCode: '81.21Z',
          address: '40 rue des Alliés',
          postcode: '38100',
          communeCode: '38185',
          inCharge: 'nadia@grenoble.demo',
          contacts: [
            { name: 'Hélène Morel', role: 'Responsable des ressources humaines', phone: '04 76 00 30 03', email: 'rh@proprete-alpes.example' },
            { name: 'Luc Garnier', role: "Chef d'équipe", phone: '06 00 00 30 04', email: null },
          ],
          offers: [
            {
              title: 'Agent·e de propreté de bureaux',
              romeCode: 'K2204',
              communeCode: '38185',
              contractType: JobContractType.CDI,
              weeklyHours: 24,
              positions: 3,
              startOn: day('2027-01-04'),
              requirements: 'Débutants acceptés ; horaires tôt le matin et en soirée.',
              source: JobOfferSource.COMPANY,
              author: 'nadia@grenoble.demo',
            },
          ],
          events: [
            {
              kind: CompanyEventKind.VISIT,
              happenedOn: day('2026-11-18'),
              summary: 'Visite des équipes de nettoyage de bureaux ; horaires tôt le matin et en soirée.',
              outcome: `Trois postes d’agent de propreté à pourvoir en ${story.monthName('2027-01-04')}, débutants acceptés.`,
              author: 'nadia@grenoble.demo',
            },
            {
              kind: CompanyEventKind.CALL,
              happenedOn: day('2026-10-02'),
              summary: 'Premier contact avec la responsable RH, intéressée par la clause d’insertion du marché de la Ville.',
              outcome: 'Visite à organiser.',
              author: 'nadia@grenoble.demo',
            },
          ],
        },
        {
          siret: '90000000400011',
          name: 'Logistique du Drac (démo)',
          kind: CompanyKind.CLASSIC,
          nafCode: '52.10B',
          address: '2 rue de la Gare',
          postcode: '38400',
          communeCode: '38421',
          inCharge: 'julien@grenoble.demo',
          contacts: [{ name: 'Sonia Perret', role: 'Directrice d’entrepôt', phone: '04 76 00 40 05', email: 'entrepot@logistique-drac.example' }],
          offers: [
            {
              title: 'Préparateur·rice de commandes',
              romeCode: 'N1103',
              communeCode: '38421',
              contractType: JobContractType.CDD,
              durationMonths: 6,
              weeklyHours: 35,
              positions: 2,
              requirements: 'CACES R489 apprécié, formation possible.',
              source: JobOfferSource.COMPANY,
              author: 'julien@grenoble.demo',
              candidacies: [
                {
                  person: 'Kevin Roussel',
                  summary: 'Motivé par la logistique, disponible tout de suite ; permis en cours de récupération.',
                  proposedBy: 'nadia@grenoble.demo',
                  proposedAt: day('2026-11-26T09:00:00Z'),
                },
              ],
            },
          ],
          events: [
            {
              kind: CompanyEventKind.EMAIL,
              happenedOn: day('2026-11-25'),
              summary: 'Envoi de deux profils de préparateurs de commandes.',
              outcome: 'Entretiens proposés la semaine prochaine.',
              author: 'julien@grenoble.demo',
            },
          ],
        },
        {
          siret: '90000000500018',
          name: 'Résidence Les Tilleuls, EHPAD public (démo)',
          kind: CompanyKind.PUBLIC_EMPLOYER,
          nafCode: '87.10A',
          address: '7 avenue des Tilleuls',
          postcode: '38130',
          communeCode: '38151',
          contacts: [{ name: 'Direction des soins', role: null, phone: '04 76 00 50 06', email: null }],
          events: [],
          offers: [
            {
              title: 'Agent·e de service hospitalier',
              romeCode: 'J1301',
              communeCode: '38151',
              contractType: JobContractType.CDD,
              durationMonths: 12,
              weeklyHours: 35,
              positions: 1,
              source: JobOfferSource.FRANCE_TRAVAIL,
              author: 'marc@grenoble.demo',
            },
          ],
        },
      ],
      meetings: [
        {
          kind: MeetingKind.PARTNER_COORDINATION,
          title: 'Coordination des parcours — Échirolles',
          weekday: 4,
          from: 9 * 60 + 30,
          to: 11 * 60 + 30,
          place: 'Maison des solidarités, 12 avenue Jean-Jaurès, Échirolles',
          organiser: 'marc@grenoble.demo',
          invited: ['echirolles', 'aci'],
          invitees: ['sophie@grenoble.demo', 'karim@grenoble.demo'],
          items: [
            {
              person: 'Fatima Kaci',
              question: `Articuler le CDDI et la préqualification de ${story.monthName('2027-01-11')} : quels horaires ?`,
              proposedBy: 'nadia@grenoble.demo',
            },
            { person: 'Kevin Roussel', question: 'Solutions de mobilité en attendant le permis ?', proposedBy: 'nadia@grenoble.demo' },
            {
              person: 'Aminata Sow',
              question: `Fin de contrat au ${story.dayAndMonth('2026-12-31')} : suite de parcours ?`,
              proposedBy: 'nadia@grenoble.demo',
            },
            { question: 'Calendrier des forums emploi du trimestre à venir', proposedBy: 'marc@grenoble.demo' },
          ],
        },
        {
          kind: MeetingKind.ACCREDITATION_COMMISSION,
          title: 'Commission d’agrément du mois',
          weekday: 2,
          from: 14 * 60,
          to: 16 * 60,
          place: 'Équipe d’animation du PLIE, Grenoble',
          organiser: 'marc@grenoble.demo',
          invited: ['grenoble', 'echirolles'],
          invitees: [],
          items: [{ referral: 'Marc-Antoine Lefèvre', question: 'Entrée dans le PLIE ?', proposedBy: 'marc@grenoble.demo' }],
        },
      ],
    },
    {
      slug: 'clermont-auvergne',
      name: 'PLIE Clermont Auvergne Métropole',
      districts: [{ code: 'QN06390Z', name: 'Quartier fictif des Puys (démo)', communeCodes: ['63113'] }],
      organisations: [
        { key: 'animation', name: "Équipe d'animation du PLIE Clermont Auvergne", kind: AnimationTeam },
        { key: 'op1', name: 'Association Inserdôme', kind: ReferentOperator },
        { key: 'op2', name: "Maison de l'emploi Clermont Métropole", kind: ReferentOperator },
        { key: 'clermont', name: 'Ville de Clermont-Ferrand', kind: Commune, inseeCode: '63113' },
        { key: 'cournon', name: "CCAS de Cournon-d'Auvergne", kind: Commune, inseeCode: '63124' },
        { key: 'chamalieres', name: 'Ville de Chamalières', kind: Commune, inseeCode: '63075' },
        { key: 'aubiere', name: 'Ville d’Aubière', kind: Commune, inseeCode: '63014' },
        { key: 'aci', name: 'Les Ateliers du Puy (ACI)', kind: IntegrationCompany, siaeKind: SiaeKind.ACI, siret: '90000000600016' },
        { key: 'ei', name: 'Volcans Services (EI)', kind: IntegrationCompany, siaeKind: SiaeKind.EI },
        { key: 'etti', name: 'Arverne Intérim Insertion (ETTI)', kind: IntegrationCompany, siaeKind: SiaeKind.ETTI },
        { key: 'training1', name: 'Formations Chartreuse – antenne Auvergne', kind: TrainingOperator },
        { key: 'training2', name: 'Savoirs de Base Auvergne', kind: TrainingOperator },
        { key: 'ft', name: 'France Travail Clermont Jaude', kind: OtherPartner },
      ],
      users: [
        { email: 'admin@clermont.demo', displayName: 'Bruno Chabrier', organisation: 'animation', role: TenantAdmin },
        { email: 'isabelle@clermont.demo', displayName: 'Isabelle Roux', organisation: 'animation', role: Animation },
        { email: 'yasmine@clermont.demo', displayName: 'Yasmine Morel', organisation: 'op1', role: Referent },
        { email: 'pierre@clermont.demo', displayName: 'Pierre Vidal', organisation: 'op1', role: Referent },
        { email: 'fatou@clermont.demo', displayName: 'Fatou Ndiaye', organisation: 'op2', role: Referent },
        { email: 'agnes@clermont.demo', displayName: 'Agnès Boyer', organisation: 'cournon', role: PartnerAgent },
        { email: 'olivier@clermont.demo', displayName: 'Olivier Gauthier', organisation: 'aci', role: PartnerAdmin },
        // Claire's training operator works for both PLIEs: she switches tenant in the portal.
        { email: 'claire@formation.demo', displayName: 'Claire Dubois', organisation: 'training1', role: PartnerAgent },
      ],
      companies: [
        {
          siret: '90000000600016',
          name: 'Les Ateliers du Puy (ACI)',
          kind: CompanyKind.INTEGRATION,
          nafCode: '88.99B',
          address: '9 rue du Puy-de-Dôme',
          postcode: '63000',
          communeCode: '63113',
          partner: 'aci',
          inCharge: 'isabelle@clermont.demo',
          contacts: [{ name: 'Olivier Gauthier', role: 'Directeur', phone: '04 73 00 60 06', email: 'olivier@clermont.demo' }],
          events: [],
        },
        {
          siret: '90000000700014',
          name: 'Boulangeries Arvernes (démo)',
          kind: CompanyKind.CLASSIC,
          nafCode: '10.71C',
          address: '21 place de Jaude',
          postcode: '63000',
          communeCode: '63113',
          inCharge: 'yasmine@clermont.demo',
          contacts: [{ name: 'Marion Fayolle', role: 'Gérante', phone: '04 73 00 70 07', email: null }],
          events: [
            {
              kind: CompanyEventKind.VISIT,
              happenedOn: day('2026-11-20'),
              summary: 'Visite du fournil ; besoin de vendeuses le week-end.',
              outcome: 'Une offre de vendeuse en boulangerie à saisir.',
              author: 'yasmine@clermont.demo',
            },
          ],
          offers: [
            {
              title: 'Vendeur·se en boulangerie (week-end)',
              romeCode: 'D1106',
              communeCode: '63113',
              contractType: JobContractType.CDD,
              durationMonths: 6,
              weeklyHours: 15,
              positions: 1,
              startOn: day('2027-01-09'),
              source: JobOfferSource.COMPANY,
              author: 'yasmine@clermont.demo',
            },
          ],
        },
      ],
    },
  ];
}

/**
 * Loads the demo tenants into an empty database, as of `today` (in France); returns false (and does
 * nothing) if any tenant exists.
 */
export async function seedDemoData(em: EntityManager, today = dayInFrance(new Date())): Promise<boolean> {
  if ((await em.count(Tenant, {})) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const tenants = demoTenants(today);
  const users = new Map<string, User>();
  const memberships = new Map<string, Membership>();
  for (const demo of tenants) {
    const tenant = em.create(Tenant, { slug: demo.slug, name: demo.name });
    const kinds = seedStageCatalogue(em, tenant);
    for (const district of demo.districts) em.create(PriorityDistrict, { tenant, ...district });
    const organisations = new Map(
      demo.organisations.map((o) => [
        o.key,
        em.create(Organisation, { tenant, name: o.name, kind: o.kind, siaeKind: o.siaeKind ?? null, inseeCode: o.inseeCode ?? null, siret: o.siret ?? null }),
      ]),
    );
    for (const u of demo.users) {
      let user = users.get(u.email);
      if (!user) {
        user = em.create(User, { email: u.email, displayName: u.displayName });
        em.create(UserCredential, { user, passwordHash });
        users.set(u.email, user);
      }
      const membership = em.create(Membership, { tenant, user, organisation: organisations.get(u.organisation)!, role: u.role });
      memberships.set(`${demo.slug}/${u.email}`, membership);
    }
    const refs = { kinds, organisations, memberships, users };
    const files = new Map((demo.caseload ?? []).map((person) => [`${person.firstName} ${person.lastName}`, seedDemoPerson(em, tenant, person, refs)]));
    const people = new Map([...files].map(([name, file]) => [name, file.participant]));
    const referrals = new Map(
      (demo.referrals ?? []).map((referral) => [`${referral.firstName} ${referral.lastName}`, seedDemoReferral(em, tenant, referral, refs)]),
    );
    for (const meeting of demo.meetings ?? []) seedDemoMeeting(em, tenant, meeting, refs, people, referrals, today);
    for (const company of demo.companies ?? []) seedDemoCompany(em, tenant, company, refs, files);
  }
  // The named story and the generated population commit together, or not at all.
  await em.begin();
  try {
    await em.flush();
    await seedDemoPopulation(em, tenants, today);
    await seedDemoClauses(em, demoClauses(today));
    await seedDemoImports(em);
    await seedDemoProgramme(em);
    await seedDemoRetention(em);
    await seedDemoParticipantSpace(em);
    await seedDemoOfficeHours(em);
    await em.commit();
  } catch (error) {
    await em.rollback();
    throw error;
  }
  return true;
}

interface SeedRefs {
  kinds: Map<string, StageKind>;
  organisations: Map<string, Organisation>;
  memberships: Map<string, Membership>;
  users: Map<string, User>;
}

/** A referral as the partner made it (and, for a person on file, as the commission accepted it). */
function seedDemoReferral(
  em: EntityManager,
  tenant: Tenant,
  demo: DemoReferral,
  refs: SeedRefs,
  accepted?: { participant: Participant; pathway: Pathway; decidedAt: Date; decidedBy: User },
): Referral {
  const organisation = refs.organisations.get(demo.organisation)!;
  const receivedAt = new Date(demo.receivedAt);
  const referral = em.create(Referral, {
    tenant,
    referringOrganisation: organisation,
    firstName: demo.firstName,
    lastName: demo.lastName,
    searchKey: searchKeyOf(demo.lastName, demo.firstName),
    birthDate: demo.birthDate,
    phone: demo.phone ?? null,
    communeCode: demo.communeCode,
    status: demo.status,
    receivedAt,
    ...(accepted ? { participant: accepted.participant, pathway: accepted.pathway, decidedAt: accepted.decidedAt, decidedBy: accepted.decidedBy } : {}),
  });
  em.create(ReferralSubmission, {
    tenant,
    referral,
    organisation,
    // The partner's own copy of the person and of the referral's progress (what it reads back).
    firstName: referral.firstName,
    lastName: referral.lastName,
    searchKey: referral.searchKey,
    birthDate: referral.birthDate,
    phone: referral.phone,
    communeCode: referral.communeCode,
    status: referral.status,
    decidedAt: referral.decidedAt,
    author: refs.users.get(demo.author)!,
    submittedAt: receivedAt,
    situation: demo.situation,
    reason: demo.reason,
    agreementMethod: ConsentMethod.SIGNED_FORM,
    agreedOn: demo.receivedAt.slice(0, 10),
  });
  return referral;
}

/** A meeting with its invitations and agenda, as the animation team and the referents drafted it. */
function seedDemoMeeting(
  em: EntityManager,
  tenant: Tenant,
  demo: DemoMeeting,
  refs: SeedRefs,
  people: Map<string, Participant>,
  referrals: Map<string, Referral>,
  today: string,
): void {
  const day = nextWeekday(addDays(today, 1), demo.weekday);
  const meeting = em.create(Meeting, {
    tenant,
    kind: demo.kind,
    title: demo.title,
    startsAt: parisWallTime(day, demo.from),
    endsAt: parisWallTime(day, demo.to),
    place: demo.place,
    organiser: refs.users.get(demo.organiser)!,
  });
  for (const key of demo.invited) em.create(MeetingInvitation, { tenant, meeting, organisation: refs.organisations.get(key)! });
  for (const email of demo.invitees) {
    const membership = refs.memberships.get(`${tenant.slug}/${email}`)!;
    em.create(MeetingInvitee, { tenant, meeting, user: membership.user, organisation: membership.organisation });
  }
  demo.items.forEach((item, index) =>
    em.create(AgendaItem, {
      tenant,
      meeting,
      position: index + 1,
      participant: item.person ? people.get(item.person)! : null,
      referral: item.referral ? referrals.get(item.referral)! : null,
      question: item.question,
      proposedBy: refs.users.get(item.proposedBy)!,
    }),
  );
}

function seedDemoCompany(
  em: EntityManager,
  tenant: Tenant,
  demo: DemoCompany,
  refs: SeedRefs,
  files: Map<string, { participant: Participant; pathway: Pathway }>,
): void {
  const { partner, inCharge, events, offers, ...details } = demo;
  const company = em.create(Company, {
    tenant,
    ...details,
    organisation: partner ? refs.organisations.get(partner)! : null,
    inCharge: inCharge ? refs.memberships.get(`${tenant.slug}/${inCharge}`)! : null,
  });
  for (const event of events) {
    em.create(CompanyEvent, {
      tenant,
      company,
      kind: event.kind,
      happenedOn: event.happenedOn,
      summary: event.summary,
      outcome: event.outcome ?? null,
      author: refs.users.get(event.author)!,
    });
  }
  for (const { candidacies, postedByPartner, author, ...offer } of offers ?? []) {
    const jobOffer = em.create(JobOffer, {
      tenant,
      company,
      ...offer,
      postedByOrganisation: postedByPartner ? company.organisation : null,
      author: refs.users.get(author)!,
    });
    for (const candidacy of candidacies ?? []) {
      const file = files.get(candidacy.person)!;
      em.create(Candidacy, {
        tenant,
        offer: jobOffer,
        ...file,
        summary: candidacy.summary,
        proposedBy: refs.users.get(candidacy.proposedBy)!,
        createdAt: new Date(candidacy.proposedAt),
      });
    }
  }
}

/** One demo person: file, pathway, stages, and the consents they signed (with their GRANTED event). */
function seedDemoPerson(em: EntityManager, tenant: Tenant, person: DemoPerson, refs: SeedRefs): { participant: Participant; pathway: Pathway } {
  const referent = refs.memberships.get(`${tenant.slug}/${person.referent}`)!;
  const participant = em.create(Participant, {
    tenant,
    firstName: person.firstName,
    lastName: person.lastName,
    searchKey: searchKeyOf(person.lastName, person.firstName),
    birthDate: person.birthDate,
    communeCode: person.communeCode,
    referent,
    currentStatus: person.status,
  });
  const pathway = em.create(Pathway, {
    tenant,
    participant,
    number: 1,
    status: person.status,
    referralDate: person.referralDate,
    entryDate: person.entryDate ?? null,
  });
  const stages = person.stages.map((s) =>
    em.create(Stage, {
      tenant,
      pathway,
      kind: refs.kinds.get(s.kind)!,
      operator: s.operator ? refs.organisations.get(s.operator)! : null,
      status: s.status ?? StageStatus.PLANNED,
      plannedStart: s.plannedStart,
      plannedEnd: s.plannedEnd ?? null,
      actualStart: s.status === StageStatus.IN_PROGRESS ? s.plannedStart : null,
      sharedSummary: s.sharedSummary ?? null,
      privateNotes: s.privateNotes ?? null,
    }),
  );
  if (person.referredBy) {
    const { organisation, author, decidedBy, situation, reason } = person.referredBy;
    seedDemoReferral(
      em,
      tenant,
      { ...person, organisation, author, situation, reason, status: ReferralStatus.ACCEPTED, receivedAt: `${person.referralDate}T09:00:00Z` },
      refs,
      { participant, pathway, decidedAt: new Date(`${person.entryDate ?? person.referralDate}T14:00:00Z`), decidedBy: refs.users.get(decidedBy)! },
    );
  }
  for (const share of person.shares) {
    const preset = SHARING_PRESETS.find((p) => p.key === share.preset)!;
    const organisation = refs.organisations.get(share.organisation)!;
    const consent = em.create(Consent, {
      tenant,
      participant,
      pathway,
      granteeOrganisation: organisation,
      dataClasses: [...preset.dataClasses],
      stageIds: preset.ownStagesOnly ? stages.filter((s) => s.operator === organisation).map((s) => s.id) : null,
      purpose: preset.purpose,
      validFrom: new Date(`${person.entryDate ?? person.referralDate}T09:00:00Z`),
      method: ConsentMethod.SIGNED_FORM,
      collectedBy: referent.user,
      collectedOn: person.entryDate ?? person.referralDate,
      noticeVersion: CONSENT_NOTICE_VERSION,
    });
    em.create(ConsentEvent, { tenant, consent, action: ConsentEventAction.GRANTED, at: consent.validFrom, author: referent.user });
  }
  if (person.project) {
    em.create(Diagnosis, { tenant, pathway, pastTrades: person.project.pastTrades, carriedOutOn: person.entryDate ?? null });
    em.create(ProfessionalProject, { tenant, pathway, number: 1, targets: person.project.targets, author: referent.user });
  }
  return { participant, pathway };
}
