// The bench's reading of PostgreSQL's CPU (bench/process-usage.ts), against a real server: the
// writes' table says by it what a write costs PostgreSQL, so it must count a statement's CPU,
// also once the backend that ran it has exited.
import pg from "pg";
import { expect, inject, it } from "vitest";
import { databaseCpuMs } from "../../../../bench/process-usage.js";
import { describeDb } from "../support/harness.js";

/** A statement that keeps its backend busy for a few hundred ms of CPU. */
const BUSY = "SELECT count(*) FROM generate_series(1, 4000000)";

async function busyBackend(): Promise<void> {
  const client = new pg.Client({ connectionString: inject("postgresAdminUrl") });
  await client.connect();
  try {
    await client.query(BUSY);
  } finally {
    await client.end();
  }
}

describeDb("PostgreSQL's CPU as the bench reads it", () => {
  it("counts a statement's CPU after its backend has exited", async () => {
    const before = databaseCpuMs();
    await busyBackend();
    // The postmaster counts an exited backend's time once it has reaped it.
    await expect.poll(() => databaseCpuMs() - before, { timeout: 5_000 }).toBeGreaterThanOrEqual(100);
  });
});
