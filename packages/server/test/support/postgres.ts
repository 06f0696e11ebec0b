// A real PostgreSQL for the tests. In order: CITYNET_TEST_POSTGRES_URL; the machine's server
// on 127.0.0.1:5432 (trust auth, user postgres); a throwaway cluster initialised here
// (installing Debian's postgresql when missing). Outside CI a machine with none of these
// skips the PostgreSQL leg with a loud notice; with CI=true that is an error.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type DatabaseConfig, databaseConfigFromEnv } from "../../src/config.js";
import { freePort } from "../../src/lib/ports.js";

export interface PostgresServer {
  /** Connection string to the maintenance database; tests create their own databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const found = versions.map((v) => path.join(root, v, "bin")).find((dir) => existsSync(path.join(dir, "initdb")));
  return found ?? null;
}

function installPostgres(): void {
  if (process.getuid?.() !== 0) throw new Error("PostgreSQL is not installed and installing it needs root");
  console.warn("[postgres] installing Debian's postgresql package…");
  execFileSync("apt-get", ["update"], { stdio: "ignore" });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], {
    stdio: "ignore",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

/** initdb refuses root, so the cluster belongs to the postgres user when we are root. */
function asPostgres(bin: string, args: string[]): void {
  const command = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  const result = spawnSync(command[0] as string, command[1] as string[], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout}`);
}

/** A cluster of our own on a free port; `settings` are extra server options (`-c name=value`). */
export async function startThrowawayCluster(settings: string[] = []): Promise<PostgresServer> {
  let bin = postgresBinDir();
  if (!bin) {
    installPostgres();
    bin = postgresBinDir();
    if (!bin) throw new Error("postgresql installed but initdb not found");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "citynet-pg-"));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  const port = await freePort();
  asPostgres(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"]);
  asPostgres(path.join(bin, "pg_ctl"), [
    "-D",
    data,
    "-l",
    path.join(dir, "log"),
    "-w",
    "start",
    "-o",
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${settings.map((s) => `-c ${s}`).join(" ")}`,
  ]);
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      asPostgres(path.join(bin!, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function findPostgres(): Promise<PostgresServer | null> {
  const explicit = process.env.CITYNET_TEST_POSTGRES_URL;
  if (explicit) {
    if (await reachable(explicit)) return { adminUrl: explicit, stop: async () => {} };
    throw new Error(`CITYNET_TEST_POSTGRES_URL is set but ${explicit} is unreachable`);
  }
  const machine = "postgresql://postgres@127.0.0.1:5432/postgres";
  if (await reachable(machine)) return { adminUrl: machine, stop: async () => {} };
  try {
    return await startThrowawayCluster();
  } catch (error) {
    if (process.env.CI === "true") throw error;
    const line = "!".repeat(78);
    console.warn(
      `\n${line}\n! SKIPPING the PostgreSQL leg: no server is reachable and none could be provisioned.\n! ${String(error)}\n${line}\n`,
    );
    return null;
  }
}

/** The settings a server would run with, on the database at `url`. */
export function databaseConfigFor(url: string): DatabaseConfig {
  return { ...databaseConfigFromEnv(), url };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A new empty database on `server` for a server process to migrate and seed; drop() removes it. */
export async function scratchDatabase(
  server: PostgresServer,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const run = async (sql: string) => {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(`CREATE DATABASE ${name}`);
  return { url: databaseUrl(server.adminUrl, name), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
