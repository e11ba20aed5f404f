import { ref, watch, type Ref } from 'vue';
import { useRoute, useRouter, type LocationQueryValue, type RouteLocationNormalizedLoaded, type Router } from 'vue-router';
import { useListSearch } from './use-list-search';

const single = (value: LocationQueryValue | LocationQueryValue[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/** Puts `name=value` in the address, or takes it out (null), keeping the other parameters. */
function replaceParam(route: RouteLocationNormalizedLoaded, router: Router, name: string, value: string | null): void {
  const query = { ...route.query };
  if (value === null) delete query[name];
  else query[name] = value;
  void router.replace({ query });
}

/**
 * A list's filter kept in the address (`?name=value`): coming back from a record, or sharing the
 * link, shows the same list. Read from the address once, written back as it changes; `fallback`
 * stays out of the address, and a value `accepts` refuses reads as `fallback`.
 */
export function useAddressParam<T extends string>(name: string, fallback: T, accepts: (value: string) => value is T): Ref<T> {
  const route = useRoute();
  const router = useRouter();
  const read = single(route.query[name]);
  const param = ref(accepts(read) ? read : fallback) as Ref<T>;
  watch(param, (value) => replaceParam(route, router, name, value === fallback ? null : value));
  return param;
}

/** The search box of a list, kept in the address (`?q=`) once typing pauses; `term` is what is searched, trimmed. */
export function useAddressSearch() {
  const route = useRoute();
  const router = useRouter();
  const { search, term } = useListSearch(single(route.query.q));
  watch(term, (value) => replaceParam(route, router, 'q', value || null));
  return { search, term };
}
