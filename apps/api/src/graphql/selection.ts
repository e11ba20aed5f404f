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
