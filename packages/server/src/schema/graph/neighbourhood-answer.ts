// The neighbourhood answered without executing its fields one by one, where the document asks
// only what this covers: the ties and records the resolver finds (neighbourhoodOf), the records'
// columns in one statement, and the response built in Node from the fields the SQL planner plans
// for each record type (plan.ts). A neighbourhood is hundreds of edges naming the same few
// records; executing every edge's fields was most of a request (4.9 ms of Node for 237 edges,
// profiled). Any other field, and any argument the resolver refuses, is left to the resolvers,
// errors included.
import { encodeGlobalID } from "@pothos/plugin-relay";
import {
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  GraphQLEnumType,
  GraphQLError,
  type GraphQLField,
  GraphQLObjectType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isLeafType,
  isUnionType,
  type OperationDefinitionNode,
} from "graphql";
import { LRUCache } from "lru-cache";
import { Prisma } from "../../generated/prisma/index.js";
import { getOrCreate } from "../../lib/get-or-create.js";
import { VersionedCopies } from "../../lib/versioned-copies.js";
import { isGuarded, type Planned, type Planner, plansOnce } from "../../sql-plan/plan.js";
import { Unplannable } from "../../sql-plan/prisma-args.js";
import { pickText } from "../common/localized.js";
import {
  loadRecords,
  loadRecordsWhere,
  type RecordRow,
  type RecordShape,
  type RecordType,
  recordKey,
  recordTypeOf,
  typenameOf,
} from "../common/mixed-records.js";
import type { Context } from "../context.js";
import { GRAPH_RECORDS } from "./cooperation-graph.js";
import { LINKS_SQL } from "./links.js";
import { neighbourhoodOf } from "./neighbourhood.js";

/** The fields asked of a record, by its GraphQL type (a union's members each have theirs). */
type RecordFields = ReadonlyMap<string, Planned[]>;
type EdgeField =
  | { key: string; kind: "__typename"; typename: string }
  | { key: string; kind: "tie"; serialize: (tie: string) => unknown }
  | { key: string; kind: "town" | "context"; fields: RecordFields };
type NeighbourhoodField =
  | { key: string; kind: "__typename"; typename: string }
  | { key: string; kind: "nodes"; fields: RecordFields }
  | { key: string; kind: "edges"; edge: EdgeField[] };
type Root =
  | { key: string; typename: string }
  | { key: string; def: GraphQLField<unknown, unknown>; node: FieldNode; fields: NeighbourhoodField[] };
interface NeighbourhoodPlan {
  operation: OperationDefinitionNode;
  roots: Root[];
}

/** Record fields built in Node from the row's columns alone. */
const BUILT = new Set<Planned["kind"]>(["typename", "column", "globalId", "text"]);

function plan(planner: Planner, operation: OperationDefinitionNode, schema: GraphQLSchema): NeighbourhoodPlan {
  const query = schema.getQueryType();
  if (operation.operation !== "query" || !query) throw new Unplannable(operation.operation);
  const roots = [...planner.collect(query, [operation.selectionSet])].map(([key, nodes]): Root => {
    const name = nodes[0].name.value;
    if (name === "__typename") return { key, typename: query.name };
    if (name !== "neighbourhood") throw new Unplannable(`Query.${name}`);
    const def = query.getFields()[name];
    if (isGuarded(def)) throw new Unplannable(`Query.${name} is not public`);
    return { key, def, node: nodes[0], fields: fieldsOf(planner, def, nodes, neighbourhoodField) };
  });
  if (roots.every((root) => "typename" in root)) throw new Unplannable("no neighbourhood");
  return { operation, roots };
}

/** The fields asked of an object-typed field (the neighbourhood, an edge), each planned by `field`. */
function fieldsOf<Field>(
  planner: Planner,
  def: GraphQLField<unknown, unknown>,
  nodes: FieldNode[],
  field: (planner: Planner, key: string, field: FieldNode[], type: GraphQLObjectType) => Field,
): Field[] {
  const type = getNamedType(def.type);
  if (!(type instanceof GraphQLObjectType) || isGuarded(def) || isGuarded(type))
    throw new Unplannable(`${type.name} is not public`);
  return [...planner.collect(type, planner.subSelections(nodes))].map(([key, fieldNodes]) => {
    const name = fieldNodes[0].name.value;
    if (name !== "__typename" && isGuarded(type.getFields()[name])) throw new Unplannable(`${type.name}.${name}`);
    return field(planner, key, fieldNodes, type);
  });
}

function neighbourhoodField(
  planner: Planner,
  key: string,
  nodes: FieldNode[],
  type: GraphQLObjectType,
): NeighbourhoodField {
  const name = nodes[0].name.value;
  if (name === "__typename") return { key, kind: name, typename: type.name };
  const def = type.getFields()[name];
  if (name === "nodes") return { key, kind: name, fields: recordFields(planner, def, nodes) };
  if (name === "edges") return { key, kind: name, edge: fieldsOf(planner, def, nodes, edgeField) };
  throw new Unplannable(`${type.name}.${name}`);
}

