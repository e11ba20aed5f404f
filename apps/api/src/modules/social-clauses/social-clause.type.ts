import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ClausePlacementKind, NEVER_SHARED, SocialClauseStatus } from '@jalon/domain';
import type { ConsentSubject, SubjectBearer } from '../../access/consent-scope';
import { Shared, SharedType } from '../../access/field-consent';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import type { ClauseProgressRow } from './social-clause.query';
import type { ClauseHours, ClausePlacement, SocialClause } from './social-clause.entity';

@ObjectType('SocialClauseCompany', { description: 'The company that owes a clause’s hours, or makes people available for them' })
export class SocialClauseCompanyType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType('SocialClauseProgress', { description: 'Counted by the database over the placements’ recorded hours' })
export class SocialClauseProgressType {
  @Field(() => Float)
  hoursDone!: number;

  @Field(() => Float, { description: 'Hours still owed (0 once done, even when more were done)' })
  hoursRemaining!: number;

  @Field(() => Float, { description: 'Hours done over hours owed, as a percentage (may pass 100)' })
  percentDone!: number;

  @Field(() => Float, { description: 'Hours due by today pro rata of the period’s days (all of them once it is over)' })
  expectedHoursToDate!: number;

  @Field(() => Int, { description: 'People placed on the clause' })
  peoplePlaced!: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of the latest hours recorded' })
  lastHoursOn!: string | null;

  @Field(() => SocialClauseStatus)
  status!: SocialClauseStatus;

  static from(row: ClauseProgressRow): SocialClauseProgressType {
    return {
      hoursDone: row.hoursDone,
      hoursRemaining: Math.max(0, Math.round((row.hoursOwed - row.hoursDone) * 100) / 100),
      percentDone: Math.round((row.hoursDone / row.hoursOwed) * 1000) / 10,
      expectedHoursToDate: row.expectedHoursToDate,
      peoplePlaced: row.peoplePlaced,
      lastHoursOn: row.lastHoursOn,
      status: row.status,
    };
  }
}

/** Hours one placed person did over a span of days. Participant data: staff only, never shared. */
@ObjectType('ClauseHoursRecord')
@SharedType(NEVER_SHARED)
export class ClauseHoursRecordType implements SubjectBearer {
  consentSubject!: ConsentSubject;

  @Shared(NEVER_SHARED)
  @Field(() => ID)
  id!: string;

  @Shared(NEVER_SHARED)
  @Field(() => LocalDateResolver)
  fromOn!: string;

  @Shared(NEVER_SHARED)
  @Field(() => LocalDateResolver)
  toOn!: string;

  @Shared(NEVER_SHARED)
  @Field(() => Float)
  hours!: number;

  @Shared(NEVER_SHARED)
  @Field()
  authorName!: string;

  static from(h: ClauseHours, participantId: string | null): ClauseHoursRecordType {
    return {
      id: toGlobalId('ClauseHoursRecord', h.id),
      fromOn: h.fromOn,
      toOn: h.toOn,
      hours: h.hours,
      authorName: h.author.displayName,
      consentSubject: { participantId: participantId ?? '', itemClass: NEVER_SHARED },
    };
  }
}

/** A person placed on a clause. Participant data: staff only, never shared with a partner. */
@ObjectType('ClausePlacement')
@SharedType(NEVER_SHARED)
export class ClausePlacementType implements SubjectBearer {
  consentSubject!: ConsentSubject;

  @Shared(NEVER_SHARED)
  @Field(() => ID)
  id!: string;

  @Shared(NEVER_SHARED)
  @Field(() => ID, { nullable: true, description: 'Null when the file was erased, or is not one the viewer may read' })
  participantId!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => String, { nullable: true, description: 'Null when the file was erased, or is not one the viewer may read' })
  participantName!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => ClausePlacementKind)
  kind!: ClausePlacementKind;

  @Shared(NEVER_SHARED)
  @Field(() => SocialClauseCompanyType, { nullable: true, description: 'The integration company that makes the person available' })
  intermediary!: SocialClauseCompanyType | null;

  @Shared(NEVER_SHARED)
  @Field(() => String, { nullable: true })
  position!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => LocalDateResolver)
  startsOn!: string;

  @Shared(NEVER_SHARED)
  @Field(() => LocalDateResolver, { nullable: true })
  endsOn!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => Float, { description: 'Hours recorded for this placement, summed by the database' })
  hoursDone!: number;

  @Shared(NEVER_SHARED)
  @Field(() => [ClauseHoursRecordType], { description: 'Hours recorded, latest first' })
  hours!: ClauseHoursRecordType[];

  @Shared(NEVER_SHARED)
  @Field(() => Int)
  version!: number;

  static from(p: ClausePlacement, readable: boolean, hoursDone: number, hours: ClauseHours[]): ClausePlacementType {
    const participantId = p.participant?.id ?? null;
    const shown = readable && p.participant;
    return {
      id: toGlobalId('ClausePlacement', p.id),
      participantId: shown ? toGlobalId('Participant', p.participant!.id) : null,
      participantName: shown ? `${p.participant!.firstName} ${p.participant!.lastName}` : null,
      kind: p.kind,
      intermediary: p.intermediary ? { id: toGlobalId('Company', p.intermediary.id), name: p.intermediary.name } : null,
      position: p.position ?? null,
      startsOn: p.startsOn,
      endsOn: p.endsOn ?? null,
      hoursDone,
      hours: hours.map((h) => ClauseHoursRecordType.from(h, participantId)),
      version: p.version,
      consentSubject: { participantId: participantId ?? '', itemClass: NEVER_SHARED },
    };
  }
}

/** The social clause of a public contract won by a followed company. Staff only, as is all of it. */
@ObjectType('SocialClause', { implements: Node })
export class SocialClauseType extends Node {
  readonly __typename = 'SocialClause';

  @Field(() => SocialClauseCompanyType)
  company!: SocialClauseCompanyType;

  @Field({ description: 'The public buyer' })
  buyer!: string;

  @Field()
  contractName!: string;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => String, { nullable: true })
  lot!: string | null;

  @Field(() => LocalDateResolver)
  startsOn!: string;

  @Field(() => LocalDateResolver)
  endsOn!: string;

  @Field(() => Float)
  hoursOwed!: number;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => SocialClauseProgressType)
  progress!: SocialClauseProgressType;

  @Field(() => Int, { description: 'Send it back when editing: a stale version is refused with CONFLICT' })
  version!: number;

  /** For the placements' field resolver. */
  entity!: SocialClause;

  static from(c: SocialClause, progress: ClauseProgressRow): SocialClauseType {
    return Object.assign(new SocialClauseType(), {
      id: toGlobalId('SocialClause', c.id),
      company: { id: toGlobalId('Company', c.company.id), name: c.company.name },
      buyer: c.buyer,
      contractName: c.contractName,
      reference: c.reference ?? null,
      lot: c.lot ?? null,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      hoursOwed: c.hoursOwed,
      notes: c.notes ?? null,
      progress: SocialClauseProgressType.from(progress),
      version: c.version,
      entity: c,
    });
  }
}

@ObjectType('SocialClauseConnection')
export class SocialClauseConnection extends Connection(SocialClauseType, 'SocialClause') {}
