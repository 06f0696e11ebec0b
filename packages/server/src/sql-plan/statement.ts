// Turns an operation's plan (plan.ts) into one request's statement: its arguments become bind
// values, and every field a piece of SQL that builds its part of the response JSON.
import {
  type FieldNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getVariableValues,
} from "graphql";
import { LRUCache } from "lru-cache";
import type { Model } from "../db/data-model.js";
import { Prisma } from "../generated/prisma/index.js";
import { DAY_PRECISIONS, MONTH_PRECISIONS } from "../lib/date-range.js";
import { getOrCreate } from "../lib/get-or-create.js";
import { decodeCheckedGlobalID } from "../schema/common/global-id.js";
import { checkLang } from "../schema/common/localized.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../schema/common/pagination.js";
import { formatPartialDate, partialDate as partialDateOf } from "../schema/common/partial-date.js";
import type { Args, Row, RowQuery } from "./annotations.js";
import { DATE_FORMATS, type DatePart, type OperationPlan, type Page, type Planned, type PlannedRoot } from "./plan.js";
import {
  type Bind,
  belongsSql,
  columnOf,
  type Join,
  joinSql,
  modelInfo,
  orderBySql,
  quoteIdent,
  quoteLiteral,
  Unplannable,
  whereSql,
} from "./prisma-args.js";

/** One request's SQL: the statement text and its bind values. */
export interface PlannedStatement {
  sql: string;
  params: unknown[];
  /** Root keys a unique lookup fills: null there means NOT_FOUND, which the resolvers report. */
  lookups: string[];
  /** What finishes the values computed in Node: `{"$finish": i, "of": [...]}` is finishers[i](of). */
  finishers: ((values: unknown[]) => unknown)[];
}

/** A plan whose arguments need the resolvers, kept as such (the cache holds no null). */
const DECLINED = "declined";
/** Statements kept, least recently used first out: at up to 20 KB of text each, 10 MB at most. */
const kept = new LRUCache<string, PlannedStatement | typeof DECLINED>({ max: 500 });
/** Variables longer than this as JSON are built every time rather than kept under a long key. */
const MAX_KEPT_VARIABLES = 2_000;
const planIds = new WeakMap<OperationPlan, number>();
let plansSeen = 0;
const keptStats = { built: 0, reused: 0 };

/** How many statements were built and how many kept ones reused, since the process started. */
export function keptStatementStats(): typeof keptStats {
  return { ...keptStats };
}

/**
 * The statement of a plan for these variables and language, built once and kept: a page asked
 * again with the same variables (every visitor of one town's widget) skips building its text,
 * a sixth of Node's work on a planned town widget (profiled). A statement holds no rows, only
 * SQL and bind values, which the building makes of the variables and language alone
 * (annotations' functions are pure). With `verify` (the test suites) every statement is also
 * built afresh, and a kept or a second build that differs is an error.
 */
export function statementFor(
  schema: GraphQLSchema,
  plan: OperationPlan,
  rawVariables: Record<string, unknown> | undefined,
  lang: string | null,
  verify = false,
): PlannedStatement | null {
  const build = () => buildStatement(schema, plan, rawVariables, lang);
  const variables = JSON.stringify(rawVariables ?? {});
  if (variables.length > MAX_KEPT_VARIABLES) return build();
  const key = `${getOrCreate(planIds, plan, () => ++plansSeen)}|${lang ?? ""}|${variables}`;
  const found = kept.get(key);
  let statement: PlannedStatement | null;
  if (found === undefined) {
    statement = build();
    kept.set(key, statement ?? DECLINED);
    keptStats.built++;
  } else {
    statement = found === DECLINED ? null : found;
    keptStats.reused++;
  }
  if (verify) {
    const fresh = JSON.stringify(comparable(build()));
    if (fresh !== JSON.stringify(comparable(statement)))
      throw new Error(`sql-plan: a kept statement differs from a fresh build for ${key}: ${fresh}`);
  }
  return statement;
}

const comparable = (statement: PlannedStatement | null) =>
  statement && { ...statement, finishers: statement.finishers.length };

