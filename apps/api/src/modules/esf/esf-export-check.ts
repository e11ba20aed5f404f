import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { CURRENT_ESF_EXPORT_LAYOUT, esfExportProblems } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { activeMembership } from '../../access/tenant-scope';
import { toGlobalId } from '../../graphql/relay';
import { translate } from '../../i18n/messages';
import { linesToExport } from './esf-export';
import { findOperation } from './esf-operation.service';

@ObjectType('EsfExportProblem', { simpleResolvers: true, description: 'One reason the managing authority would reject a participant’s line' })
export class EsfExportProblemType {
  @Field(() => ID, { description: 'The participant, to open her file' })
  participantId!: string;

  @Field()
  participantName!: string;

  @Field({ description: 'The column of the authority’s layout' })
  column!: string;

  @Field({ description: 'What is wrong, in words' })
  message!: string;
}

@ObjectType('EsfExportCheck', {
  description: 'The validation of an operation’s file before it is sent: its lines and every problem the authority would reject',
})
export class EsfExportCheckType {
  @Field({ description: 'The layout version the file is written in' })
  layout!: string;

  @Field(() => Int)
  lines!: number;

  @Field(() => Int, { description: 'Lines with at least one problem' })
  rejectedLines!: number;

  @Field(() => [EsfExportProblemType])
  problems!: EsfExportProblemType[];
}

@Resolver()
export class EsfExportCheckResolver {
  @Query(() => EsfExportCheckType, { description: 'Validates an operation’s participants against the managing authority’s layout, before any export' })
  @Allow('manageEsfOperations')
  async esfExportCheck(
    @Ctx() ctx: RequestContext,
    @Arg('operationId', () => ID) operationId: string,
    @Arg('complete', { defaultValue: true, description: 'Every participant (true), or those new or changed since their last accepted line' })
    complete: boolean,
  ): Promise<EsfExportCheckType> {
    const operation = await findOperation(ctx, 'operationId', operationId);
    const layout = CURRENT_ESF_EXPORT_LAYOUT;
    const participants = (await linesToExport(ctx.em, activeMembership(ctx).tenantId, operation.id, complete, layout)).map((line) => line.source);
    const problems = participants.flatMap((p) =>
      esfExportProblems(layout, p).map((problem) => ({
        participantId: toGlobalId('Participant', p.participantId),
        participantName: `${p.lastName.toUpperCase()} ${p.firstName}`,
        column: problem.header,
        message: translate(ctx.locale, `esfExport.${problem.kind}`, { column: problem.header }),
      })),
    );
    return { layout: layout.version, lines: participants.length, rejectedLines: new Set(problems.map((p) => p.participantId)).size, problems };
  }
}
