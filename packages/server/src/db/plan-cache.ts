// Prisma 6's client compiles every query to a SQL plan in WebAssembly, again on every request:
// about half of CityNet's CPU time per uncached request (bench/results). Prisma 6 has no plan
// cache, but its compiler accepts placeholders ({"$type":"Param"}) and leaves them in the plan
// as {"prisma__type":"param"}. So: replace the filter values of a query with placeholders,
// compile each query shape once, and fill the values into the cached plan per request.
//
// Only values that reach PostgreSQL as bind values become placeholders: in reads, the string
// and number operands of equality, range and in/notIn filters on String, Int and Float fields,
// in `where` and `cursor`. Everything else stays literal and part of the shape: enums (the
// compiler casts them in the SQL text), patterns (it builds the LIKE pattern itself), dates,
// page sizes, orders, list lengths. A query without any such value is cached whole.
import { createRequire } from "node:module";
import { models } from "./data-model.js";

interface QueryCompiler {
  compile(query: string): unknown;
  /** Queries Prisma sends together (findUniques of one tick): often one findMany of them all. */
  compileBatch(batch: string): unknown;
}

/** Operators whose string or number operand goes to PostgreSQL as a bind value. */
const VALUE_OPERATORS = new Set(["equals", "not", "lt", "lte", "gt", "gte"]);
const LIST_OPERATORS = new Set(["in", "notIn"]);
/** Scalar types bound as they are; an enum is cast in the SQL text, a date or JSON is tagged. */
const BOUND_TYPES = new Set(["String", "Int", "Float"]);
/** Reads only: a write's plan carries generated values and is filled in as it runs. */
const READ_ACTIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "aggregate",
  "groupBy",
]);
/** Argument keys whose values are filters. */
const FILTER_ARGUMENTS = ["where", "cursor"];

const MAX_PLANS = 2000;
const installed = Symbol("citynet plan cache");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isBindable = (value: Json): value is string | number => typeof value === "string" || typeof value === "number";

/** Our placeholders' names; Prisma's plans have placeholders of their own (@parent$…) to keep. */
const PLACEHOLDER_PREFIX = "citynet$";

const isOurPlaceholder = (value: unknown): value is { prisma__type: "param"; prisma__value: { name: string } } => {
  const node = value as { prisma__type?: unknown; prisma__value?: { name?: unknown } } | null;
  return (
    typeof node === "object" &&
    node !== null &&
    node.prisma__type === "param" &&
    String(node.prisma__value?.name).startsWith(PLACEHOLDER_PREFIX)
  );
};

/** A compiled plan and the nodes on the way to its placeholders, so filling copies only those. */
interface CachedPlan {
  plan: unknown;
  pathsToParameters: WeakSet<object>;
}

export interface PlanCacheStats {
  /** Query shapes compiled (cache misses). */
  compiled: number;
  /** Requests answered with a cached plan. */
  reused: number;
}

/**
 * Replaces the bindable filter values of a JSON-protocol read with placeholders citynet$0, …
 * Walks the query along the data model, so it knows each value's field type.
 */
function parameterize(query: JsonObject, values: Json[] = []): { shape: JsonObject; values: Json[] } {
  const placeholder = (value: Json): Json => {
    values.push(value);
    return { $type: "Param", value: `${PLACEHOLDER_PREFIX}${values.length - 1}` };
  };

  /** One field's filter: a value (shorthand equality) or an object of operators. */
  const fieldFilter = (node: Json): Json => {
    if (isBindable(node)) return placeholder(node);
    if (!isObject(node) || "$type" in node) return node;
    const out: JsonObject = {};
    for (const [operator, operand] of Object.entries(node)) {
      if (VALUE_OPERATORS.has(operator) && isBindable(operand)) out[operator] = placeholder(operand);
      else if (LIST_OPERATORS.has(operator) && Array.isArray(operand))
        out[operator] = operand.map((item) => (isBindable(item) ? placeholder(item) : item));
      else out[operator] = operand; // contains/startsWith/endsWith (the compiler builds the pattern), mode, nested not…
    }
    return out;
  };

  /** A where or cursor object of a model; relation filters (some, is, …) recurse into theirs. */
  const filter = (node: Json, modelName: string): Json => {
    if (Array.isArray(node)) return node.map((item) => filter(item, modelName));
    if (!isObject(node)) return node;
    const fields = models.get(modelName)?.fields;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      const field = fields?.get(key);
      if (!field)
        out[key] = filter(value, modelName); // AND/OR/NOT, some/every/none/is/isNot
      else if (field.kind === "object") out[key] = filter(value, field.type);
      else if (field.kind === "scalar" && BOUND_TYPES.has(field.type)) out[key] = fieldFilter(value);
      else out[key] = value;
    }
    return out;
  };

  const selection = (node: Json, modelName: string): Json => {
    if (!isObject(node)) return node;
    const out: JsonObject = { ...node };
    if (isObject(node.arguments)) {
      const args: JsonObject = { ...node.arguments };
      for (const key of FILTER_ARGUMENTS) if (key in args) args[key] = filter(args[key], modelName);
      out.arguments = args;
    }
    if (isObject(node.selection)) {
      const fields = models.get(modelName)?.fields;
      out.selection = Object.fromEntries(
        Object.entries(node.selection).map(([name, sub]) => {
          const field = fields?.get(name);
          return [name, field?.kind === "object" ? selection(sub, field.type) : sub];
        }),
      );
    }
    return out;
  };

  return { shape: { ...query, query: selection(query.query, query.modelName as string) }, values };
}

