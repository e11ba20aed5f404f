import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON, LocalDateResolver } from 'graphql-scalars';
import { DataClass, EmploymentSituation, EsfAnswer, ExitKind, Gender, IDENTIFICATION, missingEsfEntryFields, NEVER_SHARED, PathwayStatus } from '@jalon/domain';
import type { ConsentSubject, SubjectBearer } from '../../access/consent-scope';
import { Shared, SharedType } from '../../access/field-consent';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import type { ParticipantChange } from './participant-change.entity';
import type { Participant } from './participant.entity';
import type { Pathway } from './pathway.entity';
import type { EsfRecord } from '../esf/esf-record.entity';
import type { StageRow } from '../stages/stage.type';

/** What a pathway's view is built from: the entity, or the participants list's row (participant-page.query.ts). */
export type PathwayRow = Pick<Pathway, 'id' | 'number' | 'status' | 'referralDate' | 'entryDate' | 'exitDate' | 'exitKind' | 'exitValidated' | 'version'> & {
  esf?: EsfItems | null;
};

/** The ESF+ items at entry and on leaving, from the pathway's EsfRecord (staff only: a partner's row comes without). */
export type EsfItems = Pick<
  EsfRecord,
  | 'employmentSituation'
  | 'educationLevel'
  | 'disability'
  | 'thirdCountryNational'
  | 'foreignBackground'
  | 'minority'
  | 'homeless'
  | 'ruralArea'
  | 'minimumIncome'
  | 'exitJobSearching'
  | 'exitInTraining'
  | 'exitQualification'
  | 'exitEmployed'
  | 'exitAnsweredOn'
  | 'sixMonthEmployed'
  | 'sixMonthBetterSituation'
  | 'sixMonthAnsweredOn'
  | 'version'
>;

/** A person's identity and contact, as a participant and a referral both record them. */
export type PersonIdentityKey =
  'firstName' | 'lastName' | 'birthDate' | 'gender' | 'phone' | 'email' | 'addressLine' | 'postcode' | 'communeCode' | 'priorityDistrictCode';

/** What a participant's view is built from: the entity (referent populated), or the participants list's row. */
export type ParticipantRow = Pick<Participant, 'id' | PersonIdentityKey | 'searchKey' | 'version' | 'updatedAt'> & {
  referent: { id: string; user: { id: string }; organisation: { name: string } };
};

// Plain values, no participant data, no field rules: resolved without the field middleware (a list of 700 stages has 700 of these).
@ObjectType('Referent', { simpleResolvers: true, description: 'A path referent, as shown on a file' })
export class ReferentType {
  @Field(() => ID, { description: 'Global id of the referent membership' })
  id!: string;

  @Field()
  displayName!: string;

  @Field()
  organisationName!: string;
}

// Plain values (see Stage): access/ guards every field still.
@ObjectType('Pathway', { implements: Node, simpleResolvers: true })
@SharedType(DataClass.PATHWAY_STATUS)
export class PathwayType extends Node implements SubjectBearer {
  readonly __typename = 'Pathway';
  consentSubject!: ConsentSubject;

  @Shared(DataClass.PATHWAY_STATUS)
  @Field(() => Int)
  number!: number;

  @Shared(DataClass.PATHWAY_STATUS)
  @Field(() => PathwayStatus)
  status!: PathwayStatus;

  @Shared(DataClass.PATHWAY_STATUS)
  @Field(() => LocalDateResolver)
  referralDate!: string;

  @Shared(DataClass.PATHWAY_STATUS)
  @Field(() => LocalDateResolver, { nullable: true })
  entryDate!: string | null;

  @Shared(DataClass.EXIT_FOLLOW_UP)
  @Field(() => LocalDateResolver, { nullable: true })
  exitDate!: string | null;

  @Shared(DataClass.EXIT_FOLLOW_UP)
  @Field(() => ExitKind, { nullable: true })
  exitKind!: ExitKind | null;

  @Shared(DataClass.EXIT_FOLLOW_UP)
  @Field(() => Boolean, { nullable: true, description: 'Set when the in-job follow-up ends: the positive exit is confirmed (or not)' })
  exitValidated!: boolean | null;

  @Shared(NEVER_SHARED)
  @Field(() => EmploymentSituation, { nullable: true })
  employmentSituation!: EmploymentSituation | null;

