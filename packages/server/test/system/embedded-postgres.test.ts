// The default database as `pnpm start` runs it: the embedded PostgreSQL 18 that the server
// starts in CITYNET_DATA_DIR, stops with itself, and recovers after the server was killed.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EmbeddedPostgresError,
  packagedBinaries,
  RUNTIME_ROOT,
  runningEmbeddedUrl,
  startEmbeddedPostgres,
} from "../../src/db/embedded-postgres.js";
import { freePort, SERVER_DIR, startServer, waitForOutput } from "../support/processes.js";

const isRoot = process.getuid?.() === 0;

async function townName(base: string, slug: string): Promise<string | undefined> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `query($slug: String!) { town(slug: $slug) { name } }`, variables: { slug } }),
  });
  return ((await response.json()) as { data?: { town?: { name: string } } }).data?.town?.name;
}

/** Runs SQL on the cluster serving `dataDir` now. */
async function sql<Row = Record<string, unknown>>(dataDir: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: runningEmbeddedUrl(dataDir) });
  await client.connect();
  try {
    return (await client.query(text)).rows as Row[];
  } finally {
    await client.end();
  }
}

const postmasterPid = (dataDir: string) =>
  Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, "exit");
  child.kill(signal);
  return (await exited)[0] as number | null;
}

describe("the embedded PostgreSQL as the server's default database", () => {
  let root: string;
  let dataDir: string;
  const children: ChildProcess[] = [];
  const start = async () => {
    const started = await startServer(dataDir);
    children.push(started.child);
    return started;
  };

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "citynet-embedded-"));
    chmodSync(root, 0o755); // mkdtemp's 700 would keep root's postgres user out
    dataDir = path.join(root, "data");
  });
  afterAll(async () => {
    for (const child of children) await kill(child, "SIGTERM");
    // Whatever a failed test left running on the directory goes down with it.
    if (existsSync(path.join(dataDir, "postmaster.pid")) && alive(postmasterPid(dataDir)))
      process.kill(postmasterPid(dataDir), "SIGKILL");
    rmSync(root, { recursive: true, force: true });
  });

  it("initialises PostgreSQL 18 on first start, serves the seeded data, and stops with the server", async () => {
    const server = await start();
    expect(await townName(server.base, "opava")).toBe("Opava");
    const [{ server_version }] = await sql<{ server_version: string }>(dataDir, "SHOW server_version");
    expect(server_version).toMatch(/^18\./);
    await sql(dataDir, "CREATE TABLE crash_probe (note text); INSERT INTO crash_probe VALUES ('before any crash')");
    const postmaster = postmasterPid(dataDir);
    expect(await kill(server.child, "SIGTERM")).toBe(0);
    expect(alive(postmaster)).toBe(false);
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
  });

  it("refuses a second server on a directory another one serves", async () => {
    const server = await start();
    const second = spawn(process.execPath, ["--import", "tsx", "src/bin/main.ts"], {
      cwd: SERVER_DIR,
      env: { ...process.env, DATABASE_URL: "", CITYNET_DATA_DIR: dataDir, PORT: String(await freePort()) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const failure = await waitForOutput(second, /another CityNet process/).catch((error: Error) => error.message);
    expect(failure).toContain(`another CityNet process (pid ${server.child.pid})`);
    await kill(second, "SIGKILL");
    expect(await townName(server.base, "opava")).toBe("Opava");
    expect(await kill(server.child, "SIGTERM")).toBe(0);
  });

  it("comes back by itself after the server was killed with SIGKILL, stopping the PostgreSQL it left running", async () => {
    const server = await start();
    await sql(dataDir, "INSERT INTO crash_probe VALUES ('committed before kill -9')");
    const orphan = postmasterPid(dataDir);
    await kill(server.child, "SIGKILL");
    expect(alive(orphan)).toBe(true); // reparented, still holding the directory

    const again = await start();
    expect(await again.output).toContain(`PostgreSQL (pid ${orphan}) was left running`);
    expect(alive(orphan)).toBe(false);
    expect(await townName(again.base, "opava")).toBe("Opava");
    const notes = await sql<{ note: string }>(dataDir, "SELECT note FROM crash_probe ORDER BY note");
    expect(notes.map((row) => row.note)).toEqual(["before any crash", "committed before kill -9"]);
    expect(await kill(again.child, "SIGTERM")).toBe(0);
  });

  it("recovers when the server and PostgreSQL were both killed (stale pid file, crash recovery)", async () => {
    const server = await start();
    await sql(dataDir, "INSERT INTO crash_probe VALUES ('committed before the crash')");
    const postmaster = postmasterPid(dataDir);
    await kill(server.child, "SIGKILL");
    process.kill(postmaster, "SIGKILL");
    await until(() => !alive(postmaster));
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(true);

    const again = await start();
    expect(await again.output).toContain("was not shut down cleanly");
    const log = readFileSync(path.join(dataDir, "citynet-postgres.log"), "utf8");
    expect(log).toMatch(/database system was interrupted|not properly shut down; automatic recovery in progress/);
    const notes = await sql<{ note: string }>(dataDir, "SELECT note FROM crash_probe ORDER BY note");
    expect(notes.map((row) => row.note)).toContain("committed before the crash");
    expect(await townName(again.base, "opava")).toBe("Opava");
    expect(await kill(again.child, "SIGTERM")).toBe(0);
  });
});

// As root PostgreSQL runs as `postgres`, which cannot pass through a private (700) directory.
describe.runIf(isRoot)("as root, inside a private directory", () => {
  let privateDir: string;
  beforeAll(() => {
    privateDir = mkdtempSync(path.join(tmpdir(), "citynet-private-"));
    chmodSync(privateDir, 0o700);
  });
  afterAll(() => rmSync(privateDir, { recursive: true, force: true }));

  it("refuses a CITYNET_DATA_DIR the postgres user cannot reach, naming the setting", async () => {
    const dataDir = path.join(privateDir, "named", "data");
    const started = startEmbeddedPostgres({ dataDir, dataDirNamed: true });
    await expect(started).rejects.toThrow(EmbeddedPostgresError);
    await expect(started).rejects.toThrow(/CITYNET_DATA_DIR is .*named\/data.*cannot reach it/);
  });

  it("moves the default data directory and the binaries to where the postgres user can reach them", async () => {
    // A checkout in a private home: its installed binaries are out of reach too.
    const installed = await packagedBinaries();
    const nativeDir = path.dirname(path.dirname(installed.postgres));
    const privateNative = path.join(privateDir, "native");
    mkdirSync(privateNative);
    cpSync(nativeDir, privateNative, { recursive: true, verbatimSymlinks: true });
    const inPrivate = (file: string) => path.join(privateNative, path.relative(nativeDir, file));
    const lines: string[] = [];
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(privateDir, "checkout", ".data"),
      dataDirNamed: false,
      log: (line) => lines.push(line),
      binaries: {
        initdb: inPrivate(installed.initdb),
        pg_ctl: inPrivate(installed.pg_ctl),
        postgres: inPrivate(installed.postgres),
      },
    });
    try {
      expect(embedded.dataDir.startsWith(`${RUNTIME_ROOT}/data-`)).toBe(true);
      expect(lines.join("\n")).toMatch(/copying PostgreSQL to \/var\/lib\/citynet\/postgresql-/);
      const client = new pg.Client({ connectionString: embedded.url });
      await client.connect();
      expect((await client.query("SELECT current_database() AS name")).rows[0].name).toBe("citynet");
      await client.end();
    } finally {
      await embedded.stop();
      rmSync(embedded.dataDir, { recursive: true, force: true });
      const copied = lines.join("\n").match(/copying PostgreSQL to (\S+)/)?.[1];
      if (copied) rmSync(copied, { recursive: true, force: true });
    }
  });
});

// A laptop: an ordinary user runs the server, and PostgreSQL runs as that user. Run here as
// `nobody`, where the checkout lets other users read it.
const NOBODY = 65_534;
const nobodyCanRead = (file: string) =>
  isRoot && spawnSync("sh", ["-c", 'test -r "$1"', "sh", file], { uid: NOBODY, gid: NOBODY }).status === 0;

describe.runIf(nobodyCanRead(path.join(SERVER_DIR, "src/bin/main.ts")))("as an ordinary user", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "citynet-user-"));
    chownSync(root, NOBODY, NOBODY);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("runs PostgreSQL as that user in its own directory", async () => {
    const dataDir = path.join(root, "data");
    const server = await startServer(dataDir, { uid: NOBODY, gid: NOBODY, home: root });
    try {
      expect(await townName(server.base, "opava")).toBe("Opava");
      const status = readFileSync(`/proc/${postmasterPid(dataDir)}/status`, "utf8");
      expect(status).toMatch(new RegExp(`^Uid:\\s+${NOBODY}\\s`, "m"));
    } finally {
      expect(await kill(server.child, "SIGTERM")).toBe(0);
    }
  });
});
