// Free loopback ports for the servers CityNet starts itself (the embedded PostgreSQL) and for
// the servers tests and the benchmark start.
import { readFileSync } from "node:fs";
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

/**
 * Where the kernel takes local ports for outgoing connections. A server port picked there (as
 * port 0 picks) can be taken by one, a database connection say, before the server binds it:
 * EADDRINUSE. Ports are picked below it.
 */
function ephemeralPortsStart(): number {
  try {
    return Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]) || 32_768;
  } catch {
    return 32_768;
  }
}

const LOWEST_PORT = 10_000;

/**
 * Whether fetch() (and a browser) will connect to a port: the Fetch standard's "bad ports" are
 * refused ("bad port"), and 10080 is the only one from LOWEST_PORT up.
 */
export const fetchable = (port: number) => port !== 10_080;

/**
 * A loopback port nobody listens on right now, outside the range outgoing connections use, that
 * fetch() connects to: servers picked here are called over HTTP.
 */
export async function freePort(): Promise<number> {
  const end = ephemeralPortsStart();
  for (;;) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (end - LOWEST_PORT));
    if (fetchable(port) && (await tryPort(port)) !== null) return port;
  }
}

/** The first of `count` consecutive free loopback ports (the federation: gateway + subgraphs). */
export async function freePortRange(count: number): Promise<number> {
  for (;;) {
    const first = await freePort();
    if (first + count > ephemeralPortsStart()) continue;
    let all = true;
    for (let port = first + 1; port < first + count && all; port++)
      all = fetchable(port) && (await tryPort(port)) !== null;
    if (all) return first;
  }
}
