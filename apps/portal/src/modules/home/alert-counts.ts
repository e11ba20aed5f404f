import type { CaseloadAlert } from '@/gql/graphql';

/**
 * A home page's counts of files by alert, each opening the list of participants so filtered: `fields`
 * names, in the order shown, the count the home query asks for each alert.
 */
export function alertCounts<F extends string>(
  fields: Record<F, CaseloadAlert>,
  counts: NoInfer<Record<F, { totalCount: number }>>,
  label: (alert: CaseloadAlert) => string,
) {
  return (Object.entries(fields) as Array<[F, CaseloadAlert]>).map(([field, alert]) => ({
    key: alert,
    count: counts[field].totalCount,
    label: label(alert),
    to: { name: 'participants', query: { alert } },
  }));
}
