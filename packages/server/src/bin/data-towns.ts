// `pnpm data:towns`: imports (or completes) all European towns into the configured database.
import { configFromEnv } from "./config.js";
import { openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { progressReporter } from "./lib/progress.js";
import { importEuropeanTowns } from "./seed/import-towns.js";
import { seedIfEmpty } from "./seed/seed.js";

const config = configFromEnv();
const started = performance.now();
const db = await openDatabase(config.database);
await migrate(db);
await seedIfEmpty(db);
const result = await importEuropeanTowns(db, { onProgress: progressReporter("towns") });
await db.close();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`citynet: ${result.candidates} European towns (${result.inserted} new, ${result.alternateNames} alternate names added) in ${seconds} s`);
