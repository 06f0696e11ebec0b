// Per test file: a private copy of the seeded template on the leg's database, the app
// over it, and a counter of the SQL statements Prisma sends.

import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, inject } from "vitest";
import { type AppOptions, createApp } from "../../src/app.js";
import type { DatabaseConfig } from "../../src/config.js";
import { type Database, type OpenOptions, openDatabase } from "../../src/db/database.js";
import type { Context } from "../../src/schema/context.js";
import { databaseConfigFor, databaseUrl } from "./postgres.js";

export const leg = inject("leg");

/** describe() that runs only where this leg's database is available, named after the leg. */
export function describeDb(name: string, body: () => void) {
  describe.runIf(inject("legAvailable"))(`${name} [${leg}]`, body);
}

export interface TestDatabase {
  db: Database;
  target: DatabaseConfig & { url: string };
  /** SQL statements Prisma sent since the last reset. */
  statements: string[];
  close(): Promise<void>;
}

/** Which template to copy: the documents' facts, or those plus the European towns. */
export type Dataset = "documents" | "europe";

/** A fresh copy of a seeded template database on the leg's server. */
export async function copyTemplate(
  dataset: Dataset = "documents",
): Promise<{ target: DatabaseConfig & { url: string }; remove(): Promise<void> }> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `citynet_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE ${inject(dataset === "europe" ? "europeTemplateDatabase" : "templateDatabase")}`,
  );
  await admin.end();
  return {
    target: databaseConfigFor(databaseUrl(adminUrl, name)) as DatabaseConfig & { url: string },
    async remove() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** How a test opens its database: the open options, and settings that differ from a server's. */
export type TestDatabaseOptions = OpenOptions & Partial<Pick<DatabaseConfig, "statementTimeoutMs" | "poolSize">>;

export async function openTestDatabase(
  dataset: Dataset = "documents",
  { statementTimeoutMs, poolSize, ...options }: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const copy = await copyTemplate(dataset);
  const statements: string[] = [];
  const config = {
    ...copy.target,
    ...(statementTimeoutMs ? { statementTimeoutMs } : {}),
    ...(poolSize ? { poolSize } : {}),
  };
  const db = await openDatabase(config, { ...options, onQuery: (sql) => statements.push(sql) });
  return {
    db,
    target: copy.target,
    statements,
    async close() {
      await db.close();
      await copy.remove();
    },
  };
}

export interface GraphQLResponse<Data = any> {
  data?: Data;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string } }[];
}

export interface TestApi extends TestDatabase {
  app: ReturnType<typeof createApp>;
  /** Runs an operation through the real HTTP pipeline (yoga.fetch), no network. */
  query<Data = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  /** Like query, but fails the test on any GraphQL error. */
  data<Data = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Data>;
}

/** Sends GraphQL requests to an app in process, as a client would over HTTP. */
export function querier(app: ReturnType<typeof createApp>) {
  return async (q: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await app.yoga.fetch("http://citynet.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: q, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  };
}

export async function startTestApi(
  dataset: Dataset = "documents",
  options: TestDatabaseOptions = {},
  appOptions: AppOptions = {},
): Promise<TestApi> {
  const database = await openTestDatabase(dataset, options);
  const unexpected: unknown[] = [];
  const app = createApp(database.db, { logging: false, logError: (error) => unexpected.push(error), ...appOptions });
  const query = querier(app);
  return {
    ...database,
    app,
    query,
    async close() {
      await app.close();
      await database.close();
    },
    async data(q, variables, headers) {
      const result = await query(q, variables, headers);
      if (result.errors?.length)
        throw new Error(
          `GraphQL errors: ${JSON.stringify(result.errors)}; unexpected: ${unexpected.map(String).join("; ")}`,
        );
      return result.data;
    },
  };
}

/** A request context for calling write() directly as an admin, announcing to `live`. */
export const adminWriteContext = (prisma: unknown, live: unknown, requestId: string) =>
  ({
    prisma,
    live,
    requestId,
    committed: async () => {},
    actor: { id: "test", name: "Test", grants: [{ role: "ADMIN" }] },
  }) as unknown as Context;
