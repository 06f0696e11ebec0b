import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// Node loads graphql's CommonJS build for Pothos and yoga; Vite would pick the ESM build for
// our sources. Two copies break graphql's instanceof checks, so everyone gets the one Node uses.
const graphqlEntry = createRequire(import.meta.url).resolve("graphql");

const databaseLeg = (name: "embedded" | "postgres") => ({
  extends: true as const,
  test: {
    name,
    include: ["test/db/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
  },
});

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    // Every query the suite sends also checks the plan cache against Prisma's own compilation.
    env: { CITYNET_PLAN_CACHE_VERIFY: "true" },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      // Whole processes: the server starting, killing and recovering its embedded PostgreSQL.
      { extends: true, test: { name: "system", include: ["test/system/**/*.test.ts"] } },
      databaseLeg("embedded"),
      databaseLeg("postgres"),
    ],
  },
});
