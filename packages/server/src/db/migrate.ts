// Applies the committed Prisma migrations with `migrate deploy` semantics: pending
// migrations run in order inside one transaction (all or nothing), recorded in Prisma's own
// `_prisma_migrations` table (so the Prisma CLI agrees on what is applied); applied
// migrations are never re-run, edited ones are refused. Doing it in-process takes well
// under a second instead of the CLI's 12–26 s start-up through driver adapters.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./database.js";

export const MIGRATIONS_DIR = path.resolve(fileURLToPath(import.meta.url), "../../../../../prisma/migrations");

/** Prisma's own lock key, so a concurrent `prisma migrate deploy` waits for us and vice versa. */
const PRISMA_ADVISORY_LOCK = 72707369;

export class MigrationError extends Error {}

export function listMigrations(dir = MIGRATIONS_DIR) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = listMigrations(dir);
  await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_ADVISORY_LOCK]);
    const applied = new Map(
      (
        await tx.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
          `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
        )
      ).map((row) => [row.migration_name, row]),
    );
    const ran: string[] = [];
    for (const migration of migrations) {
      const previous = applied.get(migration.name);
      if (previous) {
        if (!previous.finished_at)
          throw new MigrationError(`migration ${migration.name} failed earlier; resolve it first`);
        if (previous.checksum !== migration.checksum)
          throw new MigrationError(`migration ${migration.name} was edited after it was applied`);
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      ran.push(migration.name);
    }
    return ran;
  });
}
