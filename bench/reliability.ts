// `pnpm reliability`: a bad day, on purpose, against `pnpm start`'s server on its own embedded
// PostgreSQL with every European town (loopback only; it stops by itself):
//   1. fuzz      at least 5,000 fuzzed operations and malformed requests: no 5xx, no
//                INTERNAL_SERVER_ERROR, nothing of the server's insides in an answer;
//   2. expensive 20 clients sending the costliest valid operations, while one client times a
//                cheap page: its p99 stays under the stated bound;
//   3. outage    PostgreSQL stopped and started again under load: every error coded
//                (SERVICE_UNAVAILABLE, 503), and the time until the first answer after;
//   4. sigterm   SIGTERM under load from 20 clients: no request in flight is dropped;
//   5. soak      the mixed traffic of bench/load.ts for RELIABILITY_SOAK_S (600) seconds: the
//                resident memory at the end within 25% of its level after the first third.
// Figures go to bench/results/<date>-reliability.md; the exit code says whether all held.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../packages/server/src/db/embedded-postgres.js";
import { freePort } from "../packages/server/src/lib/ports.js";
import { waitForOutput } from "../packages/server/test/support/processes.js";
import { type Answer, largestTowns, mixedSoak, post } from "./load.js";
import { percentile } from "./stats.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const SERVER_DIR = path.join(here, "../packages/server");
const FUZZ_REQUESTS = Number(process.env.RELIABILITY_FUZZ ?? 5000);
const SOAK_SECONDS = Number(process.env.RELIABILITY_SOAK_S ?? 600);
/** The bound on a cheap page's p99 while 20 clients send the costliest operations. */
const CHEAP_P99_BOUND_MS = 500;
const LEAK = /\n\s+at |node_modules|\/work\/|PrismaClient|prisma\.|SELECT |ECONNREFUSED|postgres(ql)?:\/\/|\.ts:\d+/;

interface Row {
  phase: string;
  figure: string;
  bound: string;
  held: boolean;
}
const rows: Row[] = [];
const record = (phase: string, figure: string, bound: string, held: boolean) => {
  rows.push({ phase, figure, bound, held });
  console.log(`${held ? "ok  " : "FAIL"} ${phase}: ${figure} (bound: ${bound})`);
};

const root = mkdtempSync(path.join(tmpdir(), "citynet-reliability-"));
chmodSync(root, 0o755); // root's postgres user must reach it
const pgPort = await freePort();
const startPostgres = () => startEmbeddedPostgres({ dataDir: path.join(root, "pg"), dataDirNamed: true, port: pgPort });
let postgres: EmbeddedPostgres = await startPostgres();
const port = await freePort();
const url = `http://127.0.0.1:${port}/graphql`;

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/bin/main.ts"], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      DATABASE_URL: postgres.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      // One client sends thousands of requests here on purpose; the limit has tests of its own.
      CITYNET_RATE_LIMIT_POINTS: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForOutput(child, /GraphiQL on/, 300_000);
  return child;
}

// --- 1. fuzz ------------------------------------------------------------------------------------

