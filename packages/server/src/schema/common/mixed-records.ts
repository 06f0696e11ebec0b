// Loading records of several types at once (search results, news subjects, path steps): one
// SQL statement for all of them, whatever the mix, and a note of each record's GraphQL type
// for the unions' resolveType.
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import type * as Models from "../../generated/prisma/index.js";
import { Prisma } from "../../generated/prisma/index.js";
import { getOrCreate } from "../../lib/get-or-create.js";
import { loadInTick } from "../../lib/tick-batch.js";
import { joinOf, joinSql, modelInfo, quoteIdent, quoteLiteral, Unplannable } from "../../sql-plan/prisma-args.js";
import type { Context } from "../context.js";
import { notFound } from "./errors.js";

interface Rows {
  TOWN: Models.Town;
  EVENT: Models.Event;
  ORGANISATION: Models.Organisation;
  PROGRAMME: Models.Programme;
  PROJECT: Models.Project;
  NETWORK: Models.Network;
  PARTNER_SEARCH: Models.PartnerSearch;
  FUNDING_CALL: Models.FundingCall;
  AGREEMENT: Models.Agreement;
}

export type RecordType = keyof Rows;
/** Records that search results and news items can be about (agreements only appear on paths). */
export type SubjectType = Exclude<RecordType, "AGREEMENT">;
export type RecordRow<Type extends RecordType = SubjectType> = Rows[Type];

/** The Prisma model (and table) and the GraphQL type of each kind of record. */
const MODELS: Record<RecordType, Prisma.ModelName> = {
  TOWN: "Town",
  EVENT: "Event",
  ORGANISATION: "Organisation",
  PROGRAMME: "Programme",
  PROJECT: "Project",
  NETWORK: "Network",
  PARTNER_SEARCH: "PartnerSearch",
  FUNDING_CALL: "FundingCall",
  AGREEMENT: "Agreement",
};

const RECORD_TYPES = Object.keys(MODELS) as RecordType[];

/** The record type of a GraphQL type name ("Town" → TOWN). */
export const recordTypeOf = (typename: string) => RECORD_TYPES.find((type) => MODELS[type] === typename);

/** The record type of a GraphQL type name, when news items and search know it. */
export function subjectTypeOf(typename: string): SubjectType | undefined {
  const type = recordTypeOf(typename);
  return type === "AGREEMENT" ? undefined : type;
}

const typenames = new WeakMap<object, string>();

/** Notes the GraphQL type of a record loaded some other way. */
export function tagTypename<Row extends object>(record: Row, typename: string): Row {
  typenames.set(record, typename);
  return record;
}

/** The GraphQL type of a record loaded by loadRecords or tagged (for unions' resolveType). */
export function typenameOf(record: object): string {
  return typenames.get(record)!;
}

export interface RecordRef<Type extends RecordType = RecordType> {
  type: Type;
  id: number;
}

export const recordKey = (ref: RecordRef) => `${ref.type}:${ref.id}`;

/**
 * Rows travel as JSON (one UNION for every type); JSON has no dates or decimals, so the
 * columns Prisma would return as Date or Decimal are turned back into those.
 */
type Reviver = (json: never) => unknown;
const REVIVERS: Partial<Record<string, Reviver>> = {
  DateTime: (v: string) => new Date(v),
  Decimal: (v: number) => new Prisma.Decimal(v),
};
const revivers = new Map<string, [string, Reviver][]>(
  Prisma.dmmf.datamodel.models.map((model) => [
    model.name,
    model.fields.flatMap((field): [string, Reviver][] => {
      if (field.kind === "scalar" && REVIVERS[field.type]) return [[field.name, REVIVERS[field.type]!]];
      // A to-one relation loaded with the row (recordShapesAsked) is a row of its own model.
      if (field.kind === "object" && !field.isList)
        return [[field.name, (related: Record<string, unknown>) => reviveRow(field.type, related)]];
      return [];
    }),
  ]),
);

