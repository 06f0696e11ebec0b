// One handle on the database for the whole process: the Prisma client for the API, plus
// raw SQL access (multi-statement scripts for migrations, parameterised queries for the
// hand-written SQL that Prisma cannot express). Always a real PostgreSQL: the server named by
// DATABASE_URL, or the embedded one CityNet starts itself.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { DatabaseConfig } from "../config.js";
import { type Prisma, PrismaClient } from "../generated/prisma/index.js";
import { getOrCreate } from "../lib/get-or-create.js";
import { inSpan, startSpan } from "../tracing.js";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded-postgres.js";
import { installPlanCache } from "./plan-cache.js";

export interface Database {
  readonly prisma: PrismaClient;
  /** The embedded PostgreSQL this process started, if it did (DATABASE_URL unset). */
  readonly embedded?: Pick<EmbeddedPostgres, "dataDir">;
  /** Whether cached plans (Prisma's, the SQL planner's statements) are checked against fresh ones (the test suites). */
  readonly verifyPlans: boolean;
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** An API read outside Prisma: on the API's connections (statement timeout) and reported to onQuery. */
  read<Row = Record<string, unknown>>(sql: string, params: unknown[]): Promise<Row[]>;
  /** read() for a Prisma.sql template. */
  readSql<Row = Record<string, unknown>>(sql: Prisma.Sql): Promise<Row[]>;
  /**
   * Runs hand-written reads in one snapshot (a read-only repeatable-read transaction) on one of
   * the API's connections: how the copies kept in memory load, through node-postgres.
   */
  snapshot<T>(fn: (read: Database["readSql"]) => Promise<T>): Promise<T>;
  /** Runs fn on one connection inside a transaction. */
  transaction<T>(fn: (tx: Pick<Database, "exec" | "query">) => Promise<T>): Promise<T>;
  /**
   * Runs hand-written statements (Prisma.sql templates) in one read-committed transaction on one
   * of the API's connections, prepared as read()'s are and reported to onQuery: a write in one
   * statement (contributions/write.ts), without Prisma's transaction and raw-query machinery.
   */
  writeTransaction<T>(fn: (run: Database["readSql"]) => Promise<T>): Promise<T>;
  /** The API pool's connections now: in all, idle, and requests waiting for one (for metrics). */
  poolStats(): { total: number; idle: number; waiting: number; max: number };
  /** Closes the pools, then stops the embedded PostgreSQL if this process started it. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Called for every SQL statement Prisma sends (tests count them). */
  onQuery?: (sql: string) => void;
  /** Called when an idle PostgreSQL connection fails (default: a line on stderr). */
  onIdleError?: (error: Error) => void;
  /** Progress of starting the embedded PostgreSQL (default: none). */
  log?: (line: string) => void;
  /** Use the embedded PostgreSQL a running server holds, if one does (tools beside a server). */
  attach?: boolean;
}

/**
 * The planned statements (src/sql-plan) are prepared: PostgreSQL parses and plans a page's
 * statement once per connection instead of per request, which took it more time than running
 * it. Their text varies with the operation's shape only (values are bound), but analysts can
 * send endless shapes, so only the first MAX_PREPARED texts are prepared; the rest run unnamed.
 */
const MAX_PREPARED = 500;
const prepared = new Map<string, string>();
function preparedName(sql: string): string | undefined {
  if (!prepared.has(sql) && prepared.size >= MAX_PREPARED) return undefined;
  return getOrCreate(prepared, sql, () => `citynet_${createHash("sha1").update(sql).digest("hex")}`);
}

