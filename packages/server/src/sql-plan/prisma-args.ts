// Translates the Prisma arguments our resolvers build (where, orderBy) into SQL over a table
// alias. Only the forms the planned queries use are known; anything else throws Unplannable
// and the resolvers answer instead.
import { getDatamodel } from "../generated/pothos-types.js";

export class Unplannable extends Error {}

export interface RelationField {
  name: string;
  type: string;
  isList: boolean;
  relationName?: string;
  relationFromFields?: readonly string[];
  relationToFields?: readonly string[];
}

export interface ModelInfo {
  table: string;
  /** Field name → column, for scalar and enum fields. */
  columns: Map<string, { column: string; type: string; isEnum: boolean }>;
  relations: Map<string, RelationField>;
  idField: string | null;
}

/**
 * From Pothos's copy of the data model (the client's own leaves out the relations' columns). It
 * has no database names: tables and columns are named as the models and fields, which holds
 * while schema.prisma maps none (test/unit/sql-plan-names.test.ts).
 */
const models = new Map<string, ModelInfo>(
  Object.entries(getDatamodel().datamodel.models).map(([name, model]) => [
    name,
    {
      table: name,
      columns: new Map(model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum").map((f) => [f.name, { column: f.name, type: f.type, isEnum: f.kind === "enum" }])),
      relations: new Map(model.fields.filter((f) => f.kind === "object").map((f) => [f.name, f as RelationField])),
      idField: model.fields.find((f) => f.isId)?.name ?? null,
    },
  ]),
);

export function modelInfo(name: string): ModelInfo {
  const model = models.get(name);
  if (!model) throw new Unplannable(`no model ${name}`);
  return model;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

export function columnOf(model: ModelInfo, field: string, alias: string): string {
  const column = model.columns.get(field);
  if (!column) throw new Unplannable(`no column ${field}`);
  return `${alias}.${quoteIdent(column.column)}`;
}

/** Adds a bind value and returns its placeholder. */
export type Bind = (value: unknown) => string;

const COMPARISONS: Record<string, string> = { equals: "=", lt: "<", lte: "<=", gt: ">", gte: ">=" };

function isPlainValue(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** The SQL condition of a Prisma where object (true when it has none). */
export function whereSql(model: ModelInfo, where: Record<string, unknown> | undefined, alias: string, bind: Bind): string {
  const conditions: string[] = [];
  for (const [key, value] of Object.entries(where ?? {})) {
    if (value === undefined) continue;
    if (key === "AND") {
      for (const part of Array.isArray(value) ? value : [value]) conditions.push(whereSql(model, part as Record<string, unknown>, alias, bind));
      continue;
    }
    const column = columnOf(model, key, alias);
    if (isPlainValue(value)) {
      conditions.push(`${column} = ${bind(value)}`);
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Unplannable(`filter on ${key}`);
    for (const [operator, operand] of Object.entries(value)) {
      if (operand === undefined) continue;
      if (operator === "in" && Array.isArray(operand) && operand.every(isPlainValue)) conditions.push(`${column} = ANY(${bind(operand)})`);
      else if (COMPARISONS[operator] && isPlainValue(operand)) conditions.push(`${column} ${COMPARISONS[operator]} ${bind(operand)}`);
      else throw new Unplannable(`filter ${operator} on ${key}`);
    }
  }
  const nonTrivial = conditions.filter((c) => c !== "true");
  return nonTrivial.length ? nonTrivial.join(" AND ") : "true";
}

/** The SQL ORDER BY list of a Prisma orderBy (the id when it has none, as Prisma pages). */
export function orderBySql(model: ModelInfo, orderBy: unknown, alias: string): string {
  const terms = (Array.isArray(orderBy) ? orderBy : orderBy ? [orderBy] : []).flatMap((term: Record<string, unknown>) =>
    Object.entries(term).map(([field, direction]) => {
      const column = columnOf(model, field, alias);
      if (direction === "asc" || direction === "desc") return `${column} ${direction.toUpperCase()}`;
      const { sort, nulls } = (direction ?? {}) as { sort?: unknown; nulls?: unknown };
      if ((sort !== "asc" && sort !== "desc") || (nulls !== undefined && nulls !== "first" && nulls !== "last")) throw new Unplannable(`order on ${field}`);
      return `${column} ${sort.toUpperCase()}${nulls ? ` NULLS ${String(nulls).toUpperCase()}` : ""}`;
    }),
  );
  if (!terms.length && model.idField) terms.push(`${columnOf(model, model.idField, alias)} ASC`);
  return terms.join(", ");
}
