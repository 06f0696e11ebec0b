// Debian's Chromium for browser tests (never a downloaded browser). Installed with apt when
// missing and we are root; otherwise the browser tests are skipped loudly outside CI.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

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
