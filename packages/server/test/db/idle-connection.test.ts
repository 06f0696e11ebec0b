// A PostgreSQL connection that dies while idle (server restart, terminated backend) must not
// take the process down; the pool replaces it and the next query works.

import pg from "pg";
import { expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { copyTemplate, describeDb } from "../support/harness.js";

describeDb("idle connection failures", () => {
  it("survives a terminated idle connection", async () => {
    const copy = await copyTemplate();
    const failures: Error[] = [];
    const db = await openDatabase(copy.target, { onIdleError: (error) => failures.push(error) });
    expect(await db.prisma.town.count()).toBe(33);
    const admin = new pg.Client({ connectionString: copy.target.url });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(failures.length).toBeGreaterThan(0);
    expect(await db.prisma.town.count()).toBe(33);
    await db.close();
    await copy.remove();
  });
});
