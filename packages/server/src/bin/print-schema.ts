// `pnpm schema:print`: writes the served schema to the repository's schema.graphql.
import { writeFileSync } from "node:fs";
import { printedSchema, SCHEMA_FILE } from "../schema/printed.js";

writeFileSync(SCHEMA_FILE, printedSchema());
console.log(`wrote ${SCHEMA_FILE}`);
