// Every setting comes from the environment (documented in README.md), and only here.

import path from "node:path";
import { fileURLToPath } from "node:url";
import type { WebhookWorkerOptions } from "./live/webhooks.js";

export interface DatabaseConfig {
  /** PostgreSQL connection string; when absent CityNet starts its embedded PostgreSQL. */
  url?: string;
  /** The embedded PostgreSQL (used when url is absent). */
  embedded: {
    /** Its data directory (absolute). */
    dataDir: string;
    /** CITYNET_DATA_DIR named it (the default may move where root's postgres user can reach it). */
    dataDirNamed: boolean;
    /** Its loopback port; a free one when absent. */
    port?: number;
  };
  /** Connections in the API's pool. */
  poolSize: number;
  /** PostgreSQL cancels an API statement running longer than this. */
  statementTimeoutMs: number;
  /** Also compile every query (and build every planned statement) afresh, failing where a cached one differs. */
  verifyPlanCache: boolean;
  /** A span per statement of the API's pool (when traces are exported). */
  traceStatements?: boolean;
}

/** Where OpenTelemetry traces go (OTLP over HTTP), and the service they name. */
export interface TracingConfig {
  endpoint: string;
  serviceName: string;
}

/** Who may call with a bearer JWT (from an OpenID Connect provider); API keys need no setting. */
export interface AuthConfig {
  /** The `iss` every accepted token carries; no issuer: only API keys sign in. */
  jwtIssuer?: string;
  /** The `aud` every accepted token carries, when set. */
  jwtAudience?: string;
  /** The issuer's JWKS, fetched (and refreshed) from this URL… */
  jwksUrl?: string;
  /** …or read from this file. */
  jwksFile?: string;
  /** The claim listing the caller's roles ("TOWN_EDITOR:opava", "ADMIN"). */
  rolesClaim: string;
}

/** A Redis shared by the replicas (the response cache). */
export interface RedisConfig {
  url: string;
  /** Prefix of every key CityNet writes (so that tests and deployments can share a Redis). */
  keyPrefix: string;
}

/** Each client's cost budget (rate-limit.ts): points spent per window of seconds. */
export interface RateLimitConfig {
  points: number;
  windowSeconds: number;
}

export interface Config {
  database: DatabaseConfig;
  auth: AuthConfig;
  redis?: RedisConfig;
  host: string;
  port: number;
  /** Load the source documents' facts into an empty database at start. */
  seed: boolean;
  /** Import all European towns on the first start. */
  importTowns: boolean;
  graphiql: boolean;
  /** The built explorer served at /explore (packages/explorer/dist unless set; absent when off). */
  explorerDir?: string;
  /** Path of a persisted-documents manifest (hash → operation), e.g. the SDK's. */
  persistedDocuments?: string;
  /** Accept only the operations in the manifest. */
  persistedOnly: boolean;
  /** How long an identical operation is answered from memory (0: no response cache). */
  responseCacheTtlMs: number;
  /** Answer the operations the SQL planner covers with one statement (src/sql-plan). */
  sqlPlans: boolean;
  /** Build the search index in memory at start; else on the first search (PostgreSQL answers meanwhile). */
  warmSearchIndex: boolean;
  /** On SIGTERM: how long in-flight requests may run before their connections are closed. */
  shutdownGraceMs: number;
  /** Browser origins allowed to call the API: any ("*") or these; never with credentials. */
  corsOrigins: "*" | string[];
  /** Answer introspection queries. */
  introspection: boolean;
  /** Each client's cost budget; absent: no limit. */
  rateLimit?: RateLimitConfig;
  /** Serve Prometheus metrics at /metrics. */
  metrics: boolean;
  /** Export traces; absent: none. */
  tracing?: TracingConfig;
  /** Send webhook deliveries from this process; absent: another replica sends them. */
  webhooks?: WebhookWorkerOptions;
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return {
    url: env.DATABASE_URL || undefined,
    embedded: {
      dataDir: path.resolve(env.CITYNET_DATA_DIR || ".data"),
      dataDirNamed: Boolean(env.CITYNET_DATA_DIR),
      port: env.CITYNET_EMBEDDED_PG_PORT ? Number(env.CITYNET_EMBEDDED_PG_PORT) : undefined,
    },
    poolSize: Number(env.CITYNET_DB_POOL_SIZE || 10),
    statementTimeoutMs: Number(env.CITYNET_STATEMENT_TIMEOUT_MS || 5000),
    verifyPlanCache: env.CITYNET_PLAN_CACHE_VERIFY === "true",
    traceStatements: Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT),
  };
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return {
    jwtIssuer: env.CITYNET_JWT_ISSUER || undefined,
    jwtAudience: env.CITYNET_JWT_AUDIENCE || undefined,
    jwksUrl: env.CITYNET_JWKS_URL || undefined,
    jwksFile: env.CITYNET_JWKS_FILE || undefined,
    rolesClaim: env.CITYNET_JWT_ROLES_CLAIM || "citynet_roles",
  };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    database: databaseConfigFromEnv(env),
    auth: authConfigFromEnv(env),
    redis: env.REDIS_URL ? { url: env.REDIS_URL, keyPrefix: env.CITYNET_REDIS_KEY_PREFIX || "citynet:" } : undefined,
    host: env.HOST || "127.0.0.1",
    port: Number(env.PORT || 4000),
    seed: env.CITYNET_SEED !== "false",
    importTowns: env.CITYNET_IMPORT_TOWNS !== "false",
    graphiql: env.CITYNET_GRAPHIQL !== "false",
    explorerDir:
      env.CITYNET_EXPLORER === "false"
        ? undefined
        : path.resolve(env.CITYNET_EXPLORER_DIR || fileURLToPath(new URL("../../explorer/dist", import.meta.url))),
    persistedDocuments: env.CITYNET_PERSISTED_DOCUMENTS || undefined,
    persistedOnly: env.CITYNET_PERSISTED_ONLY === "true",
    responseCacheTtlMs: Number(env.CITYNET_RESPONSE_CACHE_TTL_MS ?? 60_000),
    sqlPlans: env.CITYNET_SQL_PLANS !== "false",
    warmSearchIndex: env.CITYNET_WARM_SEARCH_INDEX !== "false",
    shutdownGraceMs: Number(env.CITYNET_SHUTDOWN_GRACE_MS || 10_000),
    corsOrigins: corsOriginsFrom(env.CITYNET_CORS_ORIGINS),
    webhooks:
      env.CITYNET_WEBHOOKS === "false"
        ? undefined
        : {
            retryBaseMs: Number(env.CITYNET_WEBHOOK_RETRY_BASE_MS || 30_000),
            maxAttempts: Number(env.CITYNET_WEBHOOK_MAX_ATTEMPTS || 8),
            pollMs: Number(env.CITYNET_WEBHOOK_POLL_MS || 1_000),
          },
    introspection: env.CITYNET_INTROSPECTION !== "false",
    metrics: env.CITYNET_METRICS !== "false",
    tracing: env.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME || "citynet" }
      : undefined,
    rateLimit:
      env.CITYNET_RATE_LIMIT_POINTS === "0"
        ? undefined
        : {
            points: Number(env.CITYNET_RATE_LIMIT_POINTS || 100_000),
            windowSeconds: Number(env.CITYNET_RATE_LIMIT_WINDOW_S || 60),
          },
  };
}

/** "*" or unset: any origin; else a comma-separated list ("https://opava.cz,https://portal.eu"). */
function corsOriginsFrom(value: string | undefined): "*" | string[] {
  const origins = (value ?? "*")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  return origins.length === 0 || origins.includes("*") ? "*" : origins;
}
