// Plans a whole query operation into one SQL statement that builds the response as JSON, the
// way PostGraphile does, so a page needs no resolver, no Prisma result mapping and no
// per-field execution. It covers the shapes pages ask for: Prisma columns, global ids,
// localized texts, partial dates, to-one relations, relation pages, lists of related rows,
// citations, values a resolver's function finishes in Node, root lookups and root lists, as
// the schema annotates them (annotations.ts). Anything else — an unannotated field, a directive,
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
  GraphQLList,
  GraphQLObjectType,
  GraphQLScalarType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Model, ModelField } from "../db/data-model.js";
import { getOrCreate } from "../lib/get-or-create.js";
import {
  type Compute,
  RELATION_QUERY,
  type RelationQuery,
  type Row,
  SQL_FIELD,
  SQL_MODEL,
  SQL_ROOT,
  type SqlField,
  type SqlRoot,
} from "./annotations.js";
import { type Join, joinOf, type ListRows, modelInfo, rowsOf, Unplannable } from "./prisma-args.js";

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
  /** Finished in Node: `finish` turns the row's `columns` into the field's response value. */
  | {
      kind: "computed";
      key: string;
      columns: readonly string[];
      finish: Compute<Row>;
      def: GraphQLField<unknown, unknown>;
      node: FieldNode;
    }
  | { kind: "toOne"; key: string; model: string; join: Join; children: Planned[] }
  | { kind: "relationPage"; key: string; join: Join; page: Page; query: RelationQuery }
  | {
      kind: "list";
      key: string;
      /** The rows listed, and how they belong to the parent row. */
      rows: ListRows;
      query: RelationQuery;
      def: GraphQLField<unknown, unknown>;
      node: FieldNode;
      /** Each row shown as this relation of it (a join model's row as the row it names). */
      via: { model: string; join: Join } | null;
      children: Planned[];
    };

/** A subfield of a PartialDate; `text` is formatted in Node, in the language `node`'s argument names. */
export type DatePart =
  | {
      key: string;
      part: "__typename" | "precision" | "start" | "end" | "year" | "month" | "day" | "dateTime" | "timeZone";
    }
  | { key: string; part: "text"; def: GraphQLField<unknown, unknown>; node: FieldNode };

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