/** A row of `model` read as JSON, with its dates and decimals (and those of rows loaded with it) as Prisma returns them. */
export function reviveRow(model: string, row: Record<string, unknown>): RecordRow<RecordType> {
  for (const [field, from] of revivers.get(model)!) if (row[field] != null) row[field] = from(row[field] as never);
  return row as unknown as RecordRow<RecordType>;
}

/**
 * What to load of the records of a type (recordShapesAsked): the columns a document asks of them
 * (with the id), and the to-one relations it asks, as whole rows of their own (a town's country),
 * so that asSelected answers from the loaded row without a second statement. A type without a
 * shape is loaded as whole rows.
 */
export interface RecordShape {
  columns: readonly string[];
  toOne: readonly string[];
}
export type RecordShapes = ReadonlyMap<RecordType, RecordShape>;

/** Records of any mix of types in one statement, by recordKey (a record not found is absent). */
export async function loadRecords<Type extends RecordType>(
  read: Context["read"],
  refs: RecordRef<Type>[],
  shapes?: RecordShapes,
): Promise<Map<string, RecordRow<Type>>> {
  const selects = recordSelects(byIds(refs), shapes);
  return selects.length ? recordsFrom(await read(Prisma.join(selects, " UNION ALL "))) : new Map();
}

/**
 * loadRecords, and the data_version of a copy kept in memory read in the same statement: the
 * copy that chose the records was current if no write has raised its version since.
 */
export function loadRecordsAtVersion<Type extends RecordType>(
  read: Context["read"],
  refs: RecordRef<Type>[],
  copy: string,
  shapes?: RecordShapes,
): Promise<{ records: Map<string, RecordRow<Type>>; version: bigint }> {
  return loadRecordsWhere(read, byIds(refs), copy, shapes);
}

/**
 * The records of each type that its condition on the row `r` chooses, and the data_version of
 * `copy` read in the same statement (the version of a copy made of them).
 */
export async function loadRecordsWhere<Type extends RecordType>(
  read: Context["read"],
  chosen: ReadonlyMap<Type, Prisma.Sql>,
  copy: string,
  shapes?: RecordShapes,
): Promise<{ records: Map<string, RecordRow<Type>>; version: bigint }> {
  const version = Prisma.sql`SELECT 'VERSION' AS type, to_jsonb(version) AS row FROM data_version WHERE name = ${copy}`;
  const rows = await read<LoadedRow<Type | "VERSION">>(
    Prisma.join([version, ...recordSelects(chosen, shapes)], " UNION ALL "),
  );
  const [versionRow] = rows.splice(
    rows.findIndex((row) => row.type === "VERSION"),
    1,
  );
  return { records: recordsFrom(rows as LoadedRow<Type>[]), version: BigInt(versionRow.row as unknown as number) };
}

interface LoadedRow<Type> {
  type: Type;
  row: Record<string, unknown>;
}

/** The condition choosing each type's records by id. */
function byIds<Type extends RecordType>(refs: RecordRef<Type>[]): Map<Type, Prisma.Sql> {
  const idsByType = new Map<Type, number[]>();
  for (const ref of refs) getOrCreate(idsByType, ref.type, () => []).push(ref.id);
  return new Map([...idsByType].map(([type, ids]) => [type, Prisma.sql`r.id = ANY(${ids}::int[])`]));
}

function recordSelects(chosen: ReadonlyMap<RecordType, Prisma.Sql>, shapes?: RecordShapes): Prisma.Sql[] {
  return [...chosen].map(
    ([type, condition]) =>
      Prisma.sql`SELECT ${type}::text AS type, ${Prisma.raw(rowAsJson(MODELS[type], shapes?.get(type)))} AS row FROM ${Prisma.raw(quoteIdent(MODELS[type]))} r WHERE ${condition}`,
  );
}

/** The row at `r` as JSON: the shape's columns (else every one), and its to-one relations' rows or nulls. */
function rowAsJson(modelName: string, shape: RecordShape | undefined): string {
  const model = modelInfo(modelName);
  const row = shape
    ? `jsonb_build_object(${shape.columns.map((column) => `${quoteLiteral(column)}, r.${quoteIdent(column)}`).join(", ")})`
    : "to_jsonb(r)";
  const related = (shape?.toOne ?? []).map((name) => {
    const join = joinOf(model.name, model.fields.get(name)!);
    const where = joinSql(modelInfo(join.model), model, join, "x", "r");
    return `${quoteLiteral(name)}, (SELECT to_jsonb(x) FROM ${quoteIdent(join.model)} x WHERE ${where} LIMIT 1)`;
  });
  return related.length ? `${row} || jsonb_build_object(${related.join(", ")})` : row;
}

