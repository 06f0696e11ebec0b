// Plans a whole query operation into one SQL statement that builds the response as JSON, the
// way PostGraphile does, so a page needs no resolver, no Prisma result mapping and no
// per-field execution. It covers the shapes pages ask for: Prisma columns, global ids,
// localized texts, partial dates, to-one relations, relation pages and root lookups, as the
// schema annotates them (annotations.ts). Anything else — an unannotated field, a directive,
// an interface fragment, `after`/`last` paging, an argument a resolver would refuse, a root
// lookup that finds nothing — makes the planner decline, and the resolvers answer as always,
// errors included. This file works out once per document what each field needs;
// statement.ts builds the SQL per request.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLEnumType,
  type GraphQLField,
  GraphQLObjectType,
  GraphQLScalarType,
  type GraphQLSchema,
  getNamedType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Model, ModelField } from "../db/data-model.js";
import { getOrCreate } from "../lib/get-or-create.js";
import { RELATION_QUERY, type RelationQuery, SQL_FIELD, SQL_ROOT, type SqlField, type SqlRoot } from "./annotations.js";
import { modelInfo, Unplannable } from "./prisma-args.js";

/** A field the planner knows how to build, found once per document. */
export type Planned =
  | { kind: "typename"; key: string; typeName: string }
  | { kind: "column"; key: string; field: string; scalar: string }
  | { kind: "globalId"; key: string; typeName: string; field: string }
  | {
      kind: "text";
      key: string;
      text: Extract<SqlField, { column: string }>;
      def: GraphQLField<unknown, unknown>;
      node: FieldNode;
    }
  | { kind: "partialDate"; key: string; columns: readonly string[]; parts: DatePart[] }
  | { kind: "toOne"; key: string; model: string; join: Join; children: Planned[] }
  | { kind: "relationPage"; key: string; join: Join; page: Page; query: RelationQuery };

/** A subfield of a PartialDate. */
export type DatePart = { key: string; part: "__typename" | "precision" | "start" | "end" | "year" | "month" | "day" };

/** How rows of a related model join their parent row; `keyOnParent` when the parent holds the foreign key. */
export interface Join {
  model: string;
  childColumn: string;
  parentColumn: string;
  keyOnParent: boolean;
}

/** A Relay connection over rows of one model, with the fields asked of it. */
export interface Page {
  model: string;
  def: GraphQLField<unknown, unknown>;
  node: FieldNode;
  fields: PageField[];
}
export type EdgeField = { key: string; kind: "__typename" | "cursor" | "node"; typeName: string; children: Planned[] };
export type PageField =
  | { key: string; kind: "__typename" | "totalCount"; typeName: string }
  | { key: string; kind: "edges"; edge: EdgeField[] }
  | { key: string; kind: "pageInfo"; info: { key: string; kind: string; typeName: string }[] };

export interface PlannedRoot {
  key: string;
  root: SqlRoot;
  def: GraphQLField<unknown, unknown>;
  node: FieldNode;
  /** What a unique lookup builds, or the connection a list root returns. */
  children: Planned[];
  page: Page | null;
}

export interface OperationPlan {
  operation: OperationDefinitionNode;
  roots: (PlannedRoot | { key: string; typeName: string })[];
}

