import type { Database } from "./database.js";

/** Rebuilds the search view after the data it covers changed (seeding, imports). */
export async function refreshSearchIndex(db: Database): Promise<void> {
  await db.exec("REFRESH MATERIALIZED VIEW search_entry");
}
