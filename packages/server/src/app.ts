// The HTTP application: GraphQL (with offline GraphiQL) plus health and readiness probes.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { useGraphQLSSE } from "@graphql-yoga/plugin-graphql-sse";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { useResponseCache } from "@graphql-yoga/plugin-response-cache";
import { GraphQLError, type GraphQLSchema, NoSchemaIntrospectionCustomRule } from "graphql";
import { createYoga, maskError, type Plugin } from "graphql-yoga";
import { useCallerConfirmation } from "./auth/caller-confirmation.js";
import { createCallers } from "./auth/identity.js";
import { boundedParserCache } from "./cache/parse-cache.js";
import { type ResponseCacheStore, responseCacheStore } from "./cache/response-cache.js";
import type { AuthConfig, RateLimitConfig, RedisConfig } from "./config.js";
import { createBulkhead } from "./db/bulkhead.js";
import type { Database } from "./db/database.js";
import { createExplorer } from "./explore.js";
import { buildGraphiQLPage, type GraphiQLPage, serveGraphiQL, wantsGraphiQL } from "./graphiql-page.js";
import { createLive, type Live } from "./live/pubsub.js";
import { createMetrics, type Metrics, useMetrics } from "./metrics.js";
import { createRateLimiter, useRateLimit } from "./rate-limit.js";
import { errorEntry, jsonLines, type LogWriter, useRequestLog } from "./request-log.js";
import { createRest } from "./rest/handler.js";
import { clientErrorFrom, ErrorCode, isDatabaseUnavailable, serviceUnavailable } from "./schema/common/errors.js";
import { refusedUnmeasuredBody, useInputLimits, useRequestSizeLimits } from "./schema/common/input-limits.js";
import type { Context } from "./schema/context.js";
import { schema } from "./schema/index.js";
import { useSqlPlans } from "./sql-plan/plugin.js";
import { traceRequest, useTracing } from "./tracing.js";

export interface AppOptions {
  graphiql?: boolean;
  /** One log line per request (default true; off in tests, where logError collects errors). */
  logging?: boolean;
  /** Where log lines go (default: JSON lines on stdout, errors on stderr). */
  log?: LogWriter;
  /** Known operations by hash (a persisted-documents manifest); enables sending hashes only. */
  persistedDocuments?: Record<string, string>;
  /** Reject any operation that is not in persistedDocuments. */
  persistedOnly?: boolean;
  /** Where unexpected (masked) errors are reported. */
  logError?: (error: unknown) => void;
  /** Serve a repeated operation from memory for this long (0 or absent: never). */
  responseCacheTtlMs?: number;
  /** The schema to serve: the whole graph unless a federation subgraph's. */
  schema?: GraphQLSchema;
  /** Answer the operations the SQL planner covers with one statement each (default true). */
  sqlPlans?: boolean;
  /** Which bearer tokens sign in (API keys always do). Default: none. */
  auth?: AuthConfig;
  /** Keep the response cache in Redis, shared by replicas (default: in memory). */
  redis?: RedisConfig;
  /** Origins a browser may call from: "*" (the default) or a list; never with credentials. */
  corsOrigins?: "*" | string[];
  /** Answer introspection queries (default true; GraphiQL needs them). */
  introspection?: boolean;
  /** Each client's cost budget per window (default: none). */
  rateLimit?: RateLimitConfig;
  /** Serve Prometheus metrics at /metrics (default false). */
  metrics?: boolean;
  /** Spans for requests and GraphQL phases (default false; startTracing registers the exporter). */
  tracing?: boolean;
  /** Where writes are announced to subscriptions (default: its own, through `redis` when given). */
  live?: Live;
  /** The built explorer's folder, served at /explore (absent: no explorer). */
  explorerDir?: string;
}

/** Headers a GET or form POST must carry to show it was not sent cross-site by a plain form or link. */
export const CSRF_HEADERS = ["x-graphql-yoga-csrf", "apollo-require-preflight", "x-apollo-operation-name"];

/** The GraphiQL page, built (and compressed) on its first request: it is the same for every app. */
let graphiqlPage: Promise<GraphiQLPage> | undefined;

/** First language tag of an Accept-Language header ("cs-CZ,cs;q=0.9" → "cs"). */
export function preferredLanguage(header: string | null): string | null {
  const tag = header?.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return tag && /^[a-z]{2}$/.test(tag) ? tag : null;
}

/** Gives uncoded client errors (syntax errors) a stable code. */
function withCode(error: GraphQLError): GraphQLError {
  if (error.message === "Required CSRF header(s) not present")
    return new GraphQLError(
      `A GET request or form post must carry one of the headers ${CSRF_HEADERS.join(", ")} (a browser sends neither cross-site without asking)`,
      { extensions: { ...error.extensions, code: ErrorCode.BAD_REQUEST } },
    );
  // graphql-armor reports its limits as syntax errors ("Syntax Error: Query depth limit of 15
  // exceeded"), the token limit even coded as a parse failure; they are not, and their message
  // says what happened without that prefix.
  const limit = /limit of \d+ exceeded/.test(error.message);
  if (error.extensions.code && !limit) return error;
  const code = limit
    ? ErrorCode.OPERATION_LIMIT_EXCEEDED
    : error.message.startsWith("Syntax Error")
      ? ErrorCode.GRAPHQL_PARSE_FAILED
      : ErrorCode.BAD_USER_INPUT;
  return new GraphQLError(limit ? error.message.replace(/^Syntax Error: /, "") : error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code },
  });
}