const DATE_PARTS = new Set(["__typename", "precision", "start", "end", "year", "month", "day"]);
const PAGE_INFO = new Set(["__typename", "hasNextPage", "hasPreviousPage", "startCursor", "endCursor"]);
const PLAIN_SCALARS = new Set(["String", "Int", "Float", "Boolean", "ID"]);
/** Prisma column types whose value PostgreSQL renders in JSON as GraphQL serializes it. */
const PLAIN_COLUMNS = new Set(["String", "Int", "Float", "Boolean", "DateTime"]);
export const DATE_FORMATS: Record<string, string> = { Date: "YYYY-MM-DD", DateTime: 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"' };
/** json_build_object takes at most 100 arguments. */
const MAX_KEYS = 50;

class Planner {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
  ) {}

  /** The fields of selection sets on `type` by response key, fragments merged in. */
  collect(
    type: GraphQLObjectType,
    sets: readonly SelectionSetNode[],
    into = new Map<string, FieldNode[]>(),
  ): Map<string, FieldNode[]> {
    for (const set of sets) {
      for (const selection of set.selections) {
        if (selection.directives?.length) throw new Unplannable("directive");
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          into.set(key, [...(into.get(key) ?? []), selection]);
          continue;
        }
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments.get(selection.name.value);
        if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== type.name))
          throw new Unplannable("fragment on another type");
        this.collect(type, [fragment.selectionSet], into);
      }
    }
    if (into.size > MAX_KEYS) throw new Unplannable("too many fields");
    return into;
  }

  private subSelections(nodes: FieldNode[]): SelectionSetNode[] {
    return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  }

  private objectType(def: GraphQLField<unknown, unknown>): GraphQLObjectType {
    const type = getNamedType(def.type);
    if (!(type instanceof GraphQLObjectType)) throw new Unplannable(`abstract ${type.name}`);
    return type;
  }

  /** The fields asked of a row of a Prisma-backed type. */
  row(type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Planned[] {
    if (isGuarded(type)) throw new Unplannable(`${type.name} is not public`);
    const model = type.extensions.pothosPrismaModel as string | undefined;
    if (!model) throw new Unplannable(`${type.name} is not a Prisma type`);
    const info = modelInfo(model);
    return [...this.collect(type, sets)].map(([key, nodes]) => this.field(type, info, key, nodes));
  }

  private field(type: GraphQLObjectType, info: Model, key: string, nodes: FieldNode[]): Planned {
    const name = nodes[0].name.value;
    if (name === "__typename") return { kind: "typename", key, typeName: type.name };
    const def = type.getFields()[name];
    if (isGuarded(def)) throw new Unplannable(`${type.name}.${name} is not public`);
    const extensions = def.extensions as Record<string, unknown>;
    const exposed = extensions.pothosExposedField as string | undefined;
    if (exposed) {
      const scalar = getNamedType(def.type);
      const column = info.fields.get(exposed);
      const knownScalar =
        scalar instanceof GraphQLEnumType ||
        (scalar instanceof GraphQLScalarType && (PLAIN_SCALARS.has(scalar.name) || DATE_FORMATS[scalar.name]));
      if (
        !column ||
        !knownScalar ||
        !(column.kind === "enum" || (column.kind === "scalar" && PLAIN_COLUMNS.has(column.type)))
      )
        throw new Unplannable(`column ${exposed}`);
      return { kind: "column", key, field: exposed, scalar: scalar.name };
    }
    // A node's global id encodes its primary key (entityId in builder.ts names it for Pothos).
    if (name === "id" && info.idField && type.getInterfaces().some((i) => i.name === "Node"))
      return { kind: "globalId", key, typeName: type.name, field: info.idField };
    const computed = extensions[SQL_FIELD] as SqlField | undefined;
    if (computed && computed.kind !== "partialDate") return { kind: "text", key, text: computed, def, node: nodes[0] };
    if (computed?.kind === "partialDate") {
      const dateType = this.objectType(def);
      const parts = [...this.collect(dateType, this.subSelections(nodes))].map(([partKey, [part]]) => {
        if (!DATE_PARTS.has(part.name.value)) throw new Unplannable(`PartialDate.${part.name.value}`);
        return { key: partKey, part: part.name.value as DatePart["part"] };
      });
      return { kind: "partialDate", key, columns: computed.columns, parts };
    }
    const relation = extensions.pothosPrismaRelationField as ModelField | undefined;
    if (!relation) throw new Unplannable(`${type.name}.${name}`);
    const join = joinOf(info.name, relation);
    if (!relation.isList) {
      if (def.args.length) throw new Unplannable(`${type.name}.${name} arguments`);
      return {
        kind: "toOne",
        key,
        model: relation.type,
        join,
        children: this.row(this.objectType(def), this.subSelections(nodes)),
      };
    }
    const query = extensions[RELATION_QUERY] as RelationQuery | undefined;
    if (!query) throw new Unplannable(`${type.name}.${name} has no planned query`);
    return { kind: "relationPage", key, join, query, page: this.page(def, nodes, relation.type) };
  }

  /** A Relay connection field: its pages, edges and nodes. */
  page(def: GraphQLField<unknown, unknown>, nodes: FieldNode[], model: string): Page {
    const connection = this.objectType(def);
    const fields = [...this.collect(connection, this.subSelections(nodes))].map(([key, fieldNodes]): PageField => {
      const name = fieldNodes[0].name.value;
      if (name === "__typename" || name === "totalCount") return { key, kind: name, typeName: connection.name };
      const fieldDef = connection.getFields()[name];
      const type = this.objectType(fieldDef);
      if (name === "pageInfo")
        return {
          key,
          kind: "pageInfo",
          info: [...this.collect(type, this.subSelections(fieldNodes))].map(([infoKey, [info]]) => {
            if (!PAGE_INFO.has(info.name.value)) throw new Unplannable(`PageInfo.${info.name.value}`);
            return { key: infoKey, kind: info.name.value, typeName: type.name };
          }),
        };
      if (name !== "edges") throw new Unplannable(`${connection.name}.${name}`);
      const edge = [...this.collect(type, this.subSelections(fieldNodes))].map(([edgeKey, edgeNodes]): EdgeField => {
        const edgeField = edgeNodes[0].name.value;
        if (edgeField === "__typename" || edgeField === "cursor")
          return { key: edgeKey, kind: edgeField, typeName: type.name, children: [] };
        if (edgeField !== "node") throw new Unplannable(`${type.name}.${edgeField}`);
        return {
          key: edgeKey,
          kind: "node",
          typeName: type.name,
          children: this.row(this.objectType(type.getFields().node), this.subSelections(edgeNodes)),
        };
      });
      return { key, kind: "edges", edge };
    });
    const nodeModel = modelInfo(model);
    if (nodeModel.idField !== "id" || nodeModel.fields.get("id")?.type !== "Int")
      throw new Unplannable(`${model} cursor`);
    return { model, def, node: nodes[0], fields };
  }

  operation(operation: OperationDefinitionNode): OperationPlan {
    const queryType = this.schema.getQueryType();
    if (operation.operation !== "query" || !queryType) throw new Unplannable(operation.operation);
    const roots = [...this.collect(queryType, [operation.selectionSet])].map(([key, nodes]) => {
      const name = nodes[0].name.value;
      if (name === "__typename") return { key, typeName: queryType.name };
      // Introspection (__schema, __type) is no field of the query type.
      const root = queryType.getFields()[name]?.extensions[SQL_ROOT] as SqlRoot | undefined;
      if (!root) throw new Unplannable(`Query.${name}`);
      const def = queryType.getFields()[name];
      if (isGuarded(def)) throw new Unplannable(`Query.${name} is not public`);
      const sets = this.subSelections(nodes);
      return root.kind === "unique"
        ? { key, root, def, node: nodes[0], children: this.row(this.objectType(def), sets), page: null }
        : { key, root, def, node: nodes[0], children: [], page: this.page(def, nodes, root.model) };
    });
    return { operation, roots };
  }
}

