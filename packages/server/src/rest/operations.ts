// The REST exports as data: each named query of exports.graphql with its route, its parameters
// (the query's variables) and how its answer becomes rows and columns for CSV and XLSX.
import { readFileSync } from "node:fs";
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionSetNode,
  type VariableDefinitionNode,
  validate,
} from "graphql";

const DOCUMENT = new URL("./exports.graphql", import.meta.url);

/** Every export takes `lang`: its query's variable where it has one, else the request's language. */
export const LANG = "lang";

/** A column of a row: the header is the dotted path of response keys. */
export interface Column {
  header: string;
  /** Response keys from the row to the value; lists on the way are flattened. */
  path: string[];
  /** A list of citations, written as `source key: "quote"` entries (a document's key is its file name). */
  citations: boolean;
}

export interface RestOperation {
  /** The query's name (TownMemberships). */
  name: string;
  /** Its route under /rest (town-memberships). */
  route: string;
  /** The query text sent to /graphql, fragments included. */
  text: string;
  variables: readonly VariableDefinitionNode[];
  /** Response keys from data to the rows' list (a connection's `edges`, whose nodes are the rows). */
  rowsPath: string[];
  /** The rows are a connection's edges: pages follow through `after` and pageInfo. */
  paged: boolean;
  columns: Column[];
  /** The operation's selection and the fragments it may spread (for the OpenAPI description). */
  selection: SelectionSetNode;
  fragments: Map<string, FragmentDefinitionNode>;
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

export function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

/** The field selections of a selection set, fragments spread in place. */
export function fieldsOf(
  selection: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
): { field: FieldNode; on?: string }[] {
  return selection.selections.flatMap((node) => {
    if (node.kind === Kind.FIELD) return [{ field: node }];
    if (node.kind === Kind.INLINE_FRAGMENT)
      return fieldsOf(node.selectionSet, fragments).map((f) => ({ ...f, on: node.typeCondition?.name.value }));
    const fragment = fragments.get(node.name.value)!;
    return fieldsOf(fragment.selectionSet, fragments);
  });
}

export function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLNamedType,
  name: string,
  on?: string,
): GraphQLField<unknown, unknown> {
  const owner = on ? schema.getType(on) : parent;
  if (name === "__typename") return { type: schema.getType("String") } as GraphQLField<unknown, unknown>;
  if (!owner || !("getFields" in owner)) throw new Error(`No fields on ${owner?.name ?? on}`);
  return owner.getFields()[name] as GraphQLField<unknown, unknown>;
}

/** Columns of a row selection: one per leaf, citations as one column, same keys merged. */
function columnsOf(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  selection: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  prefix: string[] = [],
): Column[] {
  const columns = new Map<string, Column>();
  for (const { field, on } of fieldsOf(selection, fragments)) {
    const key = responseKey(field);
    const fieldType = getNamedType(fieldDefinition(schema, type, field.name.value, on).type);
    const path = [...prefix, key];
    const found =
      fieldType.name === "Citation"
        ? [{ header: path.join("."), path, citations: true }]
        : field.selectionSet && isCompositeType(fieldType)
          ? columnsOf(schema, fieldType, field.selectionSet, fragments, path)
          : [{ header: path.join("."), path, citations: false }];
    for (const column of found) if (!columns.has(column.header)) columns.set(column.header, column);
  }
  return [...columns.values()];
}

/** The `node` field of a relay connection's edge type, if `field` is a connection's edges. */
function nodeFieldOf(parent: GraphQLNamedType, field: FieldNode) {
  const edges = "getFields" in parent ? parent.getFields()[field.name.value] : undefined;
  const edge = edges && getNamedType(edges.type);
  return edge && isObjectType(edge) ? edge.getFields().node : undefined;
}

/** Follows the single field at each level down to the first list: the rows. */
function rowsOf(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
) {
  let type: GraphQLNamedType = schema.getQueryType()!;
  let selection = operation.selectionSet;
  const path: string[] = [];
  for (;;) {
    const lists = fieldsOf(selection, fragments).filter(({ field }) => field.selectionSet);
    // A connection's edges hold the rows as `node`s (a neighbourhood's edges are rows themselves).
    const edges = lists.find(({ field }) => field.name.value === "edges" && nodeFieldOf(type, field));
    const { field } = edges ?? lists[0] ?? {};
    if (!field?.selectionSet) throw new Error(`${operation.name?.value}: no list of rows`);
    const definition = fieldDefinition(schema, type, field.name.value);
    path.push(responseKey(field));
    const fieldType: GraphQLOutputType = getNullableType(definition.type);
    if (edges) {
      const node = fieldsOf(field.selectionSet, fragments).find(({ field: f }) => f.name.value === "node")!;
      path.push(responseKey(node.field));
      return {
        path,
        paged: true,
        type: getNamedType(nodeFieldOf(type, field)!.type),
        selection: node.field.selectionSet!,
      };
    }
    if (isListType(fieldType))
      return { path, paged: false, type: getNamedType(fieldType), selection: field.selectionSet };
    type = getNamedType(fieldType);
    if (!isObjectType(type)) throw new Error(`${operation.name?.value}: rows must be objects`);
    selection = field.selectionSet;
  }
}

/** The fragments a selection spreads, directly or through other fragments. */
function usedFragments(
  selection: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  found = new Set<FragmentDefinitionNode>(),
): Set<FragmentDefinitionNode> {
  for (const node of selection.selections) {
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(node.name.value)!;
      if (found.has(fragment)) continue;
      found.add(fragment);
      usedFragments(fragment.selectionSet, fragments, found);
    } else if (node.selectionSet) usedFragments(node.selectionSet, fragments, found);
  }
  return found;
}

/** Parses and checks the export documents against the schema: a broken one fails at start. */
export function loadRestOperations(schema: GraphQLSchema, source = readFileSync(DOCUMENT, "utf8")): RestOperation[] {
  const document: DocumentNode = parse(source);
  const errors = validate(schema, document);
  if (errors.length) throw new Error(`exports.graphql: ${errors.map((e) => e.message).join("; ")}`);
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const name = operation.name!.value;
      const rows = rowsOf(schema, operation, fragments);
      // The edge's node is the row: its columns start there, below edges.node.
      const columns = columnsOf(schema, rows.type, rows.selection, fragments);
      return {
        name,
        route: kebab(name),
        text: [operation, ...usedFragments(operation.selectionSet, fragments)].map((d) => print(d)).join("\n"),
        variables: operation.variableDefinitions ?? [],
        rowsPath: rows.paged ? rows.path.slice(0, -1) : rows.path,
        paged: rows.paged,
        columns: rows.paged ? columns.map((c) => ({ ...c, path: ["node", ...c.path] })) : columns,
        selection: operation.selectionSet,
        fragments,
      };
    });
}