/** Refuses introspection (__schema, __type) in validation, with GRAPHQL_VALIDATION_FAILED. */
function disableIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/** Manifest keys may carry an algorithm prefix ("sha256:…"); clients send the bare hash. */
export function normalizeManifest(manifest: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(manifest).map(([hash, document]) => [hash.replace(/^sha256:/, ""), document]));
}

/**
 * Anonymous callers see public data only, the same for all of them, so an identical operation
 * (same variables, same Accept-Language) may be answered from the cache for a short while. A
 * signed-in caller may see more (interests, history): its requests neither read nor fill the
 * cache. The write generation is part of every key (cache/response-cache.ts), so nothing cached
 * before a committed write is served after it. Results with errors are never cached.
 */
function responseCachePlugin(
  options: AppOptions,
  store: ResponseCacheStore | null,
  metrics: Metrics | null,
): Plugin<Context>[] {
  if (!store) return [];
  const cache: typeof store.cache = metrics
    ? {
        set: (id, data, entities, ttl) => store.cache.set(id, data, entities, ttl),
        invalidate: (entities) => store.cache.invalidate(entities),
        async get(id) {
          const answer = await store.cache.get(id);
          metrics.cache.inc({ result: answer ? "hit" : "miss" });
          return answer;
        },
      }
    : store.cache;
  return [
    useResponseCache<Context>({
      enabled: (request) => !request.headers.get("authorization"),
      session: async (request) =>
        `${await store.generation()}|${preferredLanguage(request.headers.get("accept-language"))}`,
      ttl: options.responseCacheTtlMs,
      // The caller's budget changes with every request: never answered from the cache.
      ttlPerSchemaCoordinate: { "Query.rateLimit": 0 },
      cache,
    }) as Plugin<Context>,
  ];
}

function persistedOperationsPlugin(options: AppOptions): Plugin[] {
  if (!options.persistedDocuments) return [];
  const documents = normalizeManifest(options.persistedDocuments);
  return [
    usePersistedOperations({
      getPersistedOperation: (hash) => documents.get(hash.replace(/^sha256:/, "")) ?? null,
      allowArbitraryOperations: !options.persistedOnly,
      customErrors: {
        persistedQueryOnly: {
          message:
            "This server runs only the operations it knows: send extensions.persistedQuery.sha256Hash of a persisted document, without a query text",
          extensions: { code: ErrorCode.PERSISTED_QUERY_ONLY, http: { status: 400 } },
        },
      },
    }),
  ];
}

