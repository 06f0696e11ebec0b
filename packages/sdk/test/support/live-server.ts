// Spawns the real CityNet server on a fresh embedded database (PGlite), seeded at start,
// with the SDK's persisted-documents manifest loaded.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SERVER_DIR = path.resolve(fileURLToPath(import.meta.url), "../../../../server");
export const MANIFEST = path.resolve(fileURLToPath(import.meta.url), "../../../src/generated/persisted-documents.json");

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface LiveServer {
  endpoint: string;
  origin: string;
  stop(): Promise<void>;
}

export async function startLiveServer(env: Record<string, string> = {}): Promise<LiveServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "citynet-sdk-"));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: SERVER_DIR,
    env: { ...process.env, DATABASE_URL: "", CITYNET_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", CITYNET_PERSISTED_DOCUMENTS: MANIFEST, CITYNET_IMPORT_TOWNS: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("GraphiQL on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    endpoint: `${origin}/graphql`,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
