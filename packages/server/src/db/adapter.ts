// Chooses the database: real PostgreSQL through adapter-pg when DATABASE_URL is set,
// otherwise embedded PGlite persisted on disk. Both speak the same Postgres dialect.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export interface DatabaseTarget {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  url?: string;
  /** Directory of the embedded database (ignored when url is set). */
  dataDir: string;
}

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  return {
    url: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.CITYNET_DATA_DIR || ".data"),
  };
}

export async function openPGlite(dataDir: string): Promise<PGlite> {
  mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir, { extensions: { cube, earthdistance, pg_trgm, unaccent } });
}

/** For the Prisma CLI (prisma.config.ts). */
export async function createAdapterFactory(target = targetFromEnv()) {
  if (target.url) return new PrismaPg({ connectionString: target.url });
  return new PrismaPGlite(await openPGlite(target.dataDir));
}
