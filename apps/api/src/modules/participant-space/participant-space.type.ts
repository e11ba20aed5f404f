import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { formatAccessCode, RightsRequestKind, RightsRequestStatus, type SpaceLocale } from '@jalon/domain';
import { Connection, toGlobalId } from '../../graphql/relay';
import type { RightsRequestRow } from '../../db/participant-space.query';
import { consentsInWords, nextAppointments, readsInWords, type OwnFile } from './participant-file';

registerEnumType(RightsRequestKind, { name: 'RightsRequestKind', description: 'Correction (RGPD art. 16) or erasure (art. 17) of her data' });
registerEnumType(RightsRequestStatus, { name: 'RightsRequestStatus' });

@ObjectType('MyAppointment', { description: 'One of her appointments, as she reads it in her space' })
export class MyAppointmentType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => DateTimeResolver) startsAt!: Date;
  @Field(() => DateTimeResolver) endsAt!: Date;
  @Field() mode!: string;
  @Field(() => String, { nullable: true }) videoLink!: string | null;
  @Field(() => String, { nullable: true }) referent!: string | null;
}

@ObjectType('MyStage', { description: 'A stage of her action plan: what the referent wrote to share with her, never the private notes' })
export class MyStageType {
  @Field(() => ID) id!: string;
  @Field() kindLabel!: string;
  @Field() status!: string;
  @Field(() => LocalDateResolver) plannedStart!: string;
  @Field(() => LocalDateResolver, { nullable: true }) plannedEnd!: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) actualStart!: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) actualEnd!: string | null;
  @Field(() => String, { nullable: true }) operator!: string | null;
  @Field(() => String, { nullable: true }) sharedSummary!: string | null;
}

@ObjectType('MyContract', { description: 'Her commitment contract' })
export class MyContractType {
  @Field(() => ID) id!: string;
  @Field(() => Int) number!: number;
  @Field(() => [String]) objectives!: string[];
  @Field(() => LocalDateResolver) startsOn!: string;
  @Field(() => LocalDateResolver) reviewOn!: string;
  @Field(() => LocalDateResolver, { nullable: true }) signedByParticipantOn!: string | null;
}

@ObjectType('MyConsent', { description: 'One of her consents, in plain words' })
export class MyConsentType {
  @Field(() => ID) id!: string;
  @Field({ description: '« La Mission locale voit vos étapes de formation jusqu’au 30 juin 2027, … »' }) sentence!: string;
  @Field() inForce!: boolean;
  @Field({ description: 'A grant in force, which she may withdraw herself' }) withdrawable!: boolean;
  @Field(() => DateTimeResolver, { nullable: true }) endedAt!: Date | null;
}

@ObjectType('MyFileRead', { description: 'One partner read of her file, from the access log' })
export class MyFileReadType {
  @Field(() => DateTimeResolver) at!: Date;
  @Field() organisation!: string;
  @Field() sentence!: string;
}

@ObjectType('RightsRequest', { description: 'A request for correction or erasure, due within one month' })
export class RightsRequestType {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { nullable: true, description: 'Whom it is from (null in her own space, and once the file is erased)' }) participantName!: string | null;
  @Field(() => ID, { nullable: true }) participantId!: string | null;
  @Field(() => RightsRequestKind) kind!: RightsRequestKind;
  @Field() message!: string;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => LocalDateResolver) dueOn!: string;
  @Field(() => RightsRequestStatus) status!: RightsRequestStatus;
  @Field(() => String, { nullable: true }) answer!: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) answeredAt!: Date | null;

  static fromRow(row: RightsRequestRow): RightsRequestType {
    return Object.assign(new RightsRequestType(), {
      id: toGlobalId('RightsRequest', row.id),
      version: row.version,
      participantName: row.first_name ? `${row.first_name} ${row.last_name}` : null,
      participantId: row.first_name ? toGlobalId('Participant', row.participant_id) : null,
      kind: row.kind as RightsRequestKind,
      message: row.message,
      createdAt: new Date(row.created_at),
      dueOn: row.due_on,
      status: row.status as RightsRequestStatus,
      answer: row.answer,
      answeredAt: row.answered_at && new Date(row.answered_at),
    });
  }
}

@ObjectType()
export class RightsRequestConnection extends Connection(RightsRequestType, 'RightsRequest') {}

@ObjectType('MySpace', { description: 'What a participant reads of her own file in her space' })
export class MySpaceType {
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field({ description: 'The PLIE following her' }) programme!: string;
  @Field(() => String, { nullable: true }) referent!: string | null;
  @Field(() => [MyAppointmentType]) nextAppointments!: MyAppointmentType[];
  @Field(() => [MyStageType]) stages!: MyStageType[];
  @Field(() => [MyContractType]) contracts!: MyContractType[];
  @Field(() => [MyConsentType]) consents!: MyConsentType[];
  @Field(() => [MyFileReadType], { description: 'Every partner read of her file, newest first' }) reads!: MyFileReadType[];
  @Field(() => [RightsRequestType]) requests!: RightsRequestType[];

  static from(file: OwnFile, now: Date, locale: SpaceLocale): MySpaceType {
    return Object.assign(new MySpaceType(), {
      firstName: file.participant.firstName,
      lastName: file.participant.lastName,
      programme: file.programme,
      referent: file.referent,
      nextAppointments: nextAppointments(file, now).map((a) => ({ ...a, startsAt: new Date(a.startsAt), endsAt: new Date(a.endsAt) })),
      stages: file.stages,
      contracts: file.contracts.map((c) => ({ ...c, objectives: c.objectives })),
      consents: consentsInWords(file, locale).map((c) => ({ ...c, id: toGlobalId('Consent', c.id), endedAt: c.endedAt ? new Date(c.endedAt) : null })),
      reads: readsInWords(file, locale).map((r) => ({ ...r, at: new Date(r.at) })),
      requests: file.requests.map((r) =>
        RightsRequestType.fromRow({
          ...r,
          version: 0,
          participant_id: '',
          first_name: null,
          last_name: null,
          created_at: new Date(r.createdAt),
          due_on: r.dueOn,
          answered_at: r.answeredAt ? new Date(r.answeredAt) : null,
        }),
      ),
    });
  }
}

@ObjectType('ParticipantSpaceAccess', { description: "Whether the person can reach her own space (the referent's view)" })
export class ParticipantSpaceAccessType {
  @Field(() => ID) participantId!: string;
  @Field({ description: 'A session in use now' }) active!: boolean;
  @Field(() => DateTimeResolver, { nullable: true }) lastSignInAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Until when the last code handed over, not yet used, works' }) codeExpiresAt!: Date | null;
}

@ObjectType('ParticipantAccessCode', { description: 'A one-time code to hand to the person: shown once, stored hashed' })
export class ParticipantAccessCodeType {
  @Field() code!: string;
  @Field(() => DateTimeResolver) expiresAt!: Date;

  static of(code: string, expiresAt: Date): ParticipantAccessCodeType {
    return Object.assign(new ParticipantAccessCodeType(), { code: formatAccessCode(code), expiresAt });
  }
}
