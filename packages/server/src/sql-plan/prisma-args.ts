// Translates the Prisma arguments our resolvers build (where, orderBy) into SQL over a table
// alias. Only the forms the planned queries use are known; anything else throws Unplannable
// and the resolvers answer instead.
import { type Model, models } from "../db/data-model.js";

export class Unplannable extends Error {}

/**
 * A model of the data model. Tables and columns are named as the models and fields: the data
 * model has no database names, and schema.prisma maps none (test/unit/sql-plan-names.test.ts).
 */
export function modelInfo(name: string): Model {
  const model = models.get(name);
  if (!model) throw new Unplannable(`no model ${name}`);
  return model;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A scalar or enum field of the model as a column of the row at `alias`. */
export function columnOf(model: Model, field: string, alias: string): string {
  const kind = model.fields.get(field)?.kind;
  if (kind !== "scalar" && kind !== "enum") throw new Unplannable(`no column ${field}`);
  return `${alias}.${quoteIdent(field)}`;
}

/** Adds a bind value and returns its placeholder. */
export type Bind = (value: unknown) => string;

const COMPARISONS: Record<string, string> = { equals: "=", lt: "<", lte: "<=", gt: ">", gte: ">=" };

function isPlainValue(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** The SQL condition of a Prisma where object (true when it has none). */
export function whereSql(model: Model, where: Record<string, unknown> | undefined, alias: string, bind: Bind): string {
  const conditions: string[] = [];
  for (const [key, value] of Object.entries(where ?? {})) {
    if (value === undefined) continue;
    if (key === "AND") {
      for (const part of Array.isArray(value) ? value : [value])
        conditions.push(whereSql(model, part as Record<string, unknown>, alias, bind));
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
      if (operator === "in" && Array.isArray(operand) && operand.every(isPlainValue))
        conditions.push(`${column} = ANY(${bind(operand)})`);
      else if (COMPARISONS[operator] && isPlainValue(operand))
        conditions.push(`${column} ${COMPARISONS[operator]} ${bind(operand)}`);
      else throw new Unplannable(`filter ${operator} on ${key}`);
    }
  }
  const nonTrivial = conditions.filter((c) => c !== "true");
  return nonTrivial.length ? nonTrivial.join(" AND ") : "true";
}

/** The SQL ORDER BY list of a Prisma orderBy; a page without an order is left to the resolvers. */
export function orderBySql(model: Model, orderBy: unknown, alias: string): string {
  const terms = (Array.isArray(orderBy) ? orderBy : orderBy ? [orderBy] : []).flatMap((term: Record<string, unknown>) =>
    Object.entries(term).map(([field, direction]) => {
      const column = columnOf(model, field, alias);
      if (direction === "asc" || direction === "desc") return `${column} ${direction.toUpperCase()}`;
      const { sort, nulls } = (direction ?? {}) as { sort?: unknown; nulls?: unknown };
      if ((sort !== "asc" && sort !== "desc") || (nulls !== undefined && nulls !== "first" && nulls !== "last"))
        throw new Unplannable(`order on ${field}`);
      return `${column} ${sort.toUpperCase()}${nulls ? ` NULLS ${String(nulls).toUpperCase()}` : ""}`;
    }),
  );
  if (!terms.length) throw new Unplannable("no order");
  return terms.join(", ");
}
