// The Prisma CLI's adapter (prisma.config.ts): commands that need a database use DATABASE_URL.
// The server applies the committed migrations itself; new ones are written against a real server.
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseConfigFromEnv } from "../config.js";

export function cliAdapter(): PrismaPg {
  const { url } = databaseConfigFromEnv();
  if (!url) throw new Error("set DATABASE_URL to a PostgreSQL server for Prisma CLI commands that use a database");
  return new PrismaPg({ connectionString: url });
}
