// The seed refuses facts whose quotes are not in their documents; migrations refuse edits.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { facts } from "../../../../prisma/seed/facts.js";
import { listMigrations } from "../../src/db/migrate.js";
import { foldDiacritics, slugify } from "../../src/lib/text.js";
import { SeedError, verifyQuotes } from "../../src/seed/seed.js";

it("accepts the curated facts: every quote is in its document", () => {
  expect(() => verifyQuotes(facts)).not.toThrow();
});

it("refuses a quote that its document does not contain", () => {
  const invented = {
    ...facts,
    towns: [{ ...facts.towns[0], cite: [{ doc: facts.documents[0].key, quote: "Síť má 35 členských měst" }] }],
  };
  expect(() => verifyQuotes(invented)).toThrow(SeedError);
});

it("checksums migrations the way Prisma does (sha256 of migration.sql)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  mkdirSync(path.join(dir, "20260101000000_a"));
  writeFileSync(path.join(dir, "20260101000000_a", "migration.sql"), "SELECT 1;");
  expect(listMigrations(dir)).toEqual([
    {
      name: "20260101000000_a",
      sql: "SELECT 1;",
      checksum: "17db4fd369edb9244b9f91d9aeed145c3d04ad8ba6e95d06247f07a63527d11a",
    },
  ]);
});

it("folds diacritics and makes slugs", () => {
  expect(foldDiacritics("Wołomin")).toBe("Wolomin");
  expect(foldDiacritics("Nyíregyháza")).toBe("Nyiregyhaza");
  expect(slugify("České Budějovice")).toBe("ceske-budejovice");
  expect(slugify("Sankt Pölten")).toBe("sankt-polten");
  expect(slugify("Ryazan’")).toBe("ryazan");
});