/** Builds one request's statement from a plan; null when its arguments need the resolvers. */
export function buildStatement(
  schema: GraphQLSchema,
  plan: OperationPlan,
  rawVariables: Record<string, unknown> | undefined,
  lang: string | null,
): PlannedStatement | null {
  const coerced = getVariableValues(schema, plan.operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  try {
    return new StatementBuilder(coerced.coerced, lang).operation(plan);
  } catch (error) {
    // Arguments a resolver refuses (page size, language, bad filter) get its error, not ours.
    if (error instanceof Unplannable || error instanceof GraphQLError) return null;
    throw error;
  }
}

class StatementBuilder {
  private readonly params: unknown[] = [];
  private readonly finishers: PlannedStatement["finishers"] = [];
  private aliases = 0;
  readonly bind: Bind = (value) => {
    this.params.push(value);
    return `$${this.params.length}`;
  };

  constructor(
    private readonly variables: Record<string, unknown>,
    private readonly lang: string | null,
  ) {}

  private alias(): string {
    return `r${++this.aliases}`;
  }

  private args(def: GraphQLField<unknown, unknown>, node: FieldNode): Args {
    return getArgumentValues(def, node, this.variables);
  }

  operation(plan: OperationPlan): PlannedStatement {
    const lookups: string[] = [];
    const pairs = plan.roots.map((root) => {
      if ("typeName" in root) return [root.key, quoteLiteral(root.typeName)] as const;
      const args = this.args(root.def, root.node);
      const model = modelInfo(root.root.model);
      if (root.root.kind === "unique") {
        lookups.push(root.key);
        const row = this.alias();
        return [
          root.key,
          `(SELECT ${this.object(model, root.children, row)} FROM ${quoteIdent(model.name)} ${row} WHERE ${whereSql(model, root.root.where(args), row, this.bind)})`,
        ] as const;
      }
      if (root.root.kind === "entities") return [root.key, this.entities(root, root.root.typeName, args)] as const;
      const query = root.root.query(args);
      if (!query) throw new Unplannable("root query");
      return [root.key, this.connection(root.page!, args, query, () => "true")] as const;
    });
    return { sql: `SELECT ${jsonObject(pairs)} AS data`, params: this.params, lookups, finishers: this.finishers };
  }

  /** A row of `model` at alias `row` as a JSON object of the planned fields. */
  object(model: Model, fields: Planned[], row: string): string {
    return jsonObject(fields.map((field) => [field.key, this.value(model, field, row)]));
  }

  private value(model: Model, field: Planned, row: string): string {
    switch (field.kind) {
      case "typename":
        return quoteLiteral(field.typeName);
      case "column": {
        const column = columnOf(model, field.field, row);
        return DATE_FORMATS[field.scalar] ? `to_char(${column}, ${quoteLiteral(DATE_FORMATS[field.scalar])})` : column;
      }
      case "globalId":
        return globalId(field.typeName, columnOf(model, field.field, row));
      case "text":
        return this.text(model, field, row);
      case "partialDate":
        return this.partialDate(model, field.columns, field.parts, row);
      case "computed": {
        // The arguments once per statement, not once per row the finisher meets.
        const args = this.args(field.def, field.node);
        return this.computed(model, field.columns, row, (values) => field.finish(values, args, this.lang));
      }
      case "toOne": {
        const child = modelInfo(field.model);
        if (field.join.keyOnParent && field.children.every((c) => isReferencedKey(c, field.join)))
          return keyObject(model, field, row);
        const alias = this.alias();
        return `(SELECT ${this.object(child, field.children, alias)} FROM ${quoteIdent(child.name)} ${alias} WHERE ${joinSql(child, model, field.join, alias, row)})`;
      }
      case "relationPage": {
        const args = this.args(field.page.def, field.page.node);
        const child = modelInfo(field.join.model);
        return this.connection(field.page, args, field.query(args), (alias) =>
          joinSql(child, model, field.join, alias, row),
        );
      }
      case "list":
        return this.list(model, field, row);
    }
  }

  /** A list of the rows belonging to the row at `row`, as JSON, in the order its query gives. */
  private list(parent: Model, field: Extract<Planned, { kind: "list" }>, row: string): string {
    const query = field.query(this.args(field.def, field.node));
    const listed = modelInfo(field.rows.model);
    const alias = this.alias();
    const element = field.via
      ? this.value(
          listed,
          { kind: "toOne", key: field.key, model: field.via.model, join: field.via.join, children: field.children },
          alias,
        )
      : this.object(listed, field.children, alias);
    const belongs = belongsSql(field.rows, parent, row, listed, alias);
    const where = whereSql(listed, query.where, alias, this.bind);
    return `(SELECT coalesce(json_agg(${element} ORDER BY ${orderBySql(listed, query.orderBy, alias)}), '[]') FROM ${quoteIdent(listed.name)} ${alias} WHERE ${belongs} AND ${where})`;
  }

  /**
   * A value Node finishes: the row's `columns` go out as `{"$finish": i, "of": [...]}`, and
   * come back as `finish` makes of them, with Date, Decimal and BigInt columns as Prisma gives them.
   */
  private computed(model: Model, columns: readonly string[], row: string, finish: (row: Row) => unknown): string {
    const inputs = columns.map((name) => {
      const column = columnOf(model, name, row);
      const type = model.fields.get(name)?.type;
      if (type === "DateTime")
        return {
          sql: `to_char(${column}, ${quoteLiteral(DATE_FORMATS.DateTime)})`,
          decode: (v: unknown) => new Date(v as string),
        };
      if (type === "Decimal")
        return { sql: `${column}::text`, decode: (v: unknown) => new Prisma.Decimal(v as string) };
      if (type === "BigInt") return { sql: `${column}::text`, decode: (v: unknown) => BigInt(v as string) };
      return { sql: column, decode: (v: unknown) => v };
    });
    this.finishers.push((values) =>
      finish(
        Object.fromEntries(columns.map((name, i) => [name, values[i] == null ? null : inputs[i].decode(values[i])])),
      ),
    );
    return `json_build_object('$finish', ${this.finishers.length - 1}, 'of', json_build_array(${inputs.map((i) => i.sql).join(", ")}))`;
  }

  /** `partialDate()` and the PartialDate fields (common/partial-date.ts) in SQL; its text in Node. */
  private partialDate(model: Model, names: readonly string[], parts: DatePart[], row: string): string {
    const [precision, start, end, instant, timeZone] = names.map((c) => columnOf(model, c, row));
    const precise = (levels: readonly string[]) =>
      `CASE WHEN ${precision}::text IN (${levels.map(quoteLiteral).join(", ")}) THEN`;
    const value = (part: DatePart): string => {
      switch (part.part) {
        case "__typename":
          return "'PartialDate'";
        case "precision":
          return precision;
        case "start":
          return `to_char(${start}, 'YYYY-MM-DD')`;
        case "end":
          return `to_char(${end}, 'YYYY-MM-DD')`;
        case "year":
          return `extract(year FROM ${start})::int`;
        case "month":
          return `${precise(MONTH_PRECISIONS)} extract(month FROM ${start})::int END`;
        case "day":
          return `${precise(DAY_PRECISIONS)} extract(day FROM ${start})::int END`;
        case "dateTime":
          return instant ? `to_char(${instant}, ${quoteLiteral(DATE_FORMATS.DateTime)})` : "NULL";
        case "timeZone":
          return timeZone ?? "NULL";
        case "text": {
          const lang = (this.args(part.def, part.node) as { lang?: string | null }).lang ?? this.lang ?? "en";
          return this.computed(model, names, row, (columns) =>
            formatPartialDate(
              partialDateOf(...(names.map((c) => columns[c]) as Parameters<typeof partialDateOf>))!,
              lang,
            ),
          );
        }
      }
    };
    return `CASE WHEN ${precision} IS NOT NULL AND ${start} IS NOT NULL AND ${end} IS NOT NULL THEN ${jsonObject(parts.map((p) => [p.key, value(p)]))} END`;
  }

  /**
   * A text in the asked language, from a JSON array of {lang, text}: `pickText`
   * (common/localized.ts) falls back to the original wording, then the first text, skipping
   * empty ones; a registry name to English, then a code column.
   */
  private text(model: Model, field: Extract<Planned, { kind: "text" }>, row: string): string {
    const args = this.args(field.def, field.node) as { lang?: string | null };
    const lang = args.lang ?? this.lang;
    checkLang(lang);
    const column = columnOf(model, field.text.column, row);
    const textWhere = (condition: string) =>
      `(SELECT x->>'text' FROM jsonb_array_elements(${column}) x WHERE ${condition} LIMIT 1)`;
    const inLanguage = (code: string) => textWhere(`x->>'lang' = ${this.bind(code)}`);
    if (field.text.kind === "registryName")
      return `coalesce(${[...(lang ? [inLanguage(lang)] : []), inLanguage("en"), columnOf(model, field.text.orElse, row)].join(", ")})`;
    const candidates = [
      ...(lang ? [inLanguage(lang)] : []),
      textWhere(`x->'original' = 'true'::jsonb`),
      `${column}->0->>'text'`,
    ].map((c) => `nullif(${c}, '')`);
    const text = `CASE WHEN jsonb_typeof(${column}) = 'array' THEN coalesce(${candidates.join(", ")}) END`;
    return field.text.required ? `coalesce(${text}, '')` : text;
  }

  /**
   * The rows of `_entities`, one per representation and in their order, null where no row has
   * the key: by global id, or all by slug (a town's other key), as the reference resolver reads
   * them. Representations of another type, or of mixed keys, leave the operation to it.
   */
  private entities(root: PlannedRoot, typeName: string, args: Args): string {
    const model = modelInfo(root.root.model);
    const representations = args.representations as Record<string, unknown>[];
    const bySlug = representations.length > 0 && representations.every((r) => typeof r.slug === "string");
    if (bySlug && model.fields.get("slug")?.type !== "String") throw new Unplannable("slug key");
    const keys = representations.map(({ __typename, ...key }) => {
      const names = Object.keys(key);
      if (__typename !== typeName || names.length !== 1) throw new Unplannable("representation");
      if (bySlug) return key.slug;
      // A malformed id is the resolvers' to report (decodeCheckedGlobalID's error declines).
      const decoded = typeof key.id === "string" ? decodeCheckedGlobalID(key.id) : undefined;
      const value = Number(decoded?.id);
      if (decoded?.typename !== typeName || !Number.isSafeInteger(value)) throw new Unplannable("representation id");
      return value;
    });
    const row = this.alias();
    const asked = this.alias();
    return `(SELECT coalesce(json_agg(CASE WHEN ${row}.id IS NULL THEN NULL ELSE ${this.object(model, root.children, row)} END ORDER BY ${asked}.ord), '[]')
      FROM unnest(${this.bind(keys)}::${bySlug ? "text" : "int"}[]) WITH ORDINALITY ${asked}(key, ord)
      LEFT JOIN ${quoteIdent(model.name)} ${row} ON ${row}.${bySlug ? "slug" : "id"} = ${asked}.key)`;
  }

  /**
   * A Relay connection over the rows `source` restricts (an alias → condition), paged as Pothos
   * pages a cursor connection: `first` rows (default 20, at most 100) plus one to tell whether
   * more follow; cursors encode the id.
   */
  private connection(page: Page, args: Args, query: RowQuery, source: (alias: string) => string): string {
    if (args.after != null || args.before != null || args.last != null) throw new Unplannable("cursor paging");
    const first = (args.first as number | null | undefined) ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw new Unplannable("page size");
    const model = modelInfo(page.model);
    const rowsFrom = (alias: string) =>
      `FROM ${quoteIdent(model.name)} ${alias} WHERE ${source(alias)} AND ${whereSql(model, query.where, alias, this.bind)}`;
    const pageAlias = this.alias();
    const row = `${pageAlias}_row`;
    // Bound only when used: PostgreSQL cannot type a parameter the text never mentions.
    let boundSize: string | undefined;
    const size = () => (boundSize ??= this.bind(first));
    // plugin-prisma's cursor of an Int id: base64 of "GPC:N:<id>".
    const cursor = base64(`'GPC:N:' || ${row}.id`);
    const pageColumns: string[] = [];
    const pairs = page.fields.map((field): [string, string] => {
      switch (field.kind) {
        case "__typename":
          return [field.key, quoteLiteral(field.typeName)];
        case "totalCount": {
          const alias = this.alias();
          return [field.key, `(SELECT count(*)::int ${rowsFrom(alias)})`];
        }
        case "edges": {
          const edge = jsonObject(
            field.edge.map((e) => [
              e.key,
              e.kind === "__typename"
                ? quoteLiteral(e.typeName)
                : e.kind === "cursor"
                  ? cursor
                  : this.object(model, e.children, row),
            ]),
          );
          pageColumns.push(
            `coalesce(json_agg(${edge} ORDER BY ${row}.n) FILTER (WHERE ${row}.n <= ${size()}), '[]') AS edges${pageColumns.length}`,
          );
          return [field.key, `${pageAlias}.edges${pageColumns.length - 1}`];
        }
        default: // pageInfo, the last kind
          return [field.key, jsonObject(field.info.map((info) => [info.key, pageInfoValue(info, pageAlias)]))];
      }
    });
    if (!pageColumns.length && !page.fields.some((f) => f.kind === "pageInfo")) return jsonObject(pairs);
    const inner = `${pageAlias}_source`;
    const order = orderBySql(model, query.orderBy, inner);
    const rows = `(SELECT ${inner}.*, row_number() OVER (ORDER BY ${order}) AS n ${rowsFrom(inner)} ORDER BY ${order} LIMIT ${size()} + 1) ${row}`;
    pageColumns.push(
      `count(*) > ${size()} AS more`,
      `(array_agg(${cursor} ORDER BY ${row}.n) FILTER (WHERE ${row}.n <= ${size()}))[1] AS start_cursor`,
      `(array_agg(${cursor} ORDER BY ${row}.n DESC) FILTER (WHERE ${row}.n <= ${size()}))[1] AS end_cursor`,
    );
    return `(SELECT ${jsonObject(pairs)} FROM (SELECT ${pageColumns.join(", ")} FROM ${rows}) ${pageAlias})`;
  }
}

function pageInfoValue(info: { kind: string; typeName: string }, page: string): string {
  switch (info.kind) {
    case "__typename":
      return quoteLiteral(info.typeName);
    case "hasNextPage":
      return `${page}.more`;
    case "hasPreviousPage":
      return "false";
    case "startCursor":
      return `${page}.start_cursor`;
    default:
      return `${page}.end_cursor`;
  }
}

/** A field of the related row that its parent's foreign key already holds (`country { code }`). */
function isReferencedKey(field: Planned, join: Join): boolean {
  if (field.kind === "typename") return true;
  if (field.kind === "globalId") return field.field === join.childColumn;
  return field.kind === "column" && field.field === join.childColumn && !DATE_FORMATS[field.scalar];
}

/** The related row built from the parent's foreign key alone: the constraint guarantees the row. */
function keyObject(parent: Model, field: Extract<Planned, { kind: "toOne" }>, row: string): string {
  const key = columnOf(parent, field.join.parentColumn, row);
  const values = field.children.map((c): [string, string] =>
    c.kind === "typename"
      ? [c.key, quoteLiteral(c.typeName)]
      : c.kind === "globalId"
        ? [c.key, globalId(c.typeName, key)]
        : [c.key, key],
  );
  return `CASE WHEN ${key} IS NULL THEN NULL ELSE ${jsonObject(values)} END`;
}

/** Pothos's global id of a row: base64 of "Type:key". */
function globalId(typeName: string, key: string): string {
  return base64(`${quoteLiteral(`${typeName}:`)} || ${key}`);
}

/** Base64 of a text, without the line breaks PostgreSQL puts in every 76 characters. */
function base64(text: string): string {
  return `translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'\\n', '')`;
}

function jsonObject(pairs: readonly (readonly [string, string])[]): string {
  return `json_build_object(${pairs.map(([key, value]) => `${quoteLiteral(key)}, ${value}`).join(", ")})`;
}
