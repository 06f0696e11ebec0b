// What every program does before serving: open the configured database (starting the embedded
// PostgreSQL when DATABASE_URL is unset), migrate, seed an empty one, import the towns on the
// first start; and a clean stop on SIGTERM/SIGINT.
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { Config } from "./config.js";
import { type Database, openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { progressReporter } from "./lib/progress.js";
import { importEuropeanTowns, townsImported } from "./seed/import-towns.js";
import { seedIfEmpty } from "./seed/seed.js";

/** The database with every committed migration applied and, unless turned off, the documents' facts. */
export async function openMigratedDatabase(config: Config, { quiet = false, attach = false } = {}): Promise<Database> {
  // A quiet program (a CLI whose stdout is its answer) reports on stderr.
  const log = (line: string) => (quiet ? console.error(line) : console.log(line));
  const db = await openDatabase(config.database, { log, attach });
  log(
    `citynet: ${config.database.url ? "PostgreSQL (DATABASE_URL)" : `embedded PostgreSQL in ${db.embedded?.dataDir}`}`,
  );
  try {
    const applied = await migrate(db);
    log(`citynet: ${applied.length ? `applied migrations ${applied.join(", ")}` : "schema up to date"}`);
    if (config.seed && (await seedIfEmpty(db))) log("citynet: loaded the source documents' facts");
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** openMigratedDatabase, then the European towns on the first start. */
export async function openPreparedDatabase(config: Config): Promise<Database> {
  const db = await openMigratedDatabase(config);
  if (config.importTowns && !(await townsImported(db))) {
    console.log("citynet: importing all European towns from GeoNames (first start only)…");
    const { candidates } = await importEuropeanTowns(db, { onProgress: progressReporter("citynet: towns") });
    console.log(`citynet: ${candidates} European towns in place`);
  }
  return db;
}

export function readPersistedDocuments(config: Config): Record<string, string> | undefined {
  if (!config.persistedDocuments) return undefined;
  const documents = JSON.parse(readFileSync(config.persistedDocuments, "utf8")) as Record<string, string>;
  console.log(
    `citynet: ${Object.keys(documents).length} persisted documents${config.persistedOnly ? ", accepting only those" : ""}`,
  );
  return documents;
}

/** On SIGTERM or SIGINT: stop accepting, let requests finish, close the database, exit. */
export function closeOnSignal(
  servers: Server[],
  db: Database,
  graceMs: number,
  beforeClose: () => Promise<void> = async () => {},
): void {
  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    console.log(`citynet: ${signal}, finishing requests (at most ${graceMs} ms) and closing`);
    await finishRequests(servers, graceMs);
    // Only now, with no request left to answer, do the database and caches go.
    await beforeClose();
    await db.close();
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/**
 * Stops accepting connections and waits for the requests in flight: keep-alive connections
 * are closed as soon as they fall idle, and whatever still runs after `graceMs` is cut off.
 */
async function finishRequests(servers: Server[], graceMs: number): Promise<void> {
  const closed = Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  const closeIdle = () => {
    for (const server of servers) server.closeIdleConnections();
  };
  closeIdle();
  const idle = setInterval(closeIdle, 50);
  const cutOff = setTimeout(() => {
    for (const server of servers) server.closeAllConnections();
  }, graceMs);
  await closed;
  clearInterval(idle);
  clearTimeout(cutOff);
}

export const publicHost = (host: string) => (host === "0.0.0.0" ? "localhost" : host);
