import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { NEVER_SHARED } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { Shared } from '../../access/field-consent';
import { Allow } from '../../access/operation-access';
import { userNames } from '../../db/user-names.query';
import { toGlobalId } from '../../graphql/relay';
import { ParticipantType } from '../participants/participant.type';
import { acceptExport, createExport, listExports } from './esf-export';
import type { EsfExport } from './esf-export.entity';
import { openEsfRejections, rejectedLines } from './esf-export.query';

@ObjectType('EsfRejectedLine', { simpleResolvers: true, description: 'A line the managing authority rejected, with its reason' })
export class EsfRejectedLineType {
  @Field(() => ID)
  participantId!: string;

  @Field()
  participantName!: string;

  @Field()
  reason!: string;
}

// Staff with manageEsfOperations only (the operations' gate): plain fields.
@ObjectType('EsfExport', { description: 'A file sent to the managing authority, and its answer once recorded' })
export class EsfExportType {
  @Field(() => ID)
  id!: string;

  @Field()
  createdAt!: Date;

  @Field()
  createdBy!: string;

  @Field({ description: 'Every participant of the operation, or only the lines new or changed since the last accepted export' })
  complete!: boolean;

  @Field()
  layout!: string;

  @Field(() => Int)
  lineCount!: number;

  @Field(() => Date, { nullable: true, description: 'When the authority’s answer was recorded; null while awaited' })
  answeredAt!: Date | null;

  @Field(() => String, { nullable: true })
  answeredBy!: string | null;

  @Field(() => String, { nullable: true, description: 'The error file imported; null when none (no rejection, or no answer yet)' })
  errorFileName!: string | null;

  @Field(() => Int, { nullable: true, description: 'Lines rejected; null while no answer is recorded' })
  rejectedCount!: number | null;

  @Field({ description: 'Where to download the file as it was sent' })
  downloadPath!: string;

  @Field(() => Int)
  version!: number;

  /** The entity's id, for the rejections' resolver. */
  exportId!: string;

  static async fromAll(ctx: RequestContext, exports: EsfExport[]): Promise<EsfExportType[]> {
    const names = await userNames(
      ctx,
      exports.flatMap((e) => [e.createdBy.id, ...(e.answeredBy ? [e.answeredBy.id] : [])]),
    );
    return exports.map((e) =>
      Object.assign(new EsfExportType(), {
        id: toGlobalId('EsfExport', e.id),
        exportId: e.id,
        createdAt: e.createdAt,
        createdBy: names.get(e.createdBy.id) ?? '',
        complete: e.complete,
        layout: e.layout,
        lineCount: e.lineCount,
        answeredAt: e.answeredAt ?? null,
        answeredBy: e.answeredBy ? (names.get(e.answeredBy.id) ?? '') : null,
        errorFileName: e.errorFileName ?? null,
        rejectedCount: e.rejectedCount ?? null,
        downloadPath: `/esf/exports/${toGlobalId('EsfExport', e.id)}/file.csv`,
        version: e.version,
      }),
    );
  }
}

@InputType({ description: 'Writes and records a file for the managing authority' })
export class CreateEsfExportInput {
  @Field(() => ID)
  operationId!: string;

  @Field({ description: 'Every participant (true), or only those new or changed since their last accepted line (false)' })
  complete!: boolean;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@Resolver(() => EsfExportType)
export class EsfExportResolver {
  @Query(() => [EsfExportType], { description: 'The files sent for an operation, the latest first (50 at most)' })
  @Allow('manageEsfOperations')
  async esfExports(@Ctx() ctx: RequestContext, @Arg('operationId', () => ID) operationId: string): Promise<EsfExportType[]> {
    return EsfExportType.fromAll(ctx, await listExports(ctx, operationId));
  }

  @Mutation(() => EsfExportType, { description: 'Writes the operation’s file (complete or incremental) and records it; download it at downloadPath' })
  @Allow('manageEsfOperations')
  async createEsfExport(@Ctx() ctx: RequestContext, @Arg('input') input: CreateEsfExportInput): Promise<EsfExportType> {
    return (await EsfExportType.fromAll(ctx, [await createExport(ctx, input)]))[0]!;
  }

  @Mutation(() => EsfExportType, { description: 'Records that the managing authority accepted every line of the export (« aucun rejet »)' })
  @Allow('manageEsfOperations')
  async acceptEsfExport(
    @Ctx() ctx: RequestContext,
    @Arg('exportId', () => ID) exportId: string,
    @Arg('version', () => Int) version: number,
  ): Promise<EsfExportType> {
    return (await EsfExportType.fromAll(ctx, [await acceptExport(ctx, exportId, version)]))[0]!;
  }

  @FieldResolver(() => [EsfRejectedLineType], { description: 'The lines the authority rejected, in the file’s order' })
  async rejections(@Root() recorded: EsfExportType, @Ctx() ctx: RequestContext): Promise<EsfRejectedLineType[]> {
    return (await rejectedLines(ctx.em, recorded.exportId)).map((line) => ({
      participantId: toGlobalId('Participant', line.participantId),
      participantName: `${line.lastName.toUpperCase()} ${line.firstName}`,
      reason: line.reason,
    }));
  }
}

@ObjectType('EsfRejection', {
  simpleResolvers: true,
  description: 'The managing authority rejected the participant’s last line sent: why, and when it was sent',
})
export class EsfRejectionType {
  @Field()
  reason!: string;

  @Field()
  exportedAt!: Date;

  @Field({ description: 'The operation’s file number' })
  fileNumber!: string;
}

/** The open rejection on the file: staff only, never shared. */
@Resolver(() => ParticipantType)
export class ParticipantEsfRejectionResolver {
  @FieldResolver(() => EsfRejectionType, { nullable: true, description: 'Open until a later line of the person is accepted' })
  @Shared(NEVER_SHARED)
  async esfRejection(@Root() participant: ParticipantType, @Ctx() ctx: RequestContext): Promise<EsfRejectionType | null> {
    const [open] = await openEsfRejections(ctx.em, [participant.currentPathwayId]);
    return open ? { reason: open.reason, exportedAt: open.exportedAt, fileNumber: open.fileNumber } : null;
  }
}
