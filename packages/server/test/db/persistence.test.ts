// A restart keeps the data: the same database is reused, migrations are not re-run and the
// seed is not loaded twice.

import { appendFileSync, cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { listMigrations, MIGRATIONS_DIR, MigrationError, migrate } from "../../src/db/migrate.js";
import { seedIfEmpty } from "../../src/seed/seed.js";
import { copyTemplate, describeDb } from "../support/harness.js";

describeDb("restart", () => {
  let copy: Awaited<ReturnType<typeof copyTemplate>>;
  beforeAll(async () => {
    copy = await copyTemplate();
  });
  afterAll(() => copy?.remove());

  it("reopens the same database with its data and neither migrates nor seeds again", async () => {
    const first = await openDatabase(copy.target);
    const before = { towns: await first.prisma.town.count(), citations: await first.prisma.citation.count() };
    await first.prisma.partnerSearch.update({
      where: { slug: "wolomin-2019-partner-town" },
      data: { status: "CLOSED" },
    });
    await first.close();

    const second = await openDatabase(copy.target);
    expect(await migrate(second)).toEqual([]);
    expect(await seedIfEmpty(second)).toBe(false);
    expect({ towns: await second.prisma.town.count(), citations: await second.prisma.citation.count() }).toEqual(
      before,
    );
    expect(
      (await second.prisma.partnerSearch.findUniqueOrThrow({ where: { slug: "wolomin-2019-partner-town" } })).status,
    ).toBe("CLOSED");
    await second.close();
  });

  it("refuses to start on a migration that was edited after it was applied", async () => {
    const edited = mkdtempSync(path.join(tmpdir(), "migrations-"));
    cpSync(MIGRATIONS_DIR, edited, { recursive: true });
    const [first] = listMigrations(edited);
    appendFileSync(path.join(edited, first.name, "migration.sql"), "\n-- edited\n");
    const db = await openDatabase(copy.target);
    await expect(migrate(db, edited)).rejects.toThrow(MigrationError);
    await db.close();
  });
});
