import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../access/operation-access';
import type { RequestContext } from '../../context/request-context';
import { PageArgs } from '../../graphql/pagination';
import { ArchivedFileFilter, EraseParticipantInput, OpenArchivedFileInput, UpdateRetentionPolicyInput } from './retention.inputs';
import {
  eraseParticipant,
  listArchivedFiles,
  listRetentionRuns,
  openArchivedFile,
  retentionDryRun,
  retentionPolicy,
  updateRetentionPolicy,
} from './retention.service';
import { ArchivedFileConnection, RetentionDryRunType, RetentionPolicyType, RetentionRunConnection, RetentionRunType } from './retention.type';

/** The files' life cycle: the policy (the administrator), the runs, the dry run, the archive and erasure (the animation team). */
@Resolver()
export class RetentionResolver {
  @Query(() => RetentionPolicyType, { description: 'How long files and access-log entries are kept' })
  @Allow('manageRetention')
  retentionPolicy(@Ctx() ctx: RequestContext): Promise<RetentionPolicyType> {
    return retentionPolicy(ctx);
  }

  @Mutation(() => RetentionPolicyType)
  @Allow('manageTenantSettings')
  updateRetentionPolicy(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateRetentionPolicyInput): Promise<RetentionPolicyType> {
    return updateRetentionPolicy(ctx, input);
  }

  @Query(() => RetentionDryRunType, { description: 'What the next run would do today (nothing is done)' })
  @Allow('manageRetention')
  retentionDryRun(@Ctx() ctx: RequestContext): Promise<RetentionDryRunType> {
    return retentionDryRun(ctx);
  }

  @Query(() => RetentionRunConnection, { description: 'The runs of the daily job and the erasures, latest first' })
  @Allow('manageRetention')
  retentionRuns(@Ctx() ctx: RequestContext, @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs): Promise<RetentionRunConnection> {
    return listRetentionRuns(ctx, page);
  }

  @Query(() => ArchivedFileConnection, { description: 'The files in the intermediate archive, last archived first' })
  @Allow('manageRetention')
  archivedFiles(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ArchivedFileFilter, { nullable: true }) filter?: ArchivedFileFilter,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<ArchivedFileConnection> {
    return listArchivedFiles(ctx, filter, page);
  }

  @Mutation(() => ID, { description: 'Open an archived file for two hours, the reason logged in the access log; answers the participant id' })
  @Allow('manageRetention')
  openArchivedFile(@Ctx() ctx: RequestContext, @Arg('input') input: OpenArchivedFileInput): Promise<string> {
    return openArchivedFile(ctx, input);
  }

  @Mutation(() => RetentionRunType, { description: 'Erase a file on the person’s request: archived and anonymised at once, recorded' })
  @Allow('manageRetention')
  eraseParticipant(@Ctx() ctx: RequestContext, @Arg('input') input: EraseParticipantInput): Promise<RetentionRunType> {
    return eraseParticipant(ctx, input);
  }
}
