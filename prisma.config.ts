// Prisma CLI configuration. Runs on driver adapters only (no native engines can be fetched
// here): the same adapter choice as the server, so CLI commands hit the same database.
import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { createAdapterFactory } = await import("./packages/server/src/db/adapter.ts");
    return createAdapterFactory();
  },
});
