// What every entry point does before serving: open the configured database, migrate, seed an
// empty one, import the towns on the first start; and a clean stop on SIGTERM/SIGINT.
import type { Server } from "node:http";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { progressReporter } from "./lib/progress.js";
import { importEuropeanTowns, townsImported } from "./seed/import-towns.js";
import { seedIfEmpty } from "./seed/seed.js";

export async function openPreparedDatabase(config: Config): Promise<Database> {
  const where = config.database.url ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.database.dataDir}`;
  console.log(`citynet: opening ${where}`);
  const db = await openDatabase(config.database);
  const applied = await migrate(db);
  console.log(`citynet: ${applied.length ? `applied migrations ${applied.join(", ")}` : "schema up to date"}`);
  if (config.seed && (await seedIfEmpty(db))) console.log("citynet: loaded the source documents' facts");
  if (config.importTowns && !(await townsImported(db))) {
    console.log("citynet: importing all European towns from GeoNames (first start only)…");
    const { candidates } = await importEuropeanTowns(db, { onProgress: progressReporter("citynet: towns") });
    console.log(`citynet: ${candidates} European towns in place`);
  }
  return db;
}

/** On SIGTERM or SIGINT: stop accepting, let requests finish, close the database, exit. */
export function closeOnSignal(servers: Server[], db: Database, beforeClose: () => Promise<void> = async () => {}): void {
  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    console.log(`citynet: ${signal}, finishing requests and closing`);
    for (const server of servers) {
      server.close();
      server.closeIdleConnections();
    }
    await beforeClose();
    await db.close();
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

export const publicHost = (host: string) => (host === "0.0.0.0" ? "localhost" : host);