/** A seeded generator, so that a failing request can be found again. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, pick };
}

const rng = random(20261130);
const TEXTS = [
  "",
  "opava",
  "Opava",
  "Ópáva",
  "Луцьк",
  "😀🏙️",
  "\u0000",
  "op\u0000ava",
  "\ud800",
  "x".repeat(201),
  "y".repeat(5000),
  "' OR 1=1 --",
  "%_\\",
  "a".repeat(2),
  "null",
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, meant literally
  "${jndi:ldap://x}",
];
const text = () => (rng.next() < 0.2 ? Math.random().toString(36).slice(2) : rng.pick(TEXTS));
const id = () =>
  rng.next() < 0.2
    ? rng.pick(["not-an-id", "", "====", "Town:1"])
    : Buffer.from(
        `${rng.pick(["Town", "Event", "Country", "Nope", "PartnerSearchInterest", ""])}:${rng.pick(["1", "0", "-1", "1.5", "abc", "99999999999999999999", "1:2", "CZ", "cz", "2147483648"])}`,
      ).toString("base64");
const int = () => rng.pick([0, 1, 5, 20, 100, 101, -1, 2 ** 31, 1.5, Number.MAX_SAFE_INTEGER]);

type Fuzzed = { method: string; path: string; headers: Record<string, string>; body?: string };
const json = (query: string, variables: Record<string, unknown> = {}): Fuzzed => ({
  method: "POST",
  path: "/graphql",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query, variables }),
});

const FUZZERS: (() => Fuzzed)[] = [
  () => json(`query($s: String!) { town(slug: $s) { name country { name } } }`, { s: text() }),
  () =>
    json(`query($t: String!, $n: Int) { search(text: $t, first: $n) { totalCount results { matchedName } } }`, {
      t: text(),
      n: int(),
    }),
  () => json(`query($id: ID!) { node(id: $id) { id } }`, { id: id() }),
  () => json(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [id(), id(), id()] }),
  () =>
    json(
      `query($n: Int, $c: String, $a: Int, $b: Int, $cs: [String!]) { towns(first: $n, after: $c, filter: { populationMin: $a, populationMax: $b, countries: $cs }) { totalCount } }`,
      { n: int(), c: text(), a: int(), b: int(), cs: [text()] },
    ),
  () =>
    json(`query($s: String!, $n: Int) { partnerSuggestions(criteria: { town: $s }, first: $n) { score } }`, {
      s: rng.pick(["opava", "ptuj", text()]),
      n: int(),
    }),
  () =>
    json(`query($f: String!, $t: String!, $h: Int) { connection(from: $f, to: $t, maxHops: $h) { hops } }`, {
      f: rng.pick(["opava", text()]),
      t: rng.pick(["ptuj", text()]),
      h: int(),
    }),
  () => json(`query($d: Date!) { fundingCalls(filter: { openOn: $d }) { totalCount } }`, { d: text() }),
  () =>
    json(
      `mutation($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { id } } }`,
      { input: { town: text(), kind: "TWINNING", description: [{ lang: text(), text: text() }] } },
    ),
  () => ({
    ...json(`{ town(slug: "opava") { name } }`),
    headers: {
      "content-type": "application/json",
      authorization: rng.pick(["Bearer x", "Basic y", "Bearer cnk_nope", ""]),
    },
  }),
  // Literals in the document itself, escaped or not.
  () => json(`{ town(slug: ${JSON.stringify(text())}) { name } }`),
  () => json(`{ search(text: "${text().replace(/["\\]/g, "")}") { totalCount } }`),
  // Malformed operations and requests.
  () =>
    json(
      rng.pick(["{", "}", "query {", "{ townz }", '{ towns(first: "x") { totalCount } }', "", "subscription { x }"]),
    ),
  () => json(`{ ${'town(slug: "opava") { country { towns(first: 1) { edges { node { '.repeat(6)}`),
  () => json(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: town(slug: "opava") { name }`).join(" ")} }`),
  () => ({
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json" },
    body: rng.pick([
      "{",
      "[]",
      "null",
      '{"query": 5}',
      '{"query": "{ __typename }", "variables": "x"}',
      "x".repeat(1_100_000),
    ]),
  }),
  () => ({
    method: "POST",
    path: "/graphql",
    headers: {
      "content-type": rng.pick([
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
      ]),
    },
    body: "query={__typename}",
  }),
  () => ({
    method: "GET",
    path: `/graphql?query=${encodeURIComponent(rng.pick(["{__typename}", '{ town(slug: "opava") { name } }', "mutation { x }"]))}&variables=${encodeURIComponent(rng.pick(["{}", "notjson", '{"s":1}']))}`,
    headers: (rng.next() < 0.5 ? { "x-graphql-yoga-csrf": "1", accept: "application/json" } : {}) as Record<
      string,
      string
    >,
  }),
  () => ({ method: rng.pick(["PUT", "DELETE", "PATCH"]), path: "/graphql", headers: {}, body: "{}" }),
];

async function send(request: Fuzzed): Promise<Answer> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { status: 0, body: String(error) };
  }
}

async function fuzz() {
  let sent = 0;
  const failures: string[] = [];
  let fiveHundreds = 0;
  let internal = 0;
  let leaks = 0;
  const queue = Array.from({ length: FUZZ_REQUESTS }, () => rng.pick(FUZZERS)());
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let request = queue.pop(); request; request = queue.pop()) {
        const answer = await send(request);
        sent++;
        const bad5xx = answer.status >= 500 || answer.status === 0;
        const isInternal = answer.body.includes("INTERNAL_SERVER_ERROR");
        const leaked = LEAK.test(answer.body);
        if (bad5xx) fiveHundreds++;
        if (isInternal) internal++;
        if (leaked) leaks++;
        if ((bad5xx || isInternal || leaked) && failures.length < 5)
          failures.push(
            `${request.method} ${request.path} ${request.body?.slice(0, 200)} → ${answer.status} ${answer.body.slice(0, 300)}`,
          );
      }
    }),
  );
  for (const failure of failures) console.log(`  ${failure}`);
  record(
    "fuzz",
    `${sent} requests: ${fiveHundreds} 5xx, ${internal} INTERNAL_SERVER_ERROR, ${leaks} leaks`,
    "≥ 5,000 sent; 0, 0, 0",
    sent >= 5000 && fiveHundreds + internal + leaks === 0,
  );
}

// --- 2. the costliest operations beside a cheap one ---------------------------------------------

async function expensive() {
  const towns = await largestTowns(url);
  const until = Date.now() + 30_000;
  const COSTLY: ((n: number) => [string, Record<string, unknown>])[] = [
    (n) => [
      `query($s: String!) { partnerSuggestions(criteria: { town: $s }, first: 100) { score } }`,
      { s: towns[n % towns.length].slug },
    ],
    (n) => [
      `query($f: String!, $t: String!) { connection(from: $f, to: $t, maxHops: 6, first: 10) { hops } }`,
      { f: towns[n % towns.length].slug, t: towns[(n * 7 + 3) % towns.length].slug },
    ],
    (n) => [
      `query($t: String!) { search(text: $t, first: 100) { totalCount } }`,
      { t: towns[n % towns.length].name.slice(0, 2) },
    ],
  ];
  let costly = 0;
  const cheap: number[] = [];
  const clients = Array.from({ length: 20 }, async (_, client) => {
    for (let n = client; Date.now() < until; n += 20) {
      const [query, variables] = COSTLY[n % COSTLY.length](n);
      await post(url, query, variables);
      costly++;
    }
  });
  const probe = (async () => {
    for (let n = 0; Date.now() < until; n++) {
      const started = performance.now();
      // A distinct operation each time (its alias): no cached answer stands in.
      await post(url, `query($s: String!) { probe${n}: town(slug: $s) { name population } }`, {
        s: towns[n % towns.length].slug,
      });
      cheap.push(performance.now() - started);
    }
  })();
  await Promise.all([...clients, probe]);
  const p99 = percentile(cheap, 99);
  record(
    "expensive",
    `cheap page p50 ${percentile(cheap, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms over ${cheap.length} requests beside ${costly} costly ones from 20 clients`,
    `p99 ≤ ${CHEAP_P99_BOUND_MS} ms`,
    p99 <= CHEAP_P99_BOUND_MS,
  );
}

// --- 3. the database stops and starts under load ------------------------------------------------

async function outage() {
  const towns = await largestTowns(url);
  let stoppedAt = 0;
  let restartedAt = 0;
  let firstAnswerAfter = 0;
  let uncoded = 0;
  let unavailable = 0;
  let answered = 0;
  const until = Date.now() + 25_000;
  const clients = Array.from({ length: 10 }, async (_, client) => {
    for (let n = client; Date.now() < until; n += 10) {
      const answer = await post(url, `query($s: String!) { outage${n}: town(slug: $s) { name } }`, {
        s: towns[n % towns.length].slug,
      });
      if (answer.status === 200 && !answer.json?.errors) {
        answered++;
        if (restartedAt && !firstAnswerAfter) firstAnswerAfter = Date.now();
      } else if (
        answer.status === 503 &&
        answer.json?.errors?.every((e) => e.extensions?.code === "SERVICE_UNAVAILABLE")
      )
        unavailable++;
      else uncoded++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  const operator = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    stoppedAt = Date.now();
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    postgres = await startPostgres();
    restartedAt = Date.now();
  })();
  await Promise.all([...clients, operator]);
  const recovery = firstAnswerAfter ? firstAnswerAfter - restartedAt : Number.POSITIVE_INFINITY;
  record(
    "outage",
    `${answered} answered, ${unavailable} SERVICE_UNAVAILABLE (503), ${uncoded} other failures; down ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s, first answer ${recovery} ms after the restart`,
    "0 other failures; an answer within 5 s of the restart",
    uncoded === 0 && unavailable > 0 && recovery <= 5_000,
  );
}

// --- 4. SIGTERM under load ----------------------------------------------------------------------

async function sigterm(server: ChildProcess) {
  const towns = await largestTowns(url);
  let signalled = false;
  let dropped = 0;
  let answered = 0;
  const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
  const clients = Array.from({ length: 20 }, async (_, client) => {
    for (let n = client; !signalled; n += 20) {
      const answer = await post(
        url,
        `query($s: String!) { sigterm${n}: town(slug: $s) { name population country { name } } }`,
        { s: towns[n % towns.length].slug },
      );
      // A request sent before the signal must be answered.
      if (answer.status === 200 && !answer.json?.errors) answered++;
      else dropped++;
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  signalled = true;
  server.kill("SIGTERM");
  await Promise.all(clients);
  const code = await exited;
  record(
    "sigterm",
    `${answered} answered, ${dropped} dropped; exit code ${code}`,
    "0 dropped; exit 0",
    dropped === 0 && code === 0,
  );
}

// --- 5. soak ------------------------------------------------------------------------------------

async function soak(server: ChildProcess) {
  const { samples, requests, errors } = await mixedSoak(url, server.pid!, SOAK_SECONDS, 20);
  const settled = Math.max(...samples.slice(0, Math.max(2, Math.ceil(samples.length / 3))));
  const end = samples[samples.length - 1];
  record(
    "soak",
    `${SOAK_SECONDS} s, ${requests} requests (${errors} with errors); RSS every 10 s: ${samples.join(", ")} MB`,
    `end ≤ 1.25 × the highest of the first third (${Math.round(settled * 1.25)} MB); 0 errors`,
    end <= settled * 1.25 && errors === 0,
  );
}

const started = Date.now();
let server = await startServer();
try {
  await fuzz();
  await expensive();
  await outage();
  await sigterm(server);
  server = await startServer();
  await soak(server);
} finally {
  if (server.exitCode === null) server.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await postgres.stop();
  rmSync(root, { recursive: true, force: true });
}

const date = new Date().toISOString().slice(0, 10);
const report = `# Reliability (${date})

\`pnpm reliability\` against \`pnpm start\`'s server on its own embedded PostgreSQL 18 with all
European towns; ${Math.round((Date.now() - started) / 1000)} s in all. Rate limit off (one client sends
thousands of requests on purpose).

| phase | figure | bound | held |
|---|---|---|---|
${rows.map((r) => `| ${r.phase} | ${r.figure} | ${r.bound} | ${r.held ? "yes" : "**no**"} |`).join("\n")}
`;
writeFileSync(path.join(here, "results", `${date}-reliability.md`), report);
console.log(report);
process.exit(rows.every((r) => r.held) ? 0 : 1);
