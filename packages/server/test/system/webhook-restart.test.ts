// A webhook delivery outlives its server: refused by the receiver before a restart, it is sent
// by the restarted server (the outbox is in the database, not in the process).
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createKey, SERVER_DIR, type StartedServer, startServer } from "../support/processes.js";

const root = mkdtempSync(path.join(tmpdir(), "citynet-webhook-restart-"));
chmodSync(root, 0o755); // mkdtemp's 700 would keep root's postgres user out
const dataDir = path.join(root, "data");
let server: StartedServer | undefined;
let receiver: Server | undefined;

const stop = async () => {
  if (server && server.child.exitCode === null) {
    const exited = new Promise((resolve) => server!.child.once("exit", resolve));
    server.child.kill("SIGTERM");
    await exited;
  }
};
afterAll(async () => {
  await stop();
  receiver?.close();
  rmSync(root, { recursive: true, force: true });
});

const ENV = { CITYNET_WEBHOOK_RETRY_BASE_MS: "200", CITYNET_WEBHOOK_POLL_MS: "100" };

it("sends after a restart the delivery its receiver refused before it", async () => {
  const bodies: { status: number; body: string }[] = [];
  let accepting = false;
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const status = accepting ? 200 : 503;
      bodies.push({ status, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  server = await startServer(dataDir, undefined, ENV);
  const admin = createKey(dataDir, "Operations", "ADMIN");
  const opava = createKey(dataDir, "Opava web", "TOWN_EDITOR", "opava");
  const listed = spawnSync(process.execPath, ["--import", "tsx", "src/bin/citynet.ts", "keys", "list"], {
    cwd: SERVER_DIR,
    env: { ...process.env, DATABASE_URL: "", CITYNET_DATA_DIR: dataDir },
    encoding: "utf8",
  }).stdout;
  const opavaKeyId = Number(
    listed
      .split("\n")
      .find((line) => line.includes("\tOpava web\t"))!
      .split("\t")[0],
  );
  const graphql = async (key: string, query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${server!.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const result = (await response.json()) as { data?: any; errors?: unknown };
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  await graphql(admin, `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`, {
    input: { apiKey: opavaKeyId, url, events: ["PARTNER_SEARCH_POSTED"] },
  });
  await graphql(
    opava,
    `mutation($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { id } } }`,
    { input: { town: "opava", kind: "COOPERATION", description: [{ lang: "en", text: "Opava seeks partners." }] } },
  );
  const until = async (done: () => boolean) => {
    for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 50)))
      if (Date.now() - started > 15_000) throw new Error(`receiver saw ${JSON.stringify(bodies)}`);
  };
  await until(() => bodies.length >= 1);
  await stop();
  const refused = bodies.length;
  accepting = true;
  server = await startServer(dataDir, undefined, ENV);
  await until(() => bodies.some((b) => b.status === 200));
  expect(bodies.slice(0, refused).every((b) => b.status === 503)).toBe(true);
  expect(new Set(bodies.map((b) => b.body)).size).toBe(1);
  expect(JSON.parse(bodies.at(-1)!.body)).toMatchObject({ event: "PARTNER_SEARCH_POSTED", type: "PartnerSearch" });
}, 180_000);
