import type { RequestContext } from '../context/request-context';
import { loaderFor } from '../graphql/loaders';
import { arrayLiteral } from './array-literal';

/**
 * The names of these users, as the viewer may be shown them (db/rls/functions/jalon_user_names.sql):
 * a partner reads no account but its own, so every name shown comes from here, batched and cached
 * per request. Someone the viewer may not be shown has no name in the map.
 */
export async function userNames(ctx: RequestContext, userIds: Iterable<string>): Promise<Map<string, string>> {
  const loader = loaderFor<string, string | null>(ctx, 'userNames', async (ids) => {
    // The array as PostgreSQL's literal: the query builder would spread a JS array into a list.
    const rows = await ctx.em.execute<Array<{ id: string; display_name: string }>>(`select id, display_name from jalon_user_names(?::uuid[])`, [
      arrayLiteral(ids),
    ]);
    const names = new Map(rows.map((row) => [row.id, row.display_name]));
    return ids.map((id) => names.get(id) ?? null);
  });
  const ids = [...new Set(userIds)];
  const names = await loader.loadMany(ids);
  return new Map(ids.flatMap((id, index) => (typeof names[index] === 'string' ? [[id, names[index]]] : [])));
}
