// Helpers for tests and the benchmark that run servers as child processes.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../src/lib/ports.js";

export { freePort, freePortRange } from "../../src/lib/ports.js";

/**
 * Resolves with the child's output once it prints `pattern`; rejects if it exits or takes too
 * long. Then it stops collecting: the output keeps flowing (a full pipe would stall the child),
 * unread. A server logs a line per request, and a benchmark's client shares this process.
 */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print ${pattern} in time:\n${output}`)), timeoutMs);
    const onExit = (code: number | null) => reject(new Error(`server exited with ${code}:\n${output}`));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!pattern.test(output)) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      child.stderr!.off("data", onData);
      child.off("exit", onExit);
      resolve(output);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", onExit);
  });
}

/**
 * Starts a server on ports freePort picked, again on new ones when another process bound one of
 * them between the pick and the server's listen (its output says EADDRINUSE): processes started
 * side by side, test files' servers and their embedded databases, pick from the same range.
 */
export async function startOnFreePorts<Server>(start: () => Promise<Server>, attempts = 3): Promise<Server> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts || !(error instanceof Error && error.message.includes("EADDRINUSE"))) throw error;
    }
  }
}

/** The server package, where `src/bin/main.ts` runs from. */
export const SERVER_DIR = path.resolve(fileURLToPath(import.meta.url), "../../..");

export interface StartedServer {
  child: ChildProcess;
  base: string;
  output: Promise<string>;
}

/**
 * `pnpm start` with no DATABASE_URL, on the embedded database in `dataDir` (as another user
 * when `user` is given; `env` adds settings).
 */
export async function startServer(
  dataDir: string,
  user?: { uid: number; gid: number; home: string },
  env: Record<string, string> = {},
): Promise<StartedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/bin/main.ts"], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      DATABASE_URL: "",
      CITYNET_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      CITYNET_IMPORT_TOWNS: "false",
      ...(user ? { HOME: user.home } : {}),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  const output = waitForOutput(child, /GraphiQL on/, 90_000);
  await output;
  return { child, base: `http://127.0.0.1:${port}`, output };
}

/**
 * An API key for the server on `dataDir`, made as an operator would: `pnpm citynet keys create`
 * beside the running server (it uses the server's embedded PostgreSQL).
 */
export function createKey(
  dataDir: string,
  name: string,
  role: string,
  scope?: string,
  scopeFlag: "--town" | "--network" | "--programme" | "--organisation" = "--town",
): string {
  const args = ["--import", "tsx", "src/bin/citynet.ts", "keys", "create", "--name", name, "--role", role];
  if (scope) args.push(scopeFlag, scope);
  const result = spawnSync(process.execPath, args, {
    cwd: SERVER_DIR,
    env: { ...process.env, DATABASE_URL: "", CITYNET_DATA_DIR: dataDir },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`keys create failed: ${result.stderr}`);
  return result.stdout.trim();
}