/**
 * What a document asks of the records found at each of `paths` below the field `info` resolves
 * (search: `results.entity`), by record type, as Pothos plans it there: the shapes loadRecords
 * loads. A type asked for more than its columns and whole related rows at any of them is loaded
 * whole (asSelected then loads the rest). Only the types `present` among the records are planned
 * (a path's `types`, else any): a plan per type costs.
 */
export function recordShapesAsked(
  context: Context,
  info: GraphQLResolveInfo,
  paths: readonly { path: readonly string[]; types?: readonly RecordType[] }[],
  present: Iterable<RecordType>,
): RecordShapes {
  const columns = new Map<RecordType, Set<string>>();
  const toOne = new Map<RecordType, Set<string>>();
  const whole = new Set<RecordType>();
  const presentTypes = [...new Set(present)];
  for (const { path, types } of paths)
    for (const type of presentTypes) {
      if (types && !types.includes(type)) continue;
      const query = queryFromInfo({ context, info, typeName: MODELS[type], path: [...path] }) as Query;
      // Nothing asked there: the path is not in the document, or not as this type.
      if (!query.select && !query.include) continue;
      const needs = rowNeeds(MODELS[type], query);
      if (!needs || !joinsSimply(MODELS[type], needs.relations)) {
        whole.add(type);
        continue;
      }
      for (const column of ["id", ...needs.columns]) getOrCreate(columns, type, () => new Set()).add(column);
      for (const relation of needs.relations) getOrCreate(toOne, type, () => new Set()).add(relation);
    }
  return new Map(
    [...columns]
      .filter(([type]) => !whole.has(type))
      .map(([type, asked]) => [type, { columns: [...asked], toOne: [...(toOne.get(type) ?? [])] }]),
  );
}

/** Whether each relation joins by one column (joinOf), as every to-one relation of ours does. */
function joinsSimply(model: string, relations: readonly string[]): boolean {
  try {
    for (const relation of relations) joinOf(model, modelInfo(model).fields.get(relation)!);
    return true;
  } catch (error) {
    if (error instanceof Unplannable) return false;
    throw error;
  }
}

function recordsFrom<Type extends RecordType>(rows: LoadedRow<Type>[]): Map<string, RecordRow<Type>> {
  const records = new Map<string, RecordRow<Type>>();
  for (const { type, row } of rows) {
    const record = tagTypename(reviveRow(MODELS[type], row), MODELS[type]) as RecordRow<Type>;
    records.set(recordKey({ type, id: record.id }), record);
  }
  return records;
}

/** Each model's scalar columns: what a whole row loaded by loadRecords holds. */
const scalarFields = new Map(
  Prisma.dmmf.datamodel.models.map((model) => [
    model.name,
    new Set(model.fields.filter((field) => field.kind !== "object").map((field) => field.name)),
  ]),
);
/** Each model's to-one relations, by name, with the model each names. */
const toOneFields = new Map(
  Prisma.dmmf.datamodel.models.map((model) => [
    model.name,
    new Map(model.fields.filter((field) => field.kind === "object" && !field.isList).map((f) => [f.name, f.type])),
  ]),
);

type Query = { select?: Record<string, unknown>; include?: Record<string, unknown> };

/** Whether a whole row of `model` answers a Prisma selection: `true`, or columns only. */
export function wholeRowAnswers(model: string, nested: unknown): boolean {
  if (nested === true) return true;
  if (typeof nested !== "object" || nested === null) return false;
  const { select, include, ...rest } = nested as Query;
  if (Object.keys(rest).length) return false;
  if (select) return Object.keys(select).every((field) => scalarFields.get(model)?.has(field));
  return !include || !Object.keys(include).length;
}

