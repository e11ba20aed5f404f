import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  Kind,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type NamedTypeNode,
  type SelectionSetNode,
} from 'graphql';

/** A field an operation selects, with its definition and its argument values (variables applied). */
export interface SelectedField {
  name: string;
  /** Null for the introspection fields (__typename, __schema, __type), which are not the schema's own. */
  definition: GraphQLField<unknown, unknown> | null;
  args: Record<string, unknown>;
  /** The field's own selections, when it returns an object, an interface or a union. */
  selections: { type: GraphQLCompositeType; selectionSet: SelectionSetNode } | null;
}

export interface OperationScope {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/**
 * The fields selected directly in a selection set, fragments and inline fragments expanded (a
 * fragment used twice counts twice: it is run twice). Validation has passed, so every name is known.
 */
export function selectedFields(scope: OperationScope, parentType: GraphQLCompositeType, selectionSet: SelectionSetNode): SelectedField[] {
  const fields: SelectedField[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const definition = 'getFields' in parentType ? parentType.getFields()[selection.name.value] : undefined;
      if (!definition) {
        fields.push({ name: selection.name.value, definition: null, args: {}, selections: null });
        continue;
      }
      const type = getNamedType(definition.type);
      fields.push({
        name: definition.name,
        definition,
        args: argumentValues(definition, selection, scope.variables),
        selections: selection.selectionSet && isCompositeType(type) ? { type, selectionSet: selection.selectionSet } : null,
      });
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? scope.fragments[selection.name.value] : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition ? conditionType(scope.schema, fragment.typeCondition) : parentType;
      fields.push(...selectedFields(scope, condition ?? parentType, fragment.selectionSet));
    }
  }
  return fields;
}

function conditionType(schema: GraphQLSchema, node: NamedTypeNode): GraphQLCompositeType | undefined {
  const type = typeFromAST(schema, node);
  return type && isCompositeType(type) ? type : undefined;
}

function argumentValues(definition: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>) {
  try {
    return getArgumentValues(definition, node, variables);
  } catch {
    // A value that does not fit its type: execution reports it, with graphql's own message.
    return {};
  }
}
