// Translates the Prisma arguments our resolvers build (where, orderBy) into SQL over a table
// alias. Only the forms the planned queries use are known; anything else throws Unplannable
// and the resolvers answer instead.
import { type Model, type ModelField, models } from "../db/data-model.js";

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

function isPlainValue(value: unknown): value is string | number | boolean | Date {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date;
}

/** A value as bound: a Date as its UTC instant, which date and timestamp columns read as Prisma writes them. */
const bound = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.map(bound) : value;

/**
 * A condition on related rows: `{ hostTown: { slug } }` (or `is`) for one, `some` or `none` for
 * a list; any other form is left to the resolvers.
 */
function relationWhere(model: Model, field: ModelField, value: unknown, alias: string, bind: Bind): string {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Unplannable(`filter on ${field.name}`);
  const related = modelInfo(field.type);
  const inner = `${alias}_${field.name}`;
  const exists = (rows: string, where: unknown) =>
    `EXISTS (SELECT 1 FROM ${quoteIdent(related.name)} ${inner} WHERE ${rows} AND ${whereSql(related, where as Record<string, unknown>, inner, bind)})`;
  const operators = Object.keys(value);
  if (!field.isList) {
    const where = operators.length === 1 && operators[0] === "is" ? (value as { is: unknown }).is : value;
    return exists(joinSql(related, model, joinOf(model.name, field), inner, alias), where);
  }
  if (operators.length !== 1 || (operators[0] !== "some" && operators[0] !== "none"))
    throw new Unplannable(`filter on ${field.name}`);
  const rows = belongsSql(rowsOf(model.name, field), model, alias, related, inner);
  const condition = exists(rows, (value as Record<string, unknown>)[operators[0]]);
  return operators[0] === "some" ? condition : `NOT ${condition}`;
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
    const field = model.fields.get(key);
    if (field?.kind === "object") {
      conditions.push(relationWhere(model, field, value, alias, bind));
      continue;
    }
    const column = columnOf(model, key, alias);
    if (isPlainValue(value)) {
      conditions.push(`${column} = ${bind(bound(value))}`);
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Unplannable(`filter on ${key}`);
    for (const [operator, operand] of Object.entries(value)) {
      if (operand === undefined) continue;
      if (operator === "in" && Array.isArray(operand) && operand.every(isPlainValue))
        conditions.push(`${column} = ANY(${bind(bound(operand))})`);
      else if (COMPARISONS[operator] && isPlainValue(operand))
        conditions.push(`${column} ${COMPARISONS[operator]} ${bind(bound(operand))}`);
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

/** How rows of a related model join their parent row; `keyOnParent` when the parent holds the foreign key. */
export interface Join {
  model: string;
  childColumn: string;
  parentColumn: string;
  keyOnParent: boolean;
}

/** How a list's rows belong to the parent row. */
export type ListRows =
  | { kind: "join"; model: string; join: Join }
  /** Prisma's implicit many-to-many table: its column naming the parent, and the one naming the row. */
  | { kind: "manyToMany"; model: string; table: string; parentKey: string; rowKey: string }
  | { kind: "citations"; model: "Citation"; subjectType: string };

/**
 * How rows of the relation's model join the parent's row. The data model names a foreign key's
 * columns only (db/data-model.ts): it references the other model's primary key, as all of ours do.
 */
export function joinOf(parentModel: string, relation: ModelField): Join {
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

/** How the rows of a list relation belong to the parent row: by a foreign key, or through Prisma's implicit table. */
export function rowsOf(parentModel: string, relation: ModelField): ListRows {
  const back = [...modelInfo(relation.type).fields.values()].find(
    (f) => f.kind === "object" && f.relationName === relation.relationName && f.type === parentModel,
  );
  if (!back?.isList || relation.type === parentModel)
    return { kind: "join", model: relation.type, join: joinOf(parentModel, relation) };
  // Prisma names the table after the relation, and its columns A and B after the models in name order.
  const [parentKey, rowKey] = parentModel < relation.type ? ["A", "B"] : ["B", "A"];
  if (!modelInfo(parentModel).idField || !modelInfo(relation.type).idField)
    throw new Unplannable(`relation ${relation.name}`);
  return { kind: "manyToMany", model: relation.type, table: `_${relation.relationName}`, parentKey, rowKey };
}

export function joinSql(child: Model, parent: Model, join: Join, childAlias: string, parentAlias: string): string {
  return `${columnOf(child, join.childColumn, childAlias)} = ${columnOf(parent, join.parentColumn, parentAlias)}`;
}

/** How the rows of a list belong to the parent row at `row`. */
export function belongsSql(rows: ListRows, parent: Model, row: string, listed: Model, alias: string): string {
  switch (rows.kind) {
    case "join":
      return joinSql(listed, parent, rows.join, alias, row);
    case "manyToMany":
      return `EXISTS (SELECT 1 FROM ${quoteIdent(rows.table)} j WHERE j.${quoteIdent(rows.rowKey)} = ${columnOf(listed, listed.idField!, alias)} AND j.${quoteIdent(rows.parentKey)} = ${columnOf(parent, parent.idField!, row)})`;
    case "citations":
      return `${alias}."subjectType" = ${quoteLiteral(rows.subjectType)} AND ${alias}."subjectId" = ${columnOf(parent, parent.idField!, row)}`;
  }
}