const DATE_PARTS = new Set([
  "__typename",
  "precision",
  "start",
  "end",
  "year",
  "month",
  "day",
  "dateTime",
  "timeZone",
  "text",
]);
const PAGE_INFO = new Set(["__typename", "hasNextPage", "hasPreviousPage", "startCursor", "endCursor"]);
const PLAIN_SCALARS = new Set(["String", "Int", "Float", "Boolean", "ID"]);
/** Prisma column types whose value PostgreSQL renders in JSON as GraphQL serializes it. */
const PLAIN_COLUMNS = new Set(["String", "Int", "Float", "Boolean", "DateTime"]);
export const DATE_FORMATS: Record<string, string> = { Date: "YYYY-MM-DD", DateTime: 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"' };
/** json_build_object takes at most 100 arguments. */
const MAX_KEYS = 50;

export class Planner {
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
        if (!fragment) throw new Unplannable("unknown fragment");
        if (this.applies(fragment.typeCondition?.name.value, type)) this.collect(type, [fragment.selectionSet], into);
      }
    }
    if (into.size > MAX_KEYS) throw new Unplannable("too many fields");
    return into;
  }

  /**
   * Whether a fragment on `condition` applies to a row of `type`: on the type itself, or on a
   * union or interface it belongs to. On a union's selection, fragments on its other members do
   * not (validation lets no other fragment reach an object type).
   */
  private applies(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (!condition || condition === type.name) return true;
    const abstract = this.schema.getType(condition);
    return isAbstractType(abstract) && this.schema.isSubType(abstract, type);
  }

  subSelections(nodes: FieldNode[]): SelectionSetNode[] {
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
    const model = (type.extensions.pothosPrismaModel ?? type.extensions[SQL_MODEL]) as string | undefined;
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
    const annotated = extensions[SQL_FIELD] as SqlField | undefined;
    switch (annotated?.kind) {
      case "localizedText":
      case "registryName":
        return { kind: "text", key, text: annotated, def, node: nodes[0] };
      case "partialDate": {
        const dateType = this.objectType(def);
        const parts = [...this.collect(dateType, this.subSelections(nodes))].map(([partKey, [part]]): DatePart => {
          const name = part.name.value;
          if (!DATE_PARTS.has(name)) throw new Unplannable(`PartialDate.${name}`);
          return name === "text"
            ? { key: partKey, part: name, def: dateType.getFields().text, node: part }
            : { key: partKey, part: name as Exclude<DatePart["part"], "text"> };
        });
        return { kind: "partialDate", key, columns: annotated.columns, parts };
      }
      case "computed":
        return {
          kind: "computed",
          key,
          columns: annotated.columns,
          finish: this.finisher(def, nodes, annotated.compute),
          def,
          node: nodes[0],
        };
      case "citations": {
        const rows = { kind: "citations" as const, model: "Citation" as const, subjectType: annotated.subjectType };
        return this.list(key, def, nodes, rows, () => ({ orderBy: { id: "asc" } }));
      }
      case "through": {
        const through = info.fields.get(annotated.relation);
        if (!through?.isList) throw new Unplannable(`${type.name}.${name} through ${annotated.relation}`);
        const rows = { kind: "join" as const, model: through.type, join: joinOf(info.name, through) };
        return this.list(key, def, nodes, rows, () => annotated.query, annotated.via);
      }
    }
    const relation =
      annotated?.kind === "relation"
        ? info.fields.get(annotated.relation)
        : (extensions.pothosPrismaRelationField as ModelField | undefined);
    if (!relation) throw new Unplannable(`${type.name}.${name}`);
    if (!relation.isList) {
      if (def.args.length) throw new Unplannable(`${type.name}.${name} arguments`);
      return {
        kind: "toOne",
        key,
        model: relation.type,
        join: joinOf(info.name, relation),
        children: this.row(this.objectType(def), this.subSelections(nodes)),
      };
    }
    const query = extensions[RELATION_QUERY] as RelationQuery | undefined;
    if (!query) throw new Unplannable(`${type.name}.${name} has no planned query`);
    if (getNullableType(def.type) instanceof GraphQLList)
      return this.list(key, def, nodes, rowsOf(info.name, relation), query);
    return {
      kind: "relationPage",
      key,
      join: joinOf(info.name, relation),
      query,
      page: this.page(def, nodes, relation.type),
    };
  }

  /**
   * A list field of `rows`, in the order `query` gives, each shown as the row itself or as its
   * `via` relation.
   */
  private list(
    key: string,
    def: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
    rows: ListRows,
    query: RelationQuery,
    via: string | null = null,
  ): Planned {
    const item = this.objectType(def);
    const viaField = via === null ? null : modelInfo(rows.model).fields.get(via);
    if (viaField === undefined || viaField?.isList) throw new Unplannable(`${rows.model}.${via}`);
    const shown = viaField?.type ?? rows.model;
    if ((item.extensions.pothosPrismaModel ?? item.extensions[SQL_MODEL]) !== shown)
      throw new Unplannable(`${item.name} is no row of ${shown}`);
    return {
      kind: "list",
      key,
      rows,
      query,
      def,
      node: nodes[0],
      via: viaField ? { model: viaField.type, join: joinOf(rows.model, viaField) } : null,
      children: this.row(item, this.subSelections(nodes)),
    };
  }

  /**
   * How a computed field's value becomes its response value: serialized as its type does, and
   * an object projected onto the fields asked of it, each of which must read a property.
   */
  private finisher(def: GraphQLField<unknown, unknown>, nodes: FieldNode[], compute: Compute<Row>): Compute<Row> {
    const type = getNamedType(def.type);
    if (type instanceof GraphQLScalarType || type instanceof GraphQLEnumType) {
      const serialize = (value: unknown) => (value == null ? null : type.serialize(value));
      // A list of scalars (a project's goals), one level deep as our fields are.
      if (getNullableType(def.type) instanceof GraphQLList)
        return (...input) => (compute(...input) as unknown[] | null)?.map(serialize) ?? null;
      return (...input) => serialize(compute(...input));
    }
    if (getNullableType(def.type) instanceof GraphQLList) throw new Unplannable(`list of ${type.name}`);
    if (!(type instanceof GraphQLObjectType)) throw new Unplannable(`abstract ${type.name}`);
    const fields = [...this.collect(type, this.subSelections(nodes))].map(([key, [node]]) => {
      const name = node.name.value;
      if (name === "__typename") return { key, read: () => type.name };
      const field = type.getFields()[name];
      const property = field.extensions.pothosExposedField as string | undefined;
      const scalar = getNamedType(field.type);
      if (!property || !(scalar instanceof GraphQLScalarType || scalar instanceof GraphQLEnumType))
        throw new Unplannable(`${type.name}.${name}`);
      return { key, read: (value: Record<string, unknown>) => scalar.serialize(value[property]) };
    });
    return (...input) => {
      const value = compute(...input) as Record<string, unknown> | null | undefined;
      return value == null ? null : Object.fromEntries(fields.map((f) => [f.key, f.read(value)]));
    };
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

  /**
   * A federation subgraph's `_entities` asking fields of one entity type (what the gateway
   * sends for one fetch) of a model with integer ids; other shapes are the resolvers'. Which
   * representations it can answer is the statement's to tell (their keys come with the variables).
   */
  private entities(def: GraphQLField<unknown, unknown>, key: string, nodes: FieldNode[]): PlannedRoot {
    const types = new Set<string>();
    for (const selection of this.subSelections(nodes).flatMap((set) => set.selections)) {
      if (selection.kind === Kind.INLINE_FRAGMENT && selection.typeCondition)
        types.add(selection.typeCondition.name.value);
      else if (!(selection.kind === Kind.FIELD && selection.name.value === "__typename"))
        throw new Unplannable("_entities selection");
    }
    const type = types.size === 1 ? this.schema.getType([...types][0]) : undefined;
    if (!(type instanceof GraphQLObjectType)) throw new Unplannable("_entities of several types");
    const model = type.extensions.pothosPrismaModel as string | undefined;
    const info = model ? modelInfo(model) : undefined;
    if (!model || info?.idField !== "id" || info.fields.get("id")?.type !== "Int")
      throw new Unplannable(`${type.name} entity`);
    return {
      key,
      root: { kind: "entities", model, typeName: type.name },
      def,
      node: nodes[0],
      children: this.row(type, this.subSelections(nodes)),
      page: null,
    };
  }

  operation(operation: OperationDefinitionNode): OperationPlan {
    const queryType = this.schema.getQueryType();
    if (operation.operation !== "query" || !queryType) throw new Unplannable(operation.operation);
    const roots = [...this.collect(queryType, [operation.selectionSet])].map(([key, nodes]) => {
      const name = nodes[0].name.value;
      if (name === "__typename") return { key, typeName: queryType.name };
      if (name === "_entities") return this.entities(queryType.getFields()[name], key, nodes);
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
    // `{ __typename }` (a client's or a gateway's ping) needs no statement: the resolvers answer
    // it without the database.
    if (roots.every((root) => "typeName" in root)) throw new Unplannable("only __typename");
    return { operation, roots };
  }
}

/**
 * Whether a type or field has authorization rules (scope auth): only its resolvers may answer
 * it, since a planned statement runs no rule and serves every caller alike.
 */
export function isGuarded(element: { extensions: Readonly<Record<string, unknown>> | null | undefined }): boolean {
  const options = element.extensions?.pothosOptions as { authScopes?: unknown; grantScopes?: unknown } | undefined;
  return Boolean(options?.authScopes || options?.grantScopes);
}

/** How planned operations are found: `plan` run on an operation, once per schema, document and operation name. */
export type PlanFinder<Plan> = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
) => Plan | null;

/** `plan` kept per document (yoga reuses parsed documents), declines (null) included. */
export function plansOnce<Plan>(
  plan: (planner: Planner, operation: OperationDefinitionNode, schema: GraphQLSchema) => Plan,
): PlanFinder<Plan> {
  const plans = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string | undefined, Plan | null>>>();
  return (schema, document, operationName) => {
    const byName = getOrCreate(
      getOrCreate(plans, schema, () => new WeakMap()),
      document,
      () => new Map(),
    );
    const name = operationName ?? undefined;
    if (byName.has(name)) return byName.get(name)!;
    const found = planned(schema, document, name, (planner, operation) => plan(planner, operation, schema));
    byName.set(name, found);
    return found;
  };
}

/** The plan of an operation, found once per document; null when it cannot be planned. */
export const planOperation = plansOnce((planner, operation) => planner.operation(operation));

/** `plan` run on the document's operation `name` (its only one, unnamed); null where it has none or `plan` declines. */
function planned<Plan>(
  schema: GraphQLSchema,
  document: DocumentNode,
  name: string | undefined,
  plan: (planner: Planner, operation: OperationDefinitionNode) => Plan,
): Plan | null {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = name
    ? operations.find((o) => o.name?.value === name)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return null;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  try {
    return plan(new Planner(schema, fragments), operation);
  } catch (error) {
    if (!(error instanceof Unplannable)) throw error;
    return null;
  }
}
