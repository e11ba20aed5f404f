import type { RouteComponent, RouteMeta, RouteRecordRaw } from 'vue-router';
import type { Capability } from '@jalon/domain';
import type { MessageSchema } from './i18n';

/** Key under `titles` in the locale files, for the document title. */
export type TitleKey = keyof MessageSchema['titles'] & string;
/** Key under `nav` in the locale files, for an item of the main navigation. */
export type NavKey = keyof MessageSchema['nav'] & string;

/** One page: its address, its name, its component (loaded when first opened), and its document title. */
export interface PageRoute {
  path: string;
  name: string;
  title: TitleKey;
  component: () => Promise<RouteComponent | { default: RouteComponent }>;
}

/**
 * A page of the main navigation and the pages reached from it (a record, a form), which keep its item
 * marked as current: all need the capability `can`. The first page's title key is also its label in
 * the navigation, placed at `nav.order` (`labelIf` words it for holders of a capability).
 */
export function navSection(
  can: Capability,
  nav: Omit<NonNullable<RouteMeta['nav']>, 'label'>,
  first: PageRoute & { title: NavKey },
  ...reached: PageRoute[]
): RouteRecordRaw[] {
  const route = ({ title, ...page }: PageRoute, meta: RouteMeta): RouteRecordRaw => ({ ...page, meta: { can, title, ...meta } });
  return [route(first, { nav: { label: first.title, ...nav } }), ...reached.map((page) => route(page, { navParent: first.name }))];
}
