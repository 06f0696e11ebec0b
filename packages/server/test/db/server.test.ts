// The real entry point as a process: probes, offline GraphiQL, clean shutdown on SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { copyTemplate, describeDb } from "../support/harness.js";
import { freePort, waitForOutput } from "../support/processes.js";

const SERVER_DIR = path.resolve(fileURLToPath(import.meta.url), "../../..");

describeDb("server process", () => {
  let copy: Awaited<ReturnType<typeof copyTemplate>>;
  let child: ChildProcess;
  let base: string;

  beforeAll(async () => {
    copy = await copyTemplate();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: copy.target.url,
      CITYNET_IMPORT_TOWNS: "false",
    };
    child = spawn(process.execPath, ["--import", "tsx", "src/bin/main.ts"], {
      cwd: SERVER_DIR,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    await waitForOutput(child, /GraphiQL on/);
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await copy?.remove();
  });

  it("answers /healthz and /readyz", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("serves GraphiQL from the package itself, opening with example operations", async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("CityNet GraphiQL");
    expect(html).toContain("query TownPage");
    // Offline: no script or stylesheet from a CDN.
    expect(html).not.toMatch(/<script[^>]+src="https?:|<link[^>]+href="https?:/);
  });

  it("serves GraphQL over HTTP", async () => {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ town(slug: "opava") { name } }` }),
    });
    expect(await response.json()).toEqual({ data: { town: { name: "Opava" } } });
  });

  it("shuts down cleanly on SIGTERM", async () => {
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });
});
