// `pnpm data:towns`: imports (or completes) all European towns into the configured database.
import { configFromEnv } from "../config.js";
import { progressReporter } from "../lib/progress.js";
import { importEuropeanTowns } from "../seed/import-towns.js";
import { openMigratedDatabase } from "../startup.js";

const started = performance.now();
const db = await openMigratedDatabase(configFromEnv(), { attach: true });
const result = await importEuropeanTowns(db, { onProgress: progressReporter("towns") });
await db.close();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `citynet: ${result.candidates} European towns (${result.inserted} new, ${result.alternateNames} alternate names added) in ${seconds} s`,
);