/**
 * How rows of the relation's model join the parent's row. The data model names a foreign key's
 * columns only (db/data-model.ts): it references the other model's primary key, as all of ours do.
 */
function joinOf(parentModel: string, relation: ModelField): Join {
  /** A single-column foreign key: [its column, the column it references]. */
  const foreignKey = (field: ModelField, target: string): [string, string] => {
    const key = modelInfo(target).idField;
    if (field.relationFromFields?.length !== 1 || !key) throw new Unplannable(`relation ${field.name}`);
    return [field.relationFromFields[0], key];
  };
  if (relation.relationFromFields?.length) {
    const [column, referenced] = foreignKey(relation, relation.type);
    return { model: relation.type, childColumn: referenced, parentColumn: column, keyOnParent: true };
  }
  const back = [...modelInfo(relation.type).fields.values()].find(
    (f) =>
      f.kind === "object" &&
      f.relationName === relation.relationName &&
      f.type === parentModel &&
      f.relationFromFields?.length,
  );
  if (!back) throw new Unplannable(`relation ${relation.name}`);
  const [column, referenced] = foreignKey(back, parentModel);
  return { model: relation.type, childColumn: column, parentColumn: referenced, keyOnParent: false };
}

const plans = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string | undefined, OperationPlan | null>>>();

/**
 * Whether a type or field has authorization rules (scope auth): only its resolvers may answer
 * it, since a planned statement runs no rule and serves every caller alike.
 */
function isGuarded(element: { extensions: Readonly<Record<string, unknown>> | null | undefined }): boolean {
  const options = element.extensions?.pothosOptions as { authScopes?: unknown; grantScopes?: unknown } | undefined;
  return Boolean(options?.authScopes || options?.grantScopes);
}

/** The plan of an operation, found once per document (yoga reuses parsed documents); null when it cannot be planned. */
export function planOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationPlan | null {
  const byName = getOrCreate(
    getOrCreate(plans, schema, () => new WeakMap()),
    document,
    () => new Map(),
  );
  const name = operationName ?? undefined;
  if (byName.has(name)) return byName.get(name)!;
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = name
    ? operations.find((o) => o.name?.value === name)
    : operations.length === 1
      ? operations[0]
      : undefined;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  let plan: OperationPlan | null = null;
  try {
    plan = operation ? new Planner(schema, fragments).operation(operation) : null;
  } catch (error) {
    if (!(error instanceof Unplannable)) throw error;
  }
  byName.set(name, plan);
  return plan;
}
