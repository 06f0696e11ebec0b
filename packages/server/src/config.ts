// Every setting comes from the environment (documented in README.md).
import { targetFromEnv, type DatabaseTarget } from "./db/adapter.js";

export interface Config {
  database: DatabaseTarget;
  host: string;
  port: number;
  /** Load the source documents' facts into an empty database at start. */
  seed: boolean;
  /** Import all European towns on the first start. */
  importTowns: boolean;
  graphiql: boolean;
  /** Path of a persisted-documents manifest (hash → operation), e.g. the SDK's. */
  persistedDocuments?: string;
  /** Accept only the operations in the manifest. */
  persistedOnly: boolean;
  /** How long an identical operation is answered from memory (0: no response cache). */
  responseCacheTtlMs: number;
  /** Answer the operations the SQL planner covers with one statement (src/sql-plan). */
  sqlPlans: boolean;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    database: targetFromEnv(env),
    host: env.HOST || "127.0.0.1",
    port: Number(env.PORT || 4000),
    seed: env.CITYNET_SEED !== "false",
    importTowns: env.CITYNET_IMPORT_TOWNS !== "false",
    graphiql: env.CITYNET_GRAPHIQL !== "false",
    persistedDocuments: env.CITYNET_PERSISTED_DOCUMENTS || undefined,
    persistedOnly: env.CITYNET_PERSISTED_ONLY === "true",
    responseCacheTtlMs: Number(env.CITYNET_RESPONSE_CACHE_TTL_MS ?? 60_000),
    sqlPlans: env.CITYNET_SQL_PLANS !== "false",
  };
}
