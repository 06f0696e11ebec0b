// Writes under load: creating and updating partner searches through CityNet's mutations (each
// with its validation, audit entry, outbox and live announcement) beside PostGraphile's
// generated create and update mutations on the same table. Each of `connections` workers sends
// one request after another for `duration` seconds; an update names the version the worker's
// own search is at, so none conflicts.
import http from "node:http";
import { databaseCpuMs, msPerRequest, otherCpu } from "./process-usage.js";
import { median, percentile } from "./stats.js";

export interface GraphQLCall {
  query: string;
  variables: Record<string, unknown>;
}

/** A written record as the worker follows it. */
export interface Written {
  id: string | number;
  version: number;
}

export interface WriteTarget {
  name: string;
  endpoint: string;
  /** The server's process. */
  pid: number;
  headers: Record<string, string>;
  create(n: number): GraphQLCall;
  /** The created record, from the create's data. */
  created(data: unknown): Written;
  update(record: Written, n: number): GraphQLCall;
  /** The version after the update, from its data. */
  updated(data: unknown): number;
  /** What the target has used so far, in ms: its server's CPU, and its statements' execution in PostgreSQL. */
  used(): Promise<Usage>;
}

export interface Usage {
  serverMs: number;
  databaseMs: number;
}

/** What a run used: the target's Usage, and PostgreSQL's CPU (process-usage.ts, databaseCpuMs). */
const usedInRun = async (target: WriteTarget) => ({ ...(await target.used()), databaseCpuMs: databaseCpuMs() });

export interface WriteMeasurement {
  operation: "create" | "update";
  target: string;
  rps: number;
  p50: number;
  p99: number;
  /** Per request: what Usage counts. */
  serverMsPerRequest: number;
  databaseMsPerRequest: number;
  /** Per request: the CPU of all PostgreSQL's processes, with the executor's start-up, binding and commits that execution time leaves out. */
  databaseCpuMsPerRequest: number;
  errors: number;
  runs: number[];
  /** The most CPU, in cores, that went elsewhere during a run (process-usage.ts, otherCpu). */
  otherCores: number;
}

let counter = 0;

/**
 * Sends one call over the run's keep-alive connections (node:http). The load generator shares the
 * servers' cores: fetch (undici) spent 0.8–1.1 ms of CPU per request at 450 requests/s and 0.4 at
 * 1,700 (about 0.3 cores whatever the rate), so it took most from the slower target; node:http
 * spends 0.2 and 0.08 ms.
 */
async function send(target: WriteTarget, agent: http.Agent, call: GraphQLCall): Promise<unknown> {
  const body = JSON.stringify(call);
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(
      target.endpoint,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...target.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
  const answer = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (answer.errors || status !== 200) throw new Error(`${target.name}: ${JSON.stringify(answer.errors ?? status)}`);
  return answer.data;
}

async function run(target: WriteTarget, operation: "create" | "update", connections: number, seconds: number) {
  // The run's own connections, closed at its end: a server closes one idle for 5 s, and a request
  // sent as it closes fails.
  const agent = new http.Agent({ keepAlive: true });
  try {
    // Each worker updates a search of its own, created before the clock starts.
    const own =
      operation === "update"
        ? await Promise.all(
            Array.from({ length: connections }, () =>
              send(target, agent, target.create(++counter)).then(target.created),
            ),
          )
        : [];
    const latencies: number[] = [];
    let errors = 0;
    const before = await usedInRun(target);
    const others = otherCpu(target.pid);
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async (_, worker) => {
        while (performance.now() < until) {
          const n = ++counter;
          const started = performance.now();
          try {
            if (operation === "create") await send(target, agent, target.create(n));
            else own[worker].version = target.updated(await send(target, agent, target.update(own[worker], n)));
            latencies.push(performance.now() - started);
          } catch (error) {
            errors++;
            if (errors === 1) console.error(`bench: ${operation} failed: ${(error as Error).message.slice(0, 300)}`);
          }
        }
      }),
    );
    const otherCores = others.stop();
    const after = await usedInRun(target);
    const requests = latencies.length + errors;
    return {
      rps: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      serverMsPerRequest: msPerRequest(after.serverMs - before.serverMs, requests),
      databaseMsPerRequest: msPerRequest(after.databaseMs - before.databaseMs, requests),
      databaseCpuMsPerRequest: msPerRequest(after.databaseCpuMs - before.databaseCpuMs, requests),
      errors,
      otherCores,
    };
  } finally {
    agent.destroy();
  }
}

/** Creates, then updates, on each target: a warm-up, then `runs` runs with the targets alternated. */
export async function measureWrites(
  targets: WriteTarget[],
  options: { connections: number; duration: number; runs: number },
): Promise<WriteMeasurement[]> {
  const measurements: WriteMeasurement[] = [];
  for (const operation of ["create", "update"] as const) {
    for (const target of targets) await run(target, operation, options.connections, 1);
    const byTarget = new Map(targets.map((t) => [t.name, [] as Awaited<ReturnType<typeof run>>[]]));
    for (let r = 0; r < options.runs; r++)
      for (const target of r % 2 ? [...targets].reverse() : targets)
        byTarget.get(target.name)!.push(await run(target, operation, options.connections, options.duration));
    for (const [target, runs] of byTarget)
      measurements.push({
        operation,
        target,
        rps: Math.round(median(runs.map((m) => m.rps))),
        p50: median(runs.map((m) => m.p50)),
        p99: median(runs.map((m) => m.p99)),
        serverMsPerRequest: median(runs.map((m) => m.serverMsPerRequest)),
        databaseMsPerRequest: median(runs.map((m) => m.databaseMsPerRequest)),
        databaseCpuMsPerRequest: median(runs.map((m) => m.databaseCpuMsPerRequest)),
        errors: runs.reduce((sum, m) => sum + m.errors, 0),
        runs: runs.map((m) => Math.round(m.rps)),
        otherCores: Math.max(...runs.map((m) => m.otherCores)),
      });
  }
  return measurements;
}
