import type { Database } from "./database.js";

/**
 * Triggers keep the search index current with every write; after a bulk load (seeding, the
 * town import) its statistics are refreshed too, so that the planner sees its new size at once,
 * and those of the `loaded` tables the triggers read, where the load is still under way.
 */
export async function analyzeSearchIndex(db: Database, loaded: string[] = []): Promise<void> {
  await db.exec(`ANALYZE ${["search_entry", ...loaded.map((table) => `"${table}"`)].join(", ")}`);
}
