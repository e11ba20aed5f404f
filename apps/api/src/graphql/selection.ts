import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function selectsIn(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined, path: readonly string[]): boolean {
  if (!selectionSet || path.length === 0) return path.length === 0;
  const [name, ...rest] = path;
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name && (rest.length === 0 || selectsIn(info, selection.selectionSet, rest));
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectsIn(info, selection.selectionSet, path);
    return selectsIn(info, info.fragments[selection.name.value]?.selectionSet, path);
  });
}

/** Whether the query asks for the field at `path` below the field being resolved (through fragments and aliases): what to load ahead. */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => selectsIn(info, node.selectionSet, path));
}

function fieldNamesIn(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined, path: readonly string[], names: Set<string>): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (path.length === 0) names.add(selection.name.value);
      else if (selection.name.value === path[0]) fieldNamesIn(info, selection.selectionSet, path.slice(1), names);
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet;
      fieldNamesIn(info, fragment, path, names);
    }
  }
}

/**
 * The names of the fields the query asks for at `path` below the field being resolved, wherever
 * it asks (every alias, fragment and repetition of the path together): what a statement shaped
 * to the selection must read.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const node of info.fieldNodes) fieldNamesIn(info, node.selectionSet, path, names);
  return names;
}
