// Loading records of several types at once (search results, news subjects, path steps): one
// SQL statement for all of them, whatever the mix, and a note of each record's GraphQL type
// for the unions' resolveType.
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import type * as Models from "../../generated/prisma/index.js";
import { Prisma } from "../../generated/prisma/index.js";
import { getOrCreate } from "../../lib/get-or-create.js";
import { loadInTick } from "../../lib/tick-batch.js";
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

/** The record type of a GraphQL type name ("Town" → TOWN), when news items and search know it. */
export function subjectTypeOf(typename: string): SubjectType | undefined {
  const found = Object.entries(MODELS).find(([type, model]) => model === typename && type !== "AGREEMENT");
  return found?.[0] as SubjectType | undefined;
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
    model.fields.flatMap((field): [string, Reviver][] =>
      field.kind === "scalar" && REVIVERS[field.type] ? [[field.name, REVIVERS[field.type]!]] : [],
    ),
  ]),
);

function revive(model: Prisma.ModelName, row: Record<string, unknown>): RecordRow<RecordType> {
  for (const [field, from] of revivers.get(model)!) if (row[field] != null) row[field] = from(row[field] as never);
  return row as unknown as RecordRow<RecordType>;
}

/** Records of any mix of types in one statement, by recordKey (a record not found is absent). */
export async function loadRecords<Type extends RecordType>(
  read: Context["read"],
  refs: RecordRef<Type>[],
): Promise<Map<string, RecordRow<Type>>> {
  const selects = recordSelects(refs);
  return selects.length ? recordsFrom(await read(Prisma.join(selects, " UNION ALL "))) : new Map();
}

/**
 * loadRecords, and the data_version of a copy kept in memory read in the same statement: the
 * copy that chose the records was current if no write has raised its version since.
 */
export async function loadRecordsAtVersion<Type extends RecordType>(
  read: Context["read"],
  refs: RecordRef<Type>[],
  copy: string,
): Promise<{ records: Map<string, RecordRow<Type>>; version: bigint }> {
  const version = Prisma.sql`SELECT 'VERSION' AS type, to_jsonb(version) AS row FROM data_version WHERE name = ${copy}`;
  const rows = await read<LoadedRow<Type | "VERSION">>(Prisma.join([version, ...recordSelects(refs)], " UNION ALL "));
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

function recordSelects(refs: RecordRef[]): Prisma.Sql[] {
  const idsByType = new Map<RecordType, number[]>();
  for (const ref of refs) {
    if (!idsByType.has(ref.type)) idsByType.set(ref.type, []);
    idsByType.get(ref.type)!.push(ref.id);
  }
  return [...idsByType].map(
    ([type, ids]) =>
      Prisma.sql`SELECT ${type}::text AS type, to_jsonb(r) AS row FROM ${Prisma.raw(`"${MODELS[type]}"`)} r WHERE r.id = ANY(${ids}::int[])`,
  );
}

function recordsFrom<Type extends RecordType>(rows: LoadedRow<Type>[]): Map<string, RecordRow<Type>> {
  const records = new Map<string, RecordRow<Type>>();
  for (const { type, row } of rows) {
    const record = tagTypename(revive(MODELS[type], row), MODELS[type]) as RecordRow<Type>;
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

type Delegate = { findMany(args: object): Promise<Record<string, unknown>[]> };

/** What Pothos asks of a type, as findMany arguments that also read `column` (to match rows up). */
export function selectionWith(
  query: { select?: object; include?: object },
  column = "id",
): { select: object } | { include?: object } {
  return query.select ? { select: { ...query.select, [column]: true } } : { include: query.include };
}

interface Selection {
  query: { select?: object; include?: object };
  /** The selection as text: records asked for with the same one are loaded together. */
  key: string;
  /** The selection asks for columns only, which a whole row holds. */
  rowSuffices: boolean;
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
    const query = queryFromInfo({ context, info, typeName: typename }) as Selection["query"];
    const asked = Object.keys(query.select ?? query.include ?? {});
    return {
      query,
      key: `${typename} ${JSON.stringify(query)}`,
      rowSuffices: asked.every((field) => scalarFields.get(typename)?.has(field)),
    };
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
 * A record loaded whole by loadRecords, handed to Pothos as the answer to the selection beneath
 * this field (so the type's fields read it instead of loading it again), or, where that
 * selection needs relations the row lacks, loaded with it (loadSelected).
 */
export async function asSelected<Row extends { id: number }>(
  row: Row,
  context: Context,
  info: GraphQLResolveInfo,
): Promise<Row> {
  const typename = typenameOf(row);
  if (selectionAt(context, info, typename).rowSuffices) return row;
  const model = typename[0].toLowerCase() + typename.slice(1);
  const loaded = await loadSelected(context, info, { typename, model, column: "id", value: row.id });
  if (!loaded) throw notFound(typename, `id ${row.id}`);
  return tagTypename(loaded as Row, typename);
}
