import DataLoader from 'dataloader';
import type { RequestContext } from '../context/request-context';

/**
 * The request's DataLoader for `name`, created on first use: every parent of a page asks it, and
 * it answers them all with one batched query.
 */
export function loaderFor<K, V>(ctx: RequestContext, name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  let loader = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader(batch);
    ctx.loaders.set(name, loader);
  }
  return loader;
}