  @Shared(NEVER_SHARED)
  @Field(() => Int, { nullable: true })
  educationLevel!: number | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true })
  disability!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true })
  thirdCountryNational!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true })
  foreignBackground!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true })
  minority!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true })
  homeless!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true })
  ruralArea!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true, description: 'Beneficiary of minimum income (RSA) at entry' })
  minimumIncome!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true, description: 'Within four weeks of leaving: engaged in job searching (EECR01)' })
  exitJobSearching!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true, description: 'Within four weeks of leaving: in education or training (EECR02)' })
  exitInTraining!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true, description: 'Within four weeks of leaving: gained a qualification (EECR03)' })
  exitQualification!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true, description: 'Within four weeks of leaving: in employment, including self-employment (EECR04)' })
  exitEmployed!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the exit questionnaire was collected' })
  exitAnsweredOn!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true, description: 'Six months after leaving: in employment, including self-employment' })
  sixMonthEmployed!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => EsfAnswer, { nullable: true, description: 'Six months after leaving: a better situation on the labour market' })
  sixMonthBetterSituation!: EsfAnswer | null;

  @Shared(NEVER_SHARED)
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the six-month result was collected' })
  sixMonthAnsweredOn!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => [String], { nullable: true, description: 'ESF+ entry items still missing (gender and birth date come from the file)' })
  missingEsfFields!: string[] | null;

  @Shared(NEVER_SHARED)
  @Field(() => Int, { nullable: true })
  version!: number | null;

  @Shared(NEVER_SHARED)
  @Field(() => Int, { nullable: true, description: 'Version of the ESF+ data (0 before any is written): what updatePathwayEntry checks' })
  esfVersion!: number | null;

  /** A page of the list reads the person's gender and birth date only when `missingEsfFields` is asked for (participant-page.query.ts). */
  static from(pathway: PathwayRow, participant: Pick<Participant, 'id'> & Partial<Pick<Participant, 'gender' | 'birthDate'>>): PathwayType {
    return new PathwayType(pathway, participant);
  }

  // Every field is set here, as for a stage (StageType): one allocation per pathway, where spreading
  // the ESF+ items into Object.assign made three objects and grew the view field by field.
  private constructor(pathway: PathwayRow, participant: Pick<Participant, 'id'> & Partial<Pick<Participant, 'gender' | 'birthDate'>>) {
    super();
    const record = pathway.esf ?? null;
    this.id = toGlobalId('Pathway', pathway.id);
    this.number = pathway.number;
    this.status = pathway.status;
    this.referralDate = pathway.referralDate;
    this.entryDate = pathway.entryDate ?? null;
    this.exitDate = pathway.exitDate ?? null;
    this.exitKind = pathway.exitKind ?? null;
    this.exitValidated = pathway.exitValidated ?? null;
    this.employmentSituation = record?.employmentSituation ?? null;
    this.educationLevel = record?.educationLevel ?? null;
    this.disability = record?.disability ?? null;
    this.thirdCountryNational = record?.thirdCountryNational ?? null;
    this.foreignBackground = record?.foreignBackground ?? null;
    this.minority = record?.minority ?? null;
    this.homeless = record?.homeless ?? null;
    this.ruralArea = record?.ruralArea ?? null;
    this.minimumIncome = record?.minimumIncome ?? null;
    this.exitJobSearching = record?.exitJobSearching ?? null;
    this.exitInTraining = record?.exitInTraining ?? null;
    this.exitQualification = record?.exitQualification ?? null;
    this.exitEmployed = record?.exitEmployed ?? null;
    this.exitAnsweredOn = record?.exitAnsweredOn ?? null;
    this.sixMonthEmployed = record?.sixMonthEmployed ?? null;
    this.sixMonthBetterSituation = record?.sixMonthBetterSituation ?? null;
    this.sixMonthAnsweredOn = record?.sixMonthAnsweredOn ?? null;
    this.missingEsfFields = missingEsfEntryFields(participant, this);
    this.version = pathway.version;
    this.esfVersion = record?.version ?? 0;
    this.consentSubject = { participantId: participant.id, itemClass: DataClass.PATHWAY_STATUS };
  }
}

// Plain values, no participant data, no field rules: resolved without the field middleware (a list of 700 stages has 700 of these).
@ObjectType('ParticipantAccess', {
  simpleResolvers: true,
  description: 'What the viewer may do with this file, and which parts of it are shared with the viewer (all of it for staff)',
})
export class ParticipantAccessType {
  @Field()
  canEdit!: boolean;

  @Field()
  pathwayStatus!: boolean;

  @Field()
  identityContact!: boolean;

  @Field()
  appointments!: boolean;

  @Field()
  diagnosis!: boolean;

  @Field()
  health!: boolean;

  @Field()
  disability!: boolean;

