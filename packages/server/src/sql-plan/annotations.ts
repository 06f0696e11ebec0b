// What the schema tells the SQL planner beyond what Pothos records itself (exposed columns,
// Prisma relations): how a computed field reads its columns (or which function finishes it
// from them), which Prisma query a relation's page or list runs, and how a root field finds its
// rows. Each is the same function or column list the resolver uses, so the two ways of
// answering cannot drift apart.
export type Args = Record<string, unknown>;
type Where = Record<string, unknown>;

/** A field computed from columns of its row. */
export type SqlField =
  | { kind: "localizedText"; column: string; required: boolean }
  /** A registry's names: the language's, else English, else the `orElse` column (a code). */
  | { kind: "registryName"; column: string; orElse: string }
  | { kind: "partialDate"; columns: readonly string[] }
  /**
   * A value computed in Node by the resolver's own function from its row's columns (a search's
   * shown status): the statement selects the columns and `compute` finishes the answer.
   */
  | { kind: "computed"; columns: readonly string[]; compute: Compute<Row> }
  /** A row's citations (common/sources.ts), as rows of the Citation model. */
  | { kind: "citations"; subjectType: string }
  /** Rows of a join model, each shown as its `via` relation (a search's wanted countries). */
  | { kind: "through"; relation: string; via: string; query: RowQuery }
  /** A relation of the row a non-Prisma type is built from (a citation's source). */
  | { kind: "relation"; relation: string };

/** A row as a computed field's function reads it: Date, Decimal and BigInt columns as Prisma gives them. */
export type Row = Record<string, unknown>;

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
  | { kind: "connection"; model: string; query: (args: Args) => RowQuery | null }
  /**
   * A subgraph's `_entities`: the rows of one type by the keys of the gateway's representations
   * (global id or slug), in their order, null where none is (as its reference resolver answers).
   */
  | { kind: "entities"; model: string; typeName: string };

export const SQL_FIELD = "citynetSqlField";
export const SQL_ROOT = "citynetSqlRoot";
export const RELATION_QUERY = "citynetRelationQuery";
/** The model whose rows a type that is not a Prisma object is built from (Citation). */
export const SQL_MODEL = "citynetSqlModel";

export const sqlField = (field: SqlField) => ({ [SQL_FIELD]: field });
export const sqlRoot = (root: SqlRoot) => ({ [SQL_ROOT]: root });
export const sqlModel = (model: string) => ({ [SQL_MODEL]: model });

/** A computed field's value from its row, its arguments and the reader's language (Accept-Language). */
export type Compute<R> = (row: R, args: Args, lang: string | null) => unknown;

/** A field `compute` (the resolver's own function) makes of its row's `columns`, for the planner to finish. */
export const computedFrom = <R>(columns: readonly (keyof R & string)[], compute: Compute<R>) =>
  sqlField({ kind: "computed", columns, compute: compute as Compute<Row> });

/**
 * A relation's `query` option, shared with the planner. Without it the planner leaves the
 * relation to its resolver, since it cannot see an order hidden inside Pothos.
 */
export type RelationQuery = (args: Args) => RowQuery;

export function plannedQuery<Q extends RowQuery>(query: (args: Args) => Q) {
  return { query, extensions: { [RELATION_QUERY]: query } };
}

/** A relation's rows in the order they were recorded. */
export const inIdOrder = plannedQuery(() => ({ orderBy: { id: "asc" as const } }));
