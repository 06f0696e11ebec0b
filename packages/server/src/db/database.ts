// One handle on the database for the whole process: the Prisma client for the API, plus
// raw SQL access (multi-statement scripts for migrations, parameterised queries for the
// hand-written SQL that Prisma cannot express).
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/index.js";
import { openPGlite, targetFromEnv, type DatabaseTarget } from "./adapter.js";
import { installPlanCache } from "./plan-cache.js";

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly prisma: PrismaClient;
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** An API read outside Prisma: on the API's connections (statement timeout) and reported to onQuery. */
  read<Row = Record<string, unknown>>(sql: string, params: unknown[]): Promise<Row[]>;
  /** Runs fn on one connection inside a transaction. */
  transaction<T>(fn: (tx: Pick<Database, "exec" | "query">) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Called for every SQL statement Prisma sends (tests count them). */
  onQuery?: (sql: string) => void;
  /** Called when an idle PostgreSQL connection fails (default: a line on stderr). */
  onIdleError?: (error: Error) => void;
  /**
   * PostgreSQL cancels any API statement running longer than this (default
   * CITYNET_STATEMENT_TIMEOUT_MS or 5000): one expensive request cannot hold a connection.
   * Migrations and imports (exec/query/transaction) are not limited. PGlite has no timeout.
   */
  statementTimeoutMs?: number;
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
  let name = prepared.get(sql);
  if (!name && prepared.size < MAX_PREPARED) prepared.set(sql, (name = `citynet_${createHash("sha1").update(sql).digest("hex")}`));
  return name;
}

const defaultIdleError = (error: Error) => console.error(`citynet: an idle PostgreSQL connection failed and was dropped: ${error.message}`);

export async function openDatabase(target: DatabaseTarget = targetFromEnv(), options: OpenOptions = {}): Promise<Database> {
  return target.url ? openPostgres(target.url, options) : openEmbedded(target.dataDir, options);
}

function createPrisma(adapter: PrismaPg | PrismaPGlite, options: OpenOptions): PrismaClient {
  installPlanCache({ verify: process.env.CITYNET_PLAN_CACHE_VERIFY === "true" });
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

async function openEmbedded(dataDir: string, options: OpenOptions): Promise<Database> {
  const pglite: PGlite = await openPGlite(dataDir);
  const prisma = createPrisma(new PrismaPGlite(pglite), options);
  const query = async <Row,>(sql: string, params: unknown[] = []) => (await pglite.query<Row>(sql, params)).rows;
  const exec = async (sql: string) => void (await pglite.exec(sql));
  return {
    kind: "pglite",
    prisma,
    exec,
    query,
    read: (sql, params) => {
      options.onQuery?.(sql);
      return query(sql, params);
    },
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          exec: async (sql) => void (await tx.exec(sql)),
          query: async <Row,>(sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows,
        }),
      ),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const timeout = options.statementTimeoutMs ?? Number(process.env.CITYNET_STATEMENT_TIMEOUT_MS || 5000);
  const apiPool = new pg.Pool({ connectionString: url, max: Number(process.env.CITYNET_DB_POOL_SIZE || 10), options: `-c statement_timeout=${timeout}` });
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  // An idle connection can die (server restart, database dropped): without a listener the pool
  // would re-throw that as an uncaught error and take the process down. The pool replaces it.
  for (const p of [apiPool, pool]) p.on("error", (error) => (options.onIdleError ?? defaultIdleError)(error));
  const prisma = createPrisma(new PrismaPg(apiPool), options);
  const query = async <Row,>(sql: string, params: unknown[] = []) =>
    (await pool.query(sql, params)).rows as Row[];
  return {
    kind: "postgres",
    prisma,
    exec: async (sql) => void (await pool.query(sql)),
    query,
    async read<Row>(sql: string, params: unknown[]) {
      options.onQuery?.(sql);
      return (await apiPool.query({ name: preparedName(sql), text: sql, values: params })).rows as Row[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          exec: async (sql) => void (await client.query(sql)),
          query: async <Row,>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
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
    async close() {
      await prisma.$disconnect();
      await Promise.all([apiPool.end(), pool.end()]);
    },
  };
}
