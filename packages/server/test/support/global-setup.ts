// Prepares one migrated, seeded template database per leg, so every test file starts
// from a fresh copy in a fraction of a second instead of seeding again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { seedIfEmpty } from "../../src/seed/seed.js";
import { databaseUrl, findPostgres } from "./postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    leg: "pglite" | "postgres";
    legAvailable: boolean;
    templateDir: string;
    postgresAdminUrl: string;
    templateDatabase: string;
  }
}

async function prepare(target: { url?: string; dataDir: string }) {
  const db = await openDatabase(target);
  await migrate(db);
  await seedIfEmpty(db);
  await db.close();
}

export default async function setup(project: TestProject) {
  const leg = project.name as "pglite" | "postgres";
  project.provide("leg", leg);
  project.provide("templateDir", "");
  project.provide("postgresAdminUrl", "");
  project.provide("templateDatabase", "");
  if (leg === "pglite") {
    const dir = mkdtempSync(path.join(tmpdir(), "citynet-template-"));
    await prepare({ dataDir: dir });
    project.provide("templateDir", dir);
    project.provide("legAvailable", true);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const server = await findPostgres();
  project.provide("legAvailable", server !== null);
  if (!server) return;
  const template = `citynet_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${template}`);
  await prepare({ url: databaseUrl(server.adminUrl, template), dataDir: "" });
  project.provide("postgresAdminUrl", server.adminUrl);
  project.provide("templateDatabase", template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
    await server.stop();
  };
}