function edgeField(planner: Planner, key: string, nodes: FieldNode[], type: GraphQLObjectType): EdgeField {
  const name = nodes[0].name.value;
  if (name === "__typename") return { key, kind: name, typename: type.name };
  const def = type.getFields()[name];
  const tieType = getNamedType(def.type);
  if (name === "tie" && tieType instanceof GraphQLEnumType)
    return { key, kind: name, serialize: (tie) => tieType.serialize(tie) };
  if (name === "town" || name === "context") return { key, kind: name, fields: recordFields(planner, def, nodes) };
  throw new Unplannable(`${type.name}.${name}`);
}

/** What a record field (a town, a union of records) asks of each type it can be. */
function recordFields(planner: Planner, def: GraphQLField<unknown, unknown>, nodes: FieldNode[]): RecordFields {
  if (isGuarded(def)) throw new Unplannable(`${def.name} is not public`);
  const type = getNamedType(def.type);
  const types = isUnionType(type) ? type.getTypes() : type instanceof GraphQLObjectType ? [type] : [];
  return new Map(
    types.map((member) => {
      const fields = planner.row(member, planner.subSelections(nodes));
      for (const field of fields)
        if (!BUILT.has(field.kind) || (field.kind === "text" && field.text.kind !== "localizedText"))
          throw new Unplannable(`${member.name}.${field.key}`);
      return [member.name, fields];
    }),
  );
}

/** How a document's operation is answered here, found once per document; null where the resolvers answer it. */
export const planNeighbourhood = plansOnce(plan);

/** How one request reads a record's fields: each planned field made a reader once. */
class RecordReader {
  private readonly readers = new Map<Planned[], [string, (row: Record<string, unknown>) => unknown][]>();
  private readonly built = new Map<RecordFields, Map<object, object>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly variables: Record<string, unknown>,
    private readonly lang: string | null,
  ) {}

  /** The response value of a record for `fields`, built once per record and field set. */
  value(fields: RecordFields, row: Record<string, unknown> & { id: number }, typename: string): object {
    const built = getOrCreate(this.built, fields, () => new Map<object, object>());
    return getOrCreate(built, row, () => {
      const value: Record<string, unknown> = {};
      for (const [key, read] of this.readersOf(fields.get(typename)!)) value[key] = read(row);
      return value;
    });
  }

  private readersOf(fields: Planned[]) {
    return getOrCreate(this.readers, fields, () => fields.map((field) => [field.key, this.reader(field)] as const));
  }

  private reader(field: Planned): (row: Record<string, unknown>) => unknown {
    switch (field.kind) {
      case "typename":
        return () => field.typeName;
      case "globalId":
        return (row) => encodeGlobalID(field.typeName, row[field.field] as number);
      case "column": {
        const scalar = this.schema.getType(field.scalar);
        if (!isLeafType(scalar)) throw new Unplannable(field.scalar);
        return (row) => (row[field.field] == null ? null : scalar.serialize(row[field.field]));
      }
      case "text": {
        const { lang } = getArgumentValues(field.def, field.node, this.variables) as { lang?: string | null };
        const required = field.text.kind === "localizedText" && field.text.required;
        return (row) => pickText(row[field.text.column] as never, lang ?? this.lang) ?? (required ? "" : null);
      }
    }
    throw new Unplannable(field.kind);
  }
}

/** The columns each record type asked of is loaded with: those its fields read, anywhere in the document. */
function shapesOf(roots: Root[]): Map<RecordType, RecordShape> {
  const columns = new Map<RecordType, Set<string>>();
  const add = (fields: RecordFields) => {
    for (const [typename, planned] of fields) {
      const asked = getOrCreate(columns, recordTypeOf(typename)!, () => new Set(["id"]));
      for (const field of planned)
        if (field.kind === "column" || field.kind === "globalId") asked.add(field.field);
        else if (field.kind === "text") asked.add(field.text.column);
    }
  };
  for (const root of roots)
    if ("fields" in root)
      for (const field of root.fields)
        if (field.kind === "nodes") add(field.fields);
        else if (field.kind === "edges") for (const part of field.edge) if ("fields" in part) add(part.fields);
  return new Map([...columns].map(([type, asked]) => [type, { columns: [...asked], toOne: [] }]));
}

type GraphRecord = RecordRow<RecordType>;

/** Copies of the graph's records, one per set of columns asked (documents ask few): the last few sets. */
const recordCopies = new LRUCache<string, VersionedCopies<Map<string, GraphRecord>>>({ max: 16 });
/**
 * Sets of columns asked once lately. A copy loads every record of the graph, so only a set asked
 * again gets one: a one-off document (an analyst's) loads its records by id, and a caller varying
 * its documents cannot make every request load a copy.
 */
