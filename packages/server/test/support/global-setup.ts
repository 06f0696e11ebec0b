// Per leg, one PostgreSQL server and on it two migrated, seeded template databases (the
// documents' facts; those plus every European town), so every test file starts from a fresh
// copy in a fraction of a second instead of seeding again. The legs are two real PostgreSQL
// versions: the embedded PostgreSQL 18 that CityNet starts by default, and the machine's
// server (PostgreSQL 15 here; see postgres.ts for how it is found).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/database.js";
import { startEmbeddedPostgres } from "../../src/db/embedded-postgres.js";
import { migrate } from "../../src/db/migrate.js";
import { importEuropeanTowns } from "../../src/seed/import-towns.js";
import { seedIfEmpty } from "../../src/seed/seed.js";
import { databaseConfigFor, databaseUrl, findPostgres, type PostgresServer } from "./postgres.js";

export type Leg = "embedded" | "postgres";

declare module "vitest" {
  export interface ProvidedContext {
    leg: Leg;
    legAvailable: boolean;
    postgresAdminUrl: string;
    templateDatabase: string;
    europeTemplateDatabase: string;
  }
}

/** Settings that make a test cluster fast; nothing in the suite depends on durability. */
export const TEST_CLUSTER_SETTINGS = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"];

async function prepare(url: string, withTowns: boolean) {
  const db = await openDatabase(databaseConfigFor(url));
  await migrate(db);
  await seedIfEmpty(db);
  if (withTowns) await importEuropeanTowns(db);
  await db.close();
}

/** The embedded PostgreSQL 18, in a directory of its own, as `pnpm start` runs it. */
async function startEmbeddedLeg(): Promise<PostgresServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "citynet-embedded-leg-"));
  chmodSync(dir, 0o755); // mkdtemp's 700 would keep root's postgres user out
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(dir, "data"),
    dataDirNamed: true,
    settings: TEST_CLUSTER_SETTINGS,
  });
  return {
    adminUrl: embedded.adminUrl,
    async stop() {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  const leg = project.name as Leg;
  project.provide("leg", leg);
  project.provide("postgresAdminUrl", "");
  project.provide("templateDatabase", "");
  project.provide("europeTemplateDatabase", "");
  const server = leg === "embedded" ? await startEmbeddedLeg() : await findPostgres();
  project.provide("legAvailable", server !== null);
  if (!server) return;
  const template = `citynet_template_${process.pid}`;
  const europeTemplate = `citynet_template_europe_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  const dropTemplates = async () => {
    for (const name of [template, europeTemplate]) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  await dropTemplates();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
    await prepare(databaseUrl(server.adminUrl, template), false);
    await admin.query(`CREATE DATABASE ${europeTemplate} TEMPLATE ${template}`);
    await prepare(databaseUrl(server.adminUrl, europeTemplate), true);
  } catch (error) {
    // Vitest runs no teardown when the setup fails: do not leave the templates behind.
    await dropTemplates();
    await admin.end();
    await server.stop();
    throw error;
  }
  project.provide("postgresAdminUrl", server.adminUrl);
  project.provide("templateDatabase", template);
  project.provide("europeTemplateDatabase", europeTemplate);
  return async () => {
    await dropTemplates();
    await admin.end();
    await server.stop();
  };
}