export function createApp(db: Database, options: AppOptions = {}) {
  const log = options.log ?? jsonLines;
  const logError = options.logError ?? ((error: unknown) => log(errorEntry(error)));
  // Errors maskError has seen: it reported the unexpected ones; yoga must not log any again.
  const seenByMask = new WeakSet<object>();
  const callers = createCallers(db.prisma, db.readSql, options.auth ?? { rolesClaim: "citynet_roles" });
  const cacheStore = options.responseCacheTtlMs ? responseCacheStore(options.redis) : null;
  const limiter = options.rateLimit ? createRateLimiter(options.rateLimit, options.redis) : null;
  const metrics = options.metrics ? createMetrics(db) : null;
  const live = options.live ?? createLive(options.redis);
  // Half the API's connections at most for the costliest statements: a page always finds one.
  const costly = createBulkhead(Math.max(1, Math.floor(db.poolStats().max / 2)));
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema: options.schema ?? schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => log({ level: "warn", msg: args.map(String).join(" ") }),
      error: (...args: unknown[]) => {
        for (const arg of args) if (!(typeof arg === "object" && arg !== null && seenByMask.has(arg))) logError(arg);
      },
    },
    healthCheckEndpoint: "/healthz",
    // The body's length is checked from Content-Length (useRequestSizeLimits, refusedUnmeasuredBody).
    maxRequestBodySize: false,
    parserAndValidationCache: boundedParserCache(),
    context: async ({ request }) => {
      const actor = await callers.identify(request.headers.get("authorization"));
      return {
        prisma: db.prisma,
        read: db.readSql,
        snapshot: db.snapshot,
        transaction: db.writeTransaction,
        actor,
        confirmCaller: () => callers.confirm(actor),
        requestId: request.headers.get("x-request-id")?.slice(0, 100) || randomUUID(),
        committed: async () => cacheStore?.advance(),
        live,
        lang: preferredLanguage(request.headers.get("accept-language")),
        memo: new Map(),
        costly,
      };
    },
    // Served by handle() below, compressed and under a Content-Security-Policy.
    graphiql: false,
    cors: {
      origin: options.corsOrigins ?? "*",
      credentials: false,
      methods: ["GET", "POST"],
      allowedHeaders: ["content-type", "authorization", "accept-language", "x-request-id", ...CSRF_HEADERS],
    },
    maskedErrors: {
      maskError(error, message, isDev) {
        if (typeof error === "object" && error !== null) seenByMask.add(error);
        // A request yoga could not read (variables or extensions that are not JSON).
        if (!(error instanceof GraphQLError) && error instanceof SyntaxError)
          return new GraphQLError(`The request is malformed: ${error.message}`, {
            extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
          });
        if (isDatabaseUnavailable(error)) {
          const unavailable = serviceUnavailable();
          return error instanceof GraphQLError
            ? new GraphQLError(unavailable.message, {
                nodes: error.nodes,
                path: error.path,
                extensions: unavailable.extensions,
              })
            : unavailable;
        }
        if (error instanceof GraphQLError) {
          const clientError = clientErrorFrom(error.originalError);
          if (clientError)
            return new GraphQLError(clientError.message, {
              nodes: error.nodes,
              path: error.path,
              extensions: clientError.extensions,
            });
          // Our own coded errors, and syntax errors, are meant for the client as they are.
          if (!error.originalError || error.originalError instanceof GraphQLError) return withCode(error);
        }
        logError(error instanceof GraphQLError ? (error.originalError ?? error) : error);
        const masked = maskError(error, message, isDev) as GraphQLError;
        return new GraphQLError(masked.message, {
          nodes: masked.nodes,
          path: masked.path,
          extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
        });
      },
    },
    plugins: [
      ...(options.logging === false ? [] : [useRequestLog(log)]),
      ...(metrics ? useMetrics(metrics.registry) : []),
      useRequestSizeLimits(),
      // Subscriptions in graphql-sse's single-connection mode at /graphql/stream, beside the
      // distinct-connections mode /graphql serves itself.
      useGraphQLSSE(),
      ...persistedOperationsPlugin(options),
      // GET and form posts (which a browser sends cross-site without asking) need a custom header.
      useCSRFPrevention({ requestHeaders: CSRF_HEADERS }),
      ...(options.introspection === false ? [disableIntrospection()] : []),
      // Before anything that executes (the SQL planner, the cache): no oversized or broken text runs.
      useInputLimits(),
      // Before anything reads or writes as the caller: a remembered API key is confirmed live.
      useCallerConfirmation(),
      // Cached answers cost too: the budget bounds what a client may ask, not only what runs.
      ...(limiter ? [useRateLimit(limiter)] : []),
      // Before the response cache, which wraps whatever executes before it.
      ...(options.sqlPlans === false ? [] : [useSqlPlans(db, (outcome) => metrics?.planner.inc({ outcome }))]),
      ...responseCachePlugin(options, cacheStore, metrics),
      // Last: its execution span wraps whatever executes (the planner, the cache, the resolvers).
      ...(options.tracing ? [useTracing()] : []),
      EnvelopArmorPlugin({
        maxDepth: { n: 15 },
        maxAliases: { n: 20 },
        maxTokens: { n: 4000 },
        maxDirectives: { n: 20 },
        // The cost estimate ignores page sizes; it only has to stop pathological nesting.
        costLimit: { maxCost: 250_000 },
        // Suggestions ("did you mean …") help analysts in GraphiQL; the schema is public anyway.
        blockFieldSuggestion: { enabled: false },
      }),
    ],
  });

  // The exports are queries of the whole graph: a subgraph's schema does not answer them.
  const rest = options.schema ? null : createRest(schema, (request) => Promise.resolve(yoga.fetch(request)));
  const explorer = options.explorerDir ? createExplorer(options.explorerDir) : null;

  async function ready(): Promise<boolean> {
    try {
      await db.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  }

  /** Node request handler: /readyz checks the database, everything else goes to yoga. */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return options.tracing ? traceRequest(req, res, () => answer(req, res)) : answer(req, res);
  }

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "no-referrer");
    if (refusedUnmeasuredBody(req, res)) return;
    if (options.graphiql !== false && wantsGraphiQL(req)) {
      graphiqlPage ??= buildGraphiQLPage();
      return serveGraphiQL(await graphiqlPage, req, res);
    }
    if (rest && (req.url === "/rest" || req.url?.startsWith("/rest/"))) return rest(req, res);
    if (explorer && (req.url === "/explore" || req.url?.startsWith("/explore/") || req.url?.startsWith("/explore?")))
      return explorer(req, res);
    if (req.url === "/readyz") {
      const ok = await ready();
      res
        .writeHead(ok ? 200 : 503, { "content-type": "application/json" })
        .end(JSON.stringify({ status: ok ? "ready" : "database unreachable" }));
      return;
    }
    return yoga(req, res);
  }

  /** Releases what the app holds beside the database (its Redis connection). */
  const close = async () => {
    await cacheStore?.close();
    await limiter?.close();
    if (!options.live) await live.close();
  };

  return { yoga, handle, ready, close };
}
