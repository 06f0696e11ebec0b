// Spawns the real CityNet server as `pnpm start` runs it, on its default database (the embedded
// PostgreSQL it starts itself, in a fresh data directory), seeded at start, with the SDK's
// persisted-documents manifest loaded. The monolith and the federation both run this way.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SUBGRAPHS } from "../../../server/src/schema/subgraphs.js";
import { freePortRange, startOnFreePorts, waitForOutput } from "../../../server/test/support/processes.js";

const SERVER_DIR = path.resolve(fileURLToPath(import.meta.url), "../../../../server");
export const MANIFEST = path.resolve(fileURLToPath(import.meta.url), "../../../src/generated/persisted-documents.json");

export interface LiveServer {
  endpoint: string;
  origin: string;
  /** Its embedded PostgreSQL's data directory. */
  dataDir: string;
  stop(): Promise<void>;
}

/** The monolith (the default) or the federation: gateway on the port, subgraphs after it. */
export type Entry = "src/bin/main.ts" | "src/bin/federated.ts";

export function startLiveServer(
  env: Record<string, string> = {},
  entry: Entry = "src/bin/main.ts",
): Promise<LiveServer> {
  return startOnFreePorts(() => startOnce(env, entry));
}

async function startOnce(env: Record<string, string>, entry: Entry): Promise<LiveServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "citynet-sdk-"));
  chmodSync(dataDir, 0o755); // mkdtemp's 700 would keep root's postgres user out
  const port = await freePortRange(entry === "src/bin/federated.ts" ? 1 + SUBGRAPHS.length : 1);
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      DATABASE_URL: "",
      CITYNET_DATA_DIR: path.join(dataDir, "data"),
      PORT: String(port),
      HOST: "127.0.0.1",
      CITYNET_PERSISTED_DOCUMENTS: MANIFEST,
      CITYNET_IMPORT_TOWNS: "false",
      CITYNET_PLAN_CACHE_VERIFY: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The last output, for the message should the server die mid-suite.
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const removeScratch = async () => rmSync(dataDir, { recursive: true, force: true });
  try {
    await waitForOutput(child, /on http:\/\/\S+\/graphql/, 120_000);
  } catch (error) {
    // A server that never came up leaves no data directory (or PostgreSQL) behind either.
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
    await removeScratch();
    throw error;
  }
  // A server that dies mid-suite would only show as client timeouts; say why it died.
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`CityNet test server exited (${code ?? signal}) while tests ran:\n${output}`);
  });
  let stopping = false;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    endpoint: `${origin}/graphql`,
    dataDir: path.join(dataDir, "data"),
    async stop() {
      stopping = true;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      await removeScratch();
    },
  };
}
