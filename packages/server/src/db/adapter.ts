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

/**
 * PGlite runs each extension as a WebAssembly module of its own, and now and then (under CPU
 * load; about one full test run in three here) an instance gets one that traps on every call:
 * "RuntimeError: null function or function signature mismatch" in every search, for the life of
 * that instance. Calling into each installed extension once at open finds such an instance
 * before anything depends on it, and the database is opened again.
 */
const OPEN_ATTEMPTS = 3;

export async function openPGlite(dataDir: string): Promise<PGlite> {
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const pglite = await PGlite.create(dataDir, { extensions: { cube, earthdistance, pg_trgm, unaccent } });
    try {
      await callEveryExtension(pglite);
      return pglite;
    } catch (error) {
      if (!isWebAssemblyTrap(error) || attempt === OPEN_ATTEMPTS) throw error;
      console.error(`citynet: PGlite loaded an extension broken (${(error as Error).message}); opening the database again`);
      await pglite.close().catch(() => {});
    }
  }
}

/** A WebAssembly.RuntimeError (its name; the server's TypeScript libs do not declare WebAssembly). */
const isWebAssemblyTrap = (error: unknown) => (error as Error | null)?.name === "RuntimeError";

/** One call into each extension the database has installed (none before the first migration). */
async function callEveryExtension(pglite: PGlite): Promise<void> {
  const { rows } = await pglite.query<{ extname: string }>("SELECT extname FROM pg_extension");
  const installed = new Set(rows.map((row) => row.extname));
  if (installed.has("unaccent")) await pglite.query("SELECT unaccent('Český Krumlov')");
  if (installed.has("pg_trgm")) await pglite.query("SELECT similarity('Opava', 'Opawa'), word_similarity('Opava', 'Opawa'), 'Opava' % 'Opawa'");
  if (installed.has("earthdistance"))
    await pglite.query("SELECT earth_distance(ll_to_earth(49.94, 17.9), ll_to_earth(47.38, 15.09)), earth_box(ll_to_earth(49.94, 17.9), 1000) @> ll_to_earth(49.94, 17.9)");
}

/** For the Prisma CLI (prisma.config.ts). */
export async function createAdapterFactory(target = targetFromEnv()) {
  if (target.url) return new PrismaPg({ connectionString: target.url });
  return new PrismaPGlite(await openPGlite(target.dataDir));
}
