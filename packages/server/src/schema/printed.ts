// The served schema as the repository's schema.graphql holds it (printed by `pnpm schema:print`,
// checked for drift by the suite).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printSchema } from "graphql";
import { sortedSchema } from "./index.js";

export const SCHEMA_FILE = path.resolve(fileURLToPath(import.meta.url), "../../../../../schema.graphql");

export function printedSchema(): string {
  return `${printSchema(sortedSchema)}\n`;
}