const askedOnce = new LRUCache<string, true>({ max: 256 });

/**
 * Every town with a tie and every network, project, event and agreement, with the columns
 * `shapes` asks, as of `version` or later: loaded once per version of them (GRAPH_RECORDS),
 * where loading a neighbourhood's records per request cost more than the rest of its answer.
 * Undefined for a set of columns not asked before.
 */
function graphRecords(
  ctx: Context,
  shapes: ReadonlyMap<RecordType, RecordShape>,
  version: bigint,
): Promise<Map<string, GraphRecord>> | undefined {
  const key = JSON.stringify([...shapes]);
  let copies = recordCopies.get(key);
  if (!copies) {
    if (!askedOnce.has(key)) {
      askedOnce.set(key, true);
      return undefined;
    }
    copies = new VersionedCopies((read) => loadGraphRecords(read, shapes));
    recordCopies.set(key, copies);
  }
  return copies.at(ctx, version, ctx.costly);
}

async function loadGraphRecords(read: Context["read"], shapes: ReadonlyMap<RecordType, RecordShape>) {
  const tied = Prisma.sql`r.id IN (SELECT town FROM (${Prisma.raw(LINKS_SQL)}) l)`;
  const chosen = new Map([...shapes.keys()].map((type) => [type, type === "TOWN" ? tied : Prisma.sql`TRUE`]));
  const { records, version } = await loadRecordsWhere(read, chosen, GRAPH_RECORDS, shapes);
  return { version, copy: records };
}

async function answerRoot(
  root: Extract<Root, { fields: unknown }>,
  variables: Record<string, unknown>,
  shapes: Map<RecordType, RecordShape>,
  reader: RecordReader,
  ctx: Context,
): Promise<object> {
  const args = getArgumentValues(root.def, root.node, variables) as { town: string; hops: number };
  const { ties, nodes, recordsVersion } = await neighbourhoodOf(ctx, args.town, args.hops);
  // Only the records some field asks of (an edge's tie names none).
  const asked = nodes.filter((node) => shapes.has(node.type));
  const held = (asked.length && (await graphRecords(ctx, shapes, recordsVersion))) || new Map<string, GraphRecord>();
  // Without a copy, a town without ties, or one tied since the copy was loaded (the graph's copy may be newer).
  const missing = asked.filter((node) => !held.has(recordKey(node)));
  const loaded = missing.length ? await loadRecords(ctx.read, missing, shapes) : undefined;
  const record = (fields: RecordFields, type: RecordType, id: number) => {
    const key = recordKey({ type, id });
    const row = held.get(key) ?? loaded?.get(key);
    if (!row) throw new Unplannable(`${type} ${id} is gone`);
    return reader.value(fields, row, typenameOf(row));
  };
  const answer: Record<string, unknown> = {};
  for (const field of root.fields) {
    if (field.kind === "__typename") answer[field.key] = field.typename;
    else if (field.kind === "nodes") answer[field.key] = nodes.map((node) => record(field.fields, node.type, node.id));
    else
      answer[field.key] = ties.map((tie) => {
        const edge: Record<string, unknown> = {};
        for (const part of field.edge)
          edge[part.key] =
            part.kind === "__typename"
              ? part.typename
              : part.kind === "tie"
                ? part.serialize(tie.tie)
                : part.kind === "town"
                  ? record(part.fields, "TOWN", tie.town)
                  : record(part.fields, tie.kind, tie.ctx);
        return edge;
      });
  }
  return answer;
}

/**
 * The neighbourhood's answer, or null where the resolvers must answer: a document this does not
 * cover, an argument the resolver refuses (it reports it), a record gone since the ties were read.
 * A failed statement throws, as the planner's does (the plugin reports it).
 */
export async function answerNeighbourhood(args: ExecutionArgs): Promise<ExecutionResult | null> {
  const neighbourhood = planNeighbourhood(args.schema, args.document, args.operationName);
  if (!neighbourhood) return null;
  const { coerced, errors } = getVariableValues(
    args.schema,
    neighbourhood.operation.variableDefinitions ?? [],
    args.variableValues ?? {},
  );
  if (errors) return null;
  const ctx = args.contextValue as Context;
  const shapes = shapesOf(neighbourhood.roots);
  const reader = new RecordReader(args.schema, coerced, ctx.lang);
  const data: Record<string, unknown> = {};
  try {
    for (const root of neighbourhood.roots)
      data[root.key] = "typename" in root ? root.typename : await answerRoot(root, coerced, shapes, reader, ctx);
  } catch (error) {
    if (error instanceof GraphQLError || error instanceof Unplannable) return null;
    throw error;
  }
  return { data };
}
