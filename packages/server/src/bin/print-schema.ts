// Prints the served schema to the repository's schema.graphql (`pnpm schema:print`).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printSchema } from "graphql";
import { sortedSchema } from "./schema/index.js";

export const SCHEMA_FILE = path.resolve(fileURLToPath(import.meta.url), "../../../../schema.graphql");

export function printedSchema(): string {
  return `${printSchema(sortedSchema)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
