// Prepares one migrated, seeded template database per leg, so every test file starts
// from a fresh copy in a fraction of a second instead of seeding again.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { importEuropeanTowns } from "../../src/seed/import-towns.js";
import { seedIfEmpty } from "../../src/seed/seed.js";
import { databaseUrl, findPostgres } from "./postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    leg: "pglite" | "postgres";
    legAvailable: boolean;
    templateDir: string;
    europeTemplateDir: string;
    postgresAdminUrl: string;
    templateDatabase: string;
    europeTemplateDatabase: string;
  }
}

/**
 * The towns of these countries stand in for all of Europe on PGlite, where the full import
 * (83 s) would dominate the suite; PostgreSQL imports everything. They hold the named
 * examples: Montefranco's Italian candidates, the Czech, Austrian, Slovenian, Slovak,
 * Hungarian and Polish towns of the documents, and Lutsk.
 */
export const PGLITE_TOWN_SUBSET = ["AT", "CZ", "HU", "IT", "PL", "SI", "SK", "UA"];

async function prepare(target: { url?: string; dataDir: string }, europe?: { countries?: string[] }) {
  const db = await openDatabase(target);
  await migrate(db);
  await seedIfEmpty(db);
  if (europe) await importEuropeanTowns(db, europe);
  await db.close();
}

export default async function setup(project: TestProject) {
  const leg = project.name as "pglite" | "postgres";
  project.provide("leg", leg);
  project.provide("templateDir", "");
  project.provide("postgresAdminUrl", "");
  project.provide("templateDatabase", "");
  project.provide("europeTemplateDir", "");
  project.provide("europeTemplateDatabase", "");
  if (leg === "pglite") {
    const dir = mkdtempSync(path.join(tmpdir(), "citynet-template-"));
    await prepare({ dataDir: dir });
    const europeDir = mkdtempSync(path.join(tmpdir(), "citynet-template-europe-"));
    cpSync(dir, europeDir, { recursive: true });
    await prepare({ dataDir: europeDir }, { countries: PGLITE_TOWN_SUBSET });
    project.provide("templateDir", dir);
    project.provide("europeTemplateDir", europeDir);
    project.provide("legAvailable", true);
    return () => [dir, europeDir].forEach((d) => rmSync(d, { recursive: true, force: true }));
  }
  const server = await findPostgres();
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
    await prepare({ url: databaseUrl(server.adminUrl, template), dataDir: "" });
    await admin.query(`CREATE DATABASE ${europeTemplate} TEMPLATE ${template}`);
    await prepare({ url: databaseUrl(server.adminUrl, europeTemplate), dataDir: "" }, {});
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
