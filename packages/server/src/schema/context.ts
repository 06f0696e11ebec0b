// What every resolver gets: the database client, the caller and the reader's preferred language.
import type { Actor } from "../auth/identity.js";
import type { Bulkhead } from "../db/bulkhead.js";
import type { Prisma, PrismaClient } from "../generated/prisma/index.js";
import type { Live, LiveEvent } from "../live/pubsub.js";
import type { RateLimitState } from "../rate-limit.js";

export interface Context {
  prisma: PrismaClient;
  /**
   * Runs a hand-written read on the API's connections, straight through node-postgres: a
   * quarter of the CPU of prisma.$queryRaw, which compiles each raw statement in WebAssembly.
   * Its rows are as node-postgres gives them (bigint as a string).
   */
  read<Row = Record<string, unknown>>(sql: Prisma.Sql): Promise<Row[]>;
  /** Runs hand-written reads in one snapshot on one of the API's connections (copies kept in memory load so). */
  snapshot<T>(fn: (read: Context["read"]) => Promise<T>): Promise<T>;
  /** Runs hand-written statements in one transaction on one of the API's connections (contributions/write.ts). */
  transaction<T>(fn: (run: Context["read"]) => Promise<T>): Promise<T>;
  /** Who is calling; null for anonymous callers, who read public data only. */
  actor: Actor | null;
  /** Confirms that the caller's API key, if only remembered, is live (UNAUTHENTICATED if revoked since). */
  confirmCaller(): Promise<void>;
  /** Names the request in the audit log (the X-Request-Id header, else a fresh UUID). */
  requestId: string;
  /** Called once a write has committed, so that caches drop what it changed. */
  committed(): Promise<void>;
  /** Where committed writes are announced, and subscriptions listen (live/pubsub.ts). */
  live: Live;
  /** The records the write in progress has written, announced once it commits. */
  writing?: LiveEvent[];
  /** Preferred language from Accept-Language, used when a field's lang argument is absent. */
  lang: string | null;
  /** Per-request results shared between resolvers (see common/request-memo.ts). */
  memo: Map<string, Promise<unknown>>;
  /** Runs one of the costliest statements within its share of the connections (db/bulkhead.ts). */
  costly: Bulkhead;
  /** The caller's rate-limit budget after this operation, when the server limits (rate-limit.ts). */
  rateLimit?: RateLimitState;
}
