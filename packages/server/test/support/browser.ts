// Debian's Chromium for browser tests (never a downloaded browser). Installed with apt when
// missing and we are root; otherwise the browser tests are skipped loudly outside CI.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function ensureChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  try {
    if (process.getuid?.() !== 0) throw new Error("Chromium is not installed and installing it needs root");
    execFileSync("apt-get", ["update"], { stdio: "ignore" });
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
      stdio: "ignore",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    return existsSync(CHROMIUM);
  } catch (error) {
    if (process.env.CI === "true") throw error;
    console.warn(
      `\n${"!".repeat(78)}\n! SKIPPING browser tests: no ${CHROMIUM} (${String(error)})\n${"!".repeat(78)}\n`,
    );
    return false;
  }
}

const CONTENT_TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

/** Serves a built site's folder on loopback (index.html for "/"), as a static host would. */
export async function serveStatic(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const file = path.join(root, new URL(req.url ?? "/", "http://x").pathname.replace(/\/$/, "/index.html"));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}
