import type { RequestContext } from '../context/request-context';
import { archivedFilesOpenedBy } from '../db/access-log.query';
import { errors } from '../graphql/errors';
import { recordArchivedFileRead } from './access-log';
import { may } from './operation-access';

/**
 * An archived file (modules/retention) is out of every list and page: referents and partners never
 * reach it again (row-level security hides its row too), and the animation team reads it only
 * after giving a reason, logged in the access log, for this long.
 */
export const ARCHIVED_FILE_OPEN_HOURS = 2;

/** The condition on participant rows that keeps archived files out, but those the viewer opened with a reason. */
export async function archiveCondition(ctx: RequestContext): Promise<{ archivedOn: null } | { $or: Array<{ archivedOn: null } | { id: { $in: string[] } }> }> {
  if (!may(ctx.actor, 'manageRetention') || !ctx.actor) return { archivedOn: null };
  const since = new Date(ctx.now.getTime() - ARCHIVED_FILE_OPEN_HOURS * 3_600_000);
  const opened = await archivedFilesOpenedBy(ctx.em, ctx.actor.userId, since);
  return opened.length ? { $or: [{ archivedOn: null }, { id: { $in: opened } }] } : { archivedOn: null };
}

/** Opens an archived file for the viewer: the reason is required and logged with the read, in the request's transaction. */
export async function openArchivedFile(ctx: RequestContext, participantId: string, reason: string): Promise<void> {
  if (!may(ctx.actor, 'manageRetention')) throw errors.forbidden(ctx, 'error.forbidden');
  await recordArchivedFileRead(ctx.em, ctx, participantId, reason);
}
