import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON, LocalDateResolver } from 'graphql-scalars';
import { CaseloadAlert, EmploymentSituation, EsfAnswer, ExitKind, Gender, missingEsfEntryFields, PathwayStatus } from '@jalon/domain';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import type { ParticipantChange } from './participant-change.entity';
import type { Participant } from './participant.entity';
import type { Pathway } from './pathway.entity';

@ObjectType('Referent', { description: 'A path referent, as shown on a file' })
export class ReferentType {
  @Field(() => ID, { description: 'Global id of the referent membership' })
  id!: string;

  @Field()
  displayName!: string;

  @Field()
  organisationName!: string;
}

@ObjectType('Pathway', { implements: Node })
export class PathwayType extends Node {
  readonly __typename = 'Pathway';

  @Field(() => Int)
  number!: number;

  @Field(() => PathwayStatus)
  status!: PathwayStatus;

  @Field(() => LocalDateResolver)
  referralDate!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  entryDate!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  exitDate!: string | null;

  @Field(() => ExitKind, { nullable: true })
  exitKind!: ExitKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Set when the in-job follow-up ends: the positive exit is confirmed (or not)' })
  exitValidated!: boolean | null;

  @Field(() => EmploymentSituation, { nullable: true })
  employmentSituation!: EmploymentSituation | null;

  @Field(() => Int, { nullable: true })
  educationLevel!: number | null;

  @Field(() => EsfAnswer, { nullable: true })
  disability!: EsfAnswer | null;

  @Field(() => EsfAnswer, { nullable: true })
  thirdCountryNational!: EsfAnswer | null;

  @Field(() => EsfAnswer, { nullable: true })
  foreignBackground!: EsfAnswer | null;

  @Field(() => EsfAnswer, { nullable: true })
  minority!: EsfAnswer | null;

  @Field(() => EsfAnswer, { nullable: true })
  homeless!: EsfAnswer | null;

  @Field(() => EsfAnswer, { nullable: true })
  ruralArea!: EsfAnswer | null;

  @Field(() => [String], { description: 'ESF+ entry items still missing (gender and birth date come from the file)' })
  missingEsfFields!: string[];

  @Field(() => Int)
  version!: number;

  static from(pathway: Pathway, participant: Participant): PathwayType {
    const esf = {
      employmentSituation: pathway.employmentSituation ?? null,
      educationLevel: pathway.educationLevel ?? null,
      disability: pathway.disability ?? null,
      thirdCountryNational: pathway.thirdCountryNational ?? null,
      foreignBackground: pathway.foreignBackground ?? null,
      minority: pathway.minority ?? null,
      homeless: pathway.homeless ?? null,
      ruralArea: pathway.ruralArea ?? null,
    };
    return Object.assign(new PathwayType(), {
      id: toGlobalId('Pathway', pathway.id),
      number: pathway.number,
      status: pathway.status,
      referralDate: pathway.referralDate,
      entryDate: pathway.entryDate ?? null,
      exitDate: pathway.exitDate ?? null,
      exitKind: pathway.exitKind ?? null,
      exitValidated: pathway.exitValidated ?? null,
      ...esf,
      missingEsfFields: missingEsfEntryFields({ ...esf, gender: participant.gender, birthDate: participant.birthDate }),
      version: pathway.version,
    });
  }
}

@ObjectType('ParticipantAccess', { description: 'What the viewer may do with this file' })
export class ParticipantAccessType {
  @Field()
  canEdit!: boolean;
}

@ObjectType('Participant', { implements: Node })
export class ParticipantType extends Node {
  readonly __typename = 'Participant';

  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field(() => LocalDateResolver)
  birthDate!: string;

  @Field(() => Gender, { nullable: true })
  gender!: Gender | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  addressLine!: string | null;

  @Field(() => String, { nullable: true })
  postcode!: string | null;

  @Field(() => String, { nullable: true })
  communeCode!: string | null;

  @Field(() => String, { nullable: true })
  communeName!: string | null;

  @Field(() => String, { nullable: true })
  priorityDistrictCode!: string | null;

  @Field(() => ReferentType)
  referent!: ReferentType;

  @Field(() => PathwayType, { description: 'The latest pathway' })
  currentPathway!: PathwayType;

  @Field(() => [PathwayType], { description: 'Every pathway, latest first; earlier ones stay readable' })
  pathways!: PathwayType[];

  @Field(() => [CaseloadAlert], { description: 'What needs the referent’s attention on this file' })
  alerts!: CaseloadAlert[];

  @Field(() => ParticipantAccessType)
  access!: ParticipantAccessType;

  @Field(() => Int)
  version!: number;

  @Field()
  updatedAt!: Date;
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
