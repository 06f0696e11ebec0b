// Helpers for tests and the benchmark that run servers as child processes.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * Node flags for every process that runs PGlite. Under CPU load, PGlite's extensions (separate
 * WebAssembly modules) sometimes call a null function pointer after V8 swaps in optimised code
 * in the background ("RuntimeError: null function or function signature mismatch" in search,
 * then a dead database); with busy cores next to the SDK suite it failed about every other run,
 * and never with tier-up off. Setting the flag at run time instead made it worse.
 */
export const PGLITE_NODE_FLAGS = ["--no-wasm-tier-up"];

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

/**
 * Where the kernel takes local ports for outgoing connections. A server port picked there (as
 * port 0 picks) can be taken by one, a database connection say, before the server binds it:
 * EADDRINUSE in CI. Ports are picked below it.
 */
function ephemeralPortsStart(): number {
  try {
    return Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]) || 32_768;
  } catch {
    return 32_768;
  }
}

const LOWEST_PORT = 10_000;

/** A loopback port nobody listens on right now, outside the range outgoing connections use. */
export async function freePort(): Promise<number> {
  const end = ephemeralPortsStart();
  for (;;) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (end - LOWEST_PORT));
    if ((await tryPort(port)) !== null) return port;
  }
}

/** The first of `count` consecutive free loopback ports (the federation: gateway + subgraphs). */
export async function freePortRange(count: number): Promise<number> {
  for (;;) {
    const first = await freePort();
    if (first + count > ephemeralPortsStart()) continue;
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
