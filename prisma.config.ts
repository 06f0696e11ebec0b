// Prisma CLI configuration. Runs on driver adapters only (no native engines can be fetched
// here); commands that use a database go to DATABASE_URL (packages/server/src/db/cli-adapter.ts).
import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { cliAdapter } = await import("./packages/server/src/db/cli-adapter.ts");
    return cliAdapter();
  },
});
