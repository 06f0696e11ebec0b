// Spawns the real CityNet server on a fresh database, seeded at start, with the SDK's
// persisted-documents manifest loaded. It uses PostgreSQL where the test setup finds one, as a
// deployment would: the embedded PGlite crashed now and then under the federation's
// concurrent subgraph queries (the server suite still runs everything on PGlite too), and
// falls back to PGlite elsewhere.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePortRange, PGLITE_NODE_FLAGS, waitForOutput } from "../../../server/test/support/processes.js";
import { SUBGRAPHS } from "../../../server/src/schema/subgraphs.js";
import { findPostgres, scratchDatabase } from "../../../server/test/support/postgres.js";

const SERVER_DIR = path.resolve(fileURLToPath(import.meta.url), "../../../../server");
export const MANIFEST = path.resolve(fileURLToPath(import.meta.url), "../../../src/generated/persisted-documents.json");

export interface LiveServer {
  endpoint: string;
  origin: string;
  stop(): Promise<void>;
}

/** The monolith (`src/main.ts`, the default) or the federation: gateway on the port, subgraphs after it. */
export type Entry = "src/main.ts" | "src/federated.ts";

export async function startLiveServer(env: Record<string, string> = {}, entry: Entry = "src/main.ts"): Promise<LiveServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "citynet-sdk-"));
  const port = await freePortRange(entry === "src/federated.ts" ? 1 + SUBGRAPHS.length : 1);
  const postgres = await findPostgres();
  const database = postgres ? await scratchDatabase(postgres, `citynet_sdk_${process.pid}_${port}`) : null;
  const child: ChildProcess = spawn(process.execPath, [...PGLITE_NODE_FLAGS, "--import", "tsx", entry], {
    cwd: SERVER_DIR,
    env: { ...process.env, DATABASE_URL: database?.url ?? "", CITYNET_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", CITYNET_PERSISTED_DOCUMENTS: MANIFEST, CITYNET_IMPORT_TOWNS: "false", CITYNET_PLAN_CACHE_VERIFY: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The last output, for the message should the server die mid-suite.
  let output = "";
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const removeScratch = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
    await postgres?.stop();
  };
  try {
    await waitForOutput(child, /on http:\/\/\S+\/graphql/, 120_000);
  } catch (error) {
    // A server that never came up leaves no database or data directory behind either.
    child.kill("SIGTERM");
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
    async stop() {
      stopping = true;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      await removeScratch();
    },
  };
}
