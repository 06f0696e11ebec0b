// A bad day, as `pnpm start` lives it: stopped with requests in flight, and its database gone.

import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type StartedServer, startServer } from "../support/processes.js";

let root: string;
let server: StartedServer | undefined;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "citynet-bad-day-"));
  chmodSync(root, 0o755); // mkdtemp's 700 would keep root's postgres user out
});
afterEach(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill("SIGTERM");
    await new Promise((resolve) => server!.child.once("exit", resolve));
  }
  server = undefined;
  rmSync(root, { recursive: true, force: true });
});

const QUERY = JSON.stringify({ query: `{ town(slug: "opava") { name country { name } } }` });

/**
 * A POST whose body arrives in two parts: the server holds the request (in flight) until
 * `finish` sends the rest.
 */
function slowPost(base: string) {
  const url = new URL("/graphql", base);
  let finish!: () => void;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(QUERY) } },
      (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.write(QUERY.slice(0, 10));
    finish = () => req.end(QUERY.slice(10));
  });
  return { answer, finish: () => finish() };
}

it("finishes the requests in flight on SIGTERM, then stops", async () => {
  server = await startServer(path.join(root, "data"));
  const inFlight = Array.from({ length: 20 }, () => slowPost(server!.base));
  await new Promise((resolve) => setTimeout(resolve, 300)); // every request has reached the server
  const exited = new Promise<number | null>((resolve) => server!.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 300)); // the server is shutting down
  for (const post of inFlight) post.finish();
  const answers = await Promise.all(inFlight.map((post) => post.answer));
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { town: { name: "Opava", country: { name: "Czech Republic" } } } });
  }
  expect(await exited).toBe(0);
  // Closed: no new request is accepted.
  await expect(fetch(`${server.base}/graphql`, { method: "POST", body: QUERY })).rejects.toThrow();
}, 120_000);

it("answers SERVICE_UNAVAILABLE (HTTP 503, Retry-After) while its database is down", async () => {
  const dataDir = path.join(root, "data");
  server = await startServer(dataDir);
  const post = (slug: string) =>
    fetch(`${server!.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `query($slug: String!) { town(slug: $slug) { name } }`, variables: { slug } }),
    });
  expect((await post("ptuj")).status).toBe(200);
  // PostgreSQL goes away under the running server (a fast shutdown, as an operator's would be).
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  process.kill(postmaster, "SIGINT");
  for (let i = 0; i < 100 && isAlive(postmaster); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  // Towns not asked for before: no cached answer stands in for the database.
  for (const slug of ["opava", "leoben", "lutsk"]) {
    const response = await post(slug);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\n\s+at /);
  }
  expect((await fetch(`${server.base}/readyz`)).status).toBe(503);
}, 120_000);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
