// The fallback for machines without a running PostgreSQL: a cluster of our own, started
// on a free loopback port and removed afterwards.
import { existsSync } from "node:fs";
import pg from "pg";
import { expect, it } from "vitest";
import { startThrowawayCluster } from "../support/postgres.js";

it.runIf(existsSync("/usr/lib/postgresql") || process.env.CI === "true")(
  "initialises, serves and removes a throwaway PostgreSQL cluster",
  async () => {
    const server = await startThrowawayCluster();
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    const { rows } = await client.query("SHOW listen_addresses");
    await client.end();
    expect(rows[0].listen_addresses).toBe("127.0.0.1");
    await server.stop();
    await expect(
      new pg.Client({ connectionString: server.adminUrl, connectionTimeoutMillis: 1000 }).connect(),
    ).rejects.toThrow();
  },
  60_000,
);