/**
 * What a loaded row must hold to answer a selection: its columns (every one, for an include) and
 * the to-one relations loaded with it as whole rows (recordShapesAsked); null when no loaded row
 * can (lists, counts, deeper relations).
 */
function rowNeeds(typename: string, query: Query): { columns: string[]; relations: string[] } | null {
  const columns = query.select ? [] : [...(scalarFields.get(typename) ?? [])];
  const relations: string[] = [];
  for (const [field, nested] of Object.entries(query.select ?? query.include ?? {})) {
    if (query.select && scalarFields.get(typename)?.has(field)) {
      columns.push(field);
      continue;
    }
    const related = toOneFields.get(typename)?.get(field);
    if (!related || !wholeRowAnswers(related, nested)) return null;
    relations.push(field);
  }
  return { columns, relations };
}

type Delegate = { findMany(args: object): Promise<Record<string, unknown>[]> };

/** What Pothos asks of a type, as findMany arguments that also read `column` (to match rows up). */
export function selectionWith(query: Query, column = "id"): { select: object } | { include?: object } {
  return query.select ? { select: { ...query.select, [column]: true } } : { include: query.include };
}

interface Selection {
  query: Query;
  /** The selection as text: records asked for with the same one are loaded together. */
  key: string;
  /** What a loaded row must hold to answer it (rowNeeds); null when no loaded row can. */
  needs: { columns: string[]; relations: string[] } | null;
}
const selections = new WeakMap<Context, Map<string, Selection>>();

/**
 * What Pothos asks of a type at a field, planned once per request: every row of a list plans the
 * same query, and Pothos keys what it maps by the path without list indices.
 */
function selectionAt(context: Context, info: GraphQLResolveInfo, typename: string): Selection {
  const path: string[] = [];
  for (let step: GraphQLResolveInfo["path"] | undefined = info.path; step; step = step.prev)
    if (typeof step.key === "string") path.push(step.key);
  const planned = getOrCreate(selections, context, () => new Map<string, Selection>());
  return getOrCreate(planned, `${typename} ${path.join(".")}`, () => {
    const query = queryFromInfo({ context, info, typeName: typename }) as Query;
    return { query, key: `${typename} ${JSON.stringify(query)}`, needs: rowNeeds(typename, query) };
  });
}

/**
 * The record of `model` whose `column` is `value`, with what Pothos asks of its type at this
 * field (relations too): one findMany per model, column and selection for every record asked for
 * in the same tick of the request (a plan Prisma's plan cache keeps, where batched findUniques
 * were compiled again on every request).
 */
export function loadSelected(
  context: Context,
  info: GraphQLResolveInfo,
  { typename, model, column, value }: { typename: string; model: string; column: string; value: unknown },
): Promise<Record<string, unknown> | undefined> {
  const { query, key } = selectionAt(context, info, typename);
  const delegate = (context.prisma as unknown as Record<string, Delegate>)[model];
  return loadInTick(
    context,
    `${column} ${key}`,
    value,
    (values) => delegate.findMany({ ...selectionWith(query, column), where: { [column]: { in: values } } }),
    (row) => row[column],
  );
}

/**
 * A record loaded by loadRecords, handed to Pothos as the answer to the selection beneath this
 * field (so the type's fields read it instead of loading it again), or, where that selection
 * needs columns or relations the row was not loaded with, loaded with them (loadSelected).
 */
export async function asSelected<Row extends { id: number }>(
  row: Row,
  context: Context,
  info: GraphQLResolveInfo,
): Promise<Row> {
  const typename = typenameOf(row);
  const { needs } = selectionAt(context, info, typename);
  const held = row as Record<string, unknown>;
  if (
    needs?.columns.every((column) => column in held) &&
    needs.relations.every((relation) => held[relation] !== undefined)
  )
    return row;
  const model = typename[0].toLowerCase() + typename.slice(1);
  const loaded = await loadSelected(context, info, { typename, model, column: "id", value: row.id });
  if (!loaded) throw notFound(typename, `id ${row.id}`);
  return tagTypename(loaded as Row, typename);
}