const defaultIdleError = (error: Error) =>
  console.error(`citynet: an idle PostgreSQL connection failed and was dropped: ${error.message}`);

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  if (config.url) return openPostgres(config.url, config, options);
  const embedded = await startEmbeddedPostgres({ ...config.embedded, log: options.log, attach: options.attach });
  try {
    const db = await openPostgres(embedded.url, config, options);
    return {
      ...db,
      embedded: { dataDir: embedded.dataDir },
      async close() {
        await db.close();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

function createPrisma(adapter: PrismaPg, config: DatabaseConfig, options: OpenOptions): PrismaClient {
  installPlanCache({ verify: config.verifyPlanCache });
  const prisma = new PrismaClient({
    adapter,
    log: options.onQuery ? [{ emit: "event", level: "query" }] : [],
  });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    prisma.$on("query" as never, (event: { query: string }) => onQuery(event.query));
  }
  return prisma;
}

async function openPostgres(url: string, config: DatabaseConfig, options: OpenOptions): Promise<Database> {
  // The API's pool cancels long statements; migrations and imports use their own, unlimited.
  const apiPool = new pg.Pool({
    connectionString: url,
    max: config.poolSize,
    // Writes run read committed (contributions/write.ts), whatever the database's own default.
    options: `-c statement_timeout=${config.statementTimeoutMs} -c default_transaction_isolation=read\\ committed`,
  });
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  if (config.traceStatements) traceStatements(apiPool);
  // An idle connection can die (server restart, database dropped): without a listener the pool
  // would re-throw that as an uncaught error and take the process down. The pool replaces it.
  for (const p of [apiPool, pool]) p.on("error", (error) => (options.onIdleError ?? defaultIdleError)(error));
  const prisma = createPrisma(new PrismaPg(apiPool), config, options);
  const query = async <Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[];
  const read = async <Row>(sql: string, params: unknown[]) => {
    options.onQuery?.(sql);
    return (await apiPool.query({ name: preparedName(sql), text: sql, values: params })).rows as Row[];
  };
  /**
   * Runs fn's statements in one transaction (`begin` opens it) on one of the API's connections,
   * each reported to onQuery and, if `prepare`, prepared as read()'s are.
   */
  const inApiTransaction = async <T>(
    begin: string,
    prepare: boolean,
    fn: (run: Database["readSql"]) => Promise<T>,
  ): Promise<T> => {
    const client = await apiPool.connect();
    try {
      await client.query(begin);
      const result = await fn(async (sql) => {
        options.onQuery?.(sql.text);
        const name = prepare ? preparedName(sql.text) : undefined;
        return (await client.query({ name, text: sql.text, values: sql.values })).rows;
      });
      await client.query("COMMIT");
      client.release();
      return result;
    } catch (error) {
      // A connection whose ROLLBACK fails too is dropped, not returned to the pool.
      const dropped = await client.query("ROLLBACK").then(
        () => false,
        () => true,
      );
      client.release(dropped);
      throw error;
    }
  };
  return {
    prisma,
    verifyPlans: config.verifyPlanCache,
    exec: async (sql) => void (await pool.query(sql)),
    query,
    read,
    readSql: (sql) => read(sql.text, sql.values),
    snapshot: (fn) => inApiTransaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", false, fn),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          exec: async (sql) => void (await client.query(sql)),
          query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    writeTransaction: (fn) => inApiTransaction("BEGIN", true, fn),
    poolStats: () => ({
      total: apiPool.totalCount,
      idle: apiPool.idleCount,
      waiting: apiPool.waitingCount,
      max: config.poolSize,
    }),
    async close() {
      await prisma.$disconnect();
      await Promise.all([apiPool.end(), pool.end()]);
    },
  };
}

/**
 * A span for each statement the API's pool sends: its clients' queries (the promise form, which
 * Prisma, its transactions and read use) are wrapped as each client connects.
 */
function traceStatements(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    client.query = ((...args: unknown[]) => {
      const text = typeof args[0] === "string" ? args[0] : String((args[0] as { text?: string }).text ?? "");
      const attributes = { "db.system.name": "postgresql", "db.query.text": text.slice(0, 2000) };
      const callback = args[args.length - 1];
      // The pool's own query() calls its client with a callback.
      if (typeof callback !== "function") return inSpan("sql", attributes, () => query(...args));
      const end = startSpan("sql", attributes);
      args[args.length - 1] = (error: unknown, result: unknown) => {
        end(error);
        (callback as (error: unknown, result: unknown) => void)(error, result);
      };
      return query(...args);
    }) as typeof client.query;
  });
}