function markPathsToParameters(plan: unknown): WeakSet<object> {
  const marked = new WeakSet<object>();
  const visit = (node: unknown): boolean => {
    if (typeof node !== "object" || node === null) return false;
    let found = isOurPlaceholder(node);
    if (!found) for (const child of Array.isArray(node) ? node : Object.values(node)) found = visit(child) || found;
    if (found) marked.add(node);
    return found;
  };
  visit(plan);
  return marked;
}

/** Copies the plan along the paths to its placeholders, putting the request's values in. */
function fill(node: unknown, pathsToParameters: WeakSet<object>, values: Json[]): unknown {
  if (typeof node !== "object" || node === null || !pathsToParameters.has(node)) return node;
  if (isOurPlaceholder(node)) return values[Number(node.prisma__value.name.slice(PLACEHOLDER_PREFIX.length))];
  if (Array.isArray(node)) return node.map((child) => fill(child, pathsToParameters, values));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) out[key] = fill(child, pathsToParameters, values);
  return out;
}

/**
 * Plans compare equal when they send the same SQL with the same values: a literal integer is a
 * bigint string in a literal plan and a number typed int when it came through a placeholder.
 */
function normalizedPlan(plan: unknown): string {
  return JSON.stringify(plan, (key, value) =>
    typeof value === "number" ? String(value) : key === "scalarType" && value === "bigint" ? "int" : value,
  );
}

const stats: PlanCacheStats = { compiled: 0, reused: 0 };

export function planCacheStats(): PlanCacheStats {
  return { ...stats };
}

/**
 * Installs the cache on the generated client's query compiler (once per process; every
 * PrismaClient shares the class). With `verify`, every cached plan is also compiled the
 * ordinary way and compared: the test suites run with it, so every query they send checks
 * that a placeholder never changes what a query does.
 */
export function installPlanCache({ verify = false } = {}): void {
  const compilerModule = createRequire(import.meta.url)("../generated/prisma/query_compiler_bg.js") as {
    QueryCompiler: { prototype: QueryCompiler };
  };
  const prototype = compilerModule.QueryCompiler.prototype as QueryCompiler & { [installed]?: true };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const plans = new Map<string, CachedPlan | "literal">();
  /** Every entry, literal ones too, is bounded: Map order is least recently used first. */
  const remember = (key: string, entry: CachedPlan | "literal") => {
    plans.delete(key);
    plans.set(key, entry);
    if (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!);
  };

  /** A compiler method with the cache: `parameterized` gives a text's shape and values, or null to compile it as it is. */
  const cached = (
    compileLiteral: (this: QueryCompiler, text: string) => unknown,
    parameterized: (text: string) => { shape: Json; values: Json[] } | null,
  ) =>
    function (this: QueryCompiler, text: string) {
      const found = parameterized(text);
      if (!found) return compileLiteral.call(this, text);
      const key = JSON.stringify(found.shape);
      let entry = plans.get(key);
      if (entry === "literal") {
        remember(key, entry);
        return compileLiteral.call(this, text);
      }
      if (entry) stats.reused++;
      else {
        let plan: unknown;
        try {
          plan = compileLiteral.call(this, key);
        } catch {
          // A shape the compiler cannot take with placeholders: always compile it literally.
          remember(key, "literal");
          return compileLiteral.call(this, text);
        }
        entry = { plan, pathsToParameters: markPathsToParameters(plan) };
        stats.compiled++;
      }
      remember(key, entry);
      const filled = fill(entry.plan, entry.pathsToParameters, found.values);
      if (verify) {
        const literal = compileLiteral.call(this, text);
        if (normalizedPlan(filled) !== normalizedPlan(literal)) {
          throw new Error(
            `plan cache: the cached plan differs from the literal one for ${text}\ncached:  ${normalizedPlan(filled)}\nliteral: ${normalizedPlan(literal)}`,
          );
        }
      }
      return filled;
    };

  const isCachedRead = (query: JsonObject) =>
    READ_ACTIONS.has(query.action as string) && typeof query.modelName === "string";
  prototype.compile = cached(prototype.compile, (text) => {
    const query = JSON.parse(text) as JsonObject;
    return isCachedRead(query) ? parameterize(query) : null;
  });
  // Pothos loads a relation or missing fields of rows with findUniques, which Prisma batches per
  // tick; their batch was compiled again on every request (a federated page sent three).
  prototype.compileBatch = cached(prototype.compileBatch, (text) => {
    const { batch, ...rest } = JSON.parse(text) as { batch: JsonObject[] } & JsonObject;
    if (!batch.every(isCachedRead)) return null;
    const values: Json[] = [];
    return { shape: { ...rest, batch: batch.map((query) => parameterize(query, values).shape) }, values };
  });
}
