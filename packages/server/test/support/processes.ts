// Helpers for tests and the benchmark that run servers as child processes.
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** Binds a loopback port (0: any) and releases it; resolves with the port, or null if taken. */
function tryPort(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(null));
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return (await tryPort(0))!;
}

/** The first of `count` consecutive free loopback ports (the federation: gateway + subgraphs). */
export async function freePortRange(count: number): Promise<number> {
  for (;;) {
    const first = await freePort();
    if (first + count > 65_535) continue;
    let all = true;
    for (let port = first + 1; port < first + count && all; port++) all = (await tryPort(port)) !== null;
    if (all) return first;
  }
}

/** Resolves with the child's output once it prints `pattern`; rejects if it exits or takes too long. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print ${pattern} in time:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}
