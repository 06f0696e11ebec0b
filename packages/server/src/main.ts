// Starts CityNet: open the database, apply migrations, seed an empty database, serve.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createApp } from "./app.js";
import { configFromEnv } from "./config.js";
import { openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { progressReporter } from "./lib/progress.js";
import { importEuropeanTowns, townsImported } from "./seed/import-towns.js";
import { seedIfEmpty } from "./seed/seed.js";

const config = configFromEnv();
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

const persistedDocuments = config.persistedDocuments ? JSON.parse(readFileSync(config.persistedDocuments, "utf8")) : undefined;
if (persistedDocuments) console.log(`citynet: ${Object.keys(persistedDocuments).length} persisted documents${config.persistedOnly ? ", accepting only those" : ""}`);
const app = createApp(db, { graphiql: config.graphiql, persistedDocuments, persistedOnly: config.persistedOnly, responseCacheTtlMs: config.responseCacheTtlMs });
const server = createServer((req, res) => void app.handle(req, res));
server.listen(config.port, config.host, () => {
  console.log(`citynet: GraphQL and GraphiQL on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/graphql`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`citynet: ${signal}, finishing requests and closing`);
  server.close();
  server.closeIdleConnections();
  await db.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
