// What the schema tells the SQL planner beyond what Pothos records itself (exposed columns,
// Prisma relations): how a computed field reads its columns, which Prisma query a relation's
// page runs, and how a root field finds its rows. Each is the same function or column list the
// resolver uses, so the two ways of answering cannot drift apart.
export type Args = Record<string, unknown>;
type Where = Record<string, unknown>;

/** A field computed from columns of its row. */
export type SqlField =
  | { kind: "localizedText"; column: string; required: boolean }
  /** A registry's names: the language's, else English, else the `orElse` column (a code). */
  | { kind: "registryName"; column: string; orElse: string }
  | { kind: "partialDate"; columns: readonly string[] };

/** The where and order of a relation page or root list, as the resolver gives them to Prisma. */
export interface RowQuery {
  where?: Where;
  /** A Prisma orderBy of any model (prisma-args.ts reads it). */
  orderBy?: unknown;
}

/** How a root field finds its rows: one by a unique key, or a page of a filtered list. */
export type SqlRoot =
  | { kind: "unique"; model: string; where: (args: Args) => Where }
  /** Returns null where only the resolver can answer (a radius filter needs a lookup first). */
  | { kind: "connection"; model: string; query: (args: Args) => RowQuery | null };

export const SQL_FIELD = "citynetSqlField";
export const SQL_ROOT = "citynetSqlRoot";
export const RELATION_QUERY = "citynetRelationQuery";

export const sqlField = (field: SqlField) => ({ [SQL_FIELD]: field });
export const sqlRoot = (root: SqlRoot) => ({ [SQL_ROOT]: root });

/**
 * A relation's `query` option, shared with the planner. Without it the planner leaves the
 * relation to its resolver, since it cannot see an order hidden inside Pothos.
 */
export type RelationQuery = (args: Args) => RowQuery;

export function plannedQuery<Q extends RowQuery>(query: (args: Args) => Q) {
  return { query, extensions: { [RELATION_QUERY]: query } };
}
