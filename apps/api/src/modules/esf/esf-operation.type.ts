import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { toGlobalId } from '../../graphql/relay';
import type { EsfOperationChange } from './esf-operation-change.entity';
import type { EsfOperation } from './esf-operation.entity';

// Staff only (the operation gate), no participant data: plain fields.
@ObjectType('EsfOperation', { simpleResolvers: true, description: 'An ESF+ operation: the funded project the managing authority knows by its file number' })
export class EsfOperationType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The managing authority’s file number' })
  fileNumber!: string;

  @Field()
  title!: string;

  @Field(() => LocalDateResolver)
  startsOn!: string;

  @Field(() => LocalDateResolver)
  endsOn!: string;

  @Field({ description: 'The organisation carrying the operation' })
  beneficiary!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The last payment; its year + 5 ends the audit retention (null: not paid off yet)' })
  lastPaymentOn!: string | null;

  @Field(() => Int)
  version!: number;

  static from(operation: EsfOperation): EsfOperationType {
    return Object.assign(new EsfOperationType(), {
      id: toGlobalId('EsfOperation', operation.id),
      fileNumber: operation.fileNumber,
      title: operation.title,
      startsOn: operation.startsOn,
      endsOn: operation.endsOn,
      beneficiary: operation.beneficiary,
      lastPaymentOn: operation.lastPaymentOn ?? null,
      version: operation.version,
    });
  }
}

@ObjectType('EsfOperationChange', { simpleResolvers: true, description: 'One move of a pathway between ESF+ operations' })
export class EsfOperationChangeType {
  @Field()
  changedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Null: the pathway had no operation before' })
  fromOperation!: string | null;

  @Field()
  toOperation!: string;

  @Field()
  changedBy!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  static from(change: EsfOperationChange, changedBy: string): EsfOperationChangeType {
    const label = (o: EsfOperation) => `${o.fileNumber} — ${o.title}`;
    return Object.assign(new EsfOperationChangeType(), {
      changedAt: change.createdAt,
      fromOperation: change.fromOperation ? label(change.fromOperation) : null,
      toOperation: label(change.toOperation),
      changedBy,
      reason: change.reason ?? null,
    });
  }
}
