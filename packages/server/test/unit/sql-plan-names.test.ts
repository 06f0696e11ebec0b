// The SQL planner (src/sql-plan/prisma-args.ts) writes Prisma's model and field names as table
// and column names, since the data model it reads has no database names: that holds only while
// schema.prisma maps none.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

it("schema.prisma maps no model or field to another database name", () => {
  const schema = readFileSync(new URL("../../../../prisma/schema.prisma", import.meta.url), "utf8");
  expect(schema.match(/@@?map\(/g)).toBeNull();
});