  @Field()
  justice!: boolean;

  @Field()
  exitFollowUp!: boolean;
}

/** The participant-level classes the access booleans report, by field. */
export const PARTICIPANT_ACCESS_CLASSES = {
  pathwayStatus: DataClass.PATHWAY_STATUS,
  identityContact: DataClass.IDENTITY_CONTACT,
  appointments: DataClass.APPOINTMENTS,
  diagnosis: DataClass.DIAGNOSIS,
  health: DataClass.HEALTH,
  disability: DataClass.DISABILITY,
  justice: DataClass.JUSTICE,
  exitFollowUp: DataClass.EXIT_FOLLOW_UP,
} as const;

// Plain values (see Stage): access/ guards every field still.
@ObjectType('Participant', { implements: Node, simpleResolvers: true })
@SharedType(IDENTIFICATION)
export class ParticipantType extends Node implements SubjectBearer {
  readonly __typename = 'Participant';
  consentSubject!: ConsentSubject;
  /** For the nested fields (stages): the latest pathway, whatever the viewer may see of it. */
  currentPathwayId!: string;
  /** The referent's membership (not a global id): who may edit the file (ParticipantRecordFieldsResolver.access). */
  referentId!: string;
  /** That pathway's stages when the list brought them, read for this query's selection only (participant-page.query.ts). */
  listedStages?: StageRow[];

  @Shared(IDENTIFICATION)
  @Field()
  firstName!: string;

  @Shared(IDENTIFICATION)
  @Field()
  lastName!: string;

  @Shared(DataClass.IDENTITY_CONTACT)
  @Field(() => LocalDateResolver, { nullable: true })
  birthDate!: string | null;

  @Shared(DataClass.IDENTITY_CONTACT)
  @Field(() => Gender, { nullable: true })
  gender!: Gender | null;

  @Shared(DataClass.IDENTITY_CONTACT)
  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Shared(DataClass.IDENTITY_CONTACT)
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Shared(DataClass.IDENTITY_CONTACT)
  @Field(() => String, { nullable: true })
  addressLine!: string | null;

  @Shared(DataClass.IDENTITY_CONTACT)
  @Field(() => String, { nullable: true })
  postcode!: string | null;

  @Shared(DataClass.IDENTITY_CONTACT)
  @Field(() => String, { nullable: true })
  communeCode!: string | null;

  @Shared(DataClass.IDENTITY_CONTACT)
  @Field(() => String, { nullable: true })
  communeName!: string | null;

  @Shared(DataClass.IDENTITY_CONTACT)
  @Field(() => String, { nullable: true })
  priorityDistrictCode!: string | null;

  @Shared(DataClass.PATHWAY_STATUS)
  @Field(() => ReferentType, { nullable: true })
  referent!: ReferentType | null;

  @Shared(DataClass.PATHWAY_STATUS)
  @Field(() => PathwayType, { nullable: true, description: 'The latest pathway' })
  currentPathway!: PathwayType | null;

  @Shared(DataClass.PATHWAY_STATUS)
  @Field(() => [PathwayType], { nullable: true, description: 'Every pathway, latest first; earlier ones stay readable' })
  pathways!: PathwayType[] | null;

  // Resolved only when asked (ParticipantRecordFieldsResolver.access): eight decisions per person.
  @Shared(IDENTIFICATION)
  @Field(() => ParticipantAccessType)
  access!: ParticipantAccessType;

  @Shared(NEVER_SHARED)
  @Field(() => Int, { nullable: true })
  version!: number | null;

  @Shared(NEVER_SHARED)
  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;
}

@ObjectType('ParticipantConnection')
export class ParticipantConnection extends Connection(ParticipantType, 'Participant') {}

@ObjectType('FieldChange')
export class FieldChangeType {
  @Field()
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;
}

@ObjectType('ParticipantChange', { description: 'One entry of the history of a file' })
export class ParticipantChangeType {
  @Field()
  at!: Date;

  @Field()
  authorName!: string;

  @Field({ description: 'participant.created, participant.updated, pathway.entry, pathway.status, participant.referent, pathway.opened' })
  action!: string;

  @Field(() => [FieldChangeType])
  changes!: FieldChangeType[];

  static from(change: ParticipantChange): ParticipantChangeType {
    return Object.assign(new ParticipantChangeType(), { at: change.at, authorName: change.author.displayName, action: change.action, changes: change.changes });
  }
}

@ObjectType('ParticipantChangeConnection')
export class ParticipantChangeConnection extends Connection(ParticipantChangeType, 'ParticipantChange') {}
