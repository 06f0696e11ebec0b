// `pnpm citynet keys create|list|revoke`: API keys for partner portals, on the configured
// database (DATABASE_URL, else the embedded PostgreSQL in CITYNET_DATA_DIR).
import { parseArgs } from "node:util";
import { ApiKeyError, createApiKey, listApiKeys, revokeApiKey } from "../auth/api-keys.js";
import { configFromEnv } from "../config.js";
import type { Role } from "../generated/prisma/index.js";
import { openMigratedDatabase } from "../startup.js";

const USAGE = `usage:
  pnpm citynet keys create --name "Opava web" --role TOWN_EDITOR --town opava
  pnpm citynet keys create --name "Eurotowns portal" --role NETWORK_SECRETARIAT --network eurotowns
  pnpm citynet keys create --name "Operations" --role ADMIN
  pnpm citynet keys list
  pnpm citynet keys revoke <id>
roles: TOWN_EDITOR (--town), NETWORK_SECRETARIAT (--network), PROGRAMME_EDITOR (--programme),
       PUBLISHER (--organisation), ADMIN`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string" },
    role: { type: "string" },
    town: { type: "string" },
    network: { type: "string" },
    programme: { type: "string" },
    organisation: { type: "string" },
  },
});

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const [group, command, argument] = positionals;
if (group !== "keys" || !["create", "list", "revoke"].includes(command ?? "")) fail("unknown command");

// Quiet: the key is what a script reads from stdout.
const db = await openMigratedDatabase(configFromEnv(), { quiet: true, attach: true });
try {
  if (command === "create") {
    if (!values.name) fail("--name is required");
    const role = values.role as Role | undefined;
    if (!role || !["TOWN_EDITOR", "NETWORK_SECRETARIAT", "PROGRAMME_EDITOR", "PUBLISHER", "ADMIN"].includes(role))
      fail("--role is required: one of the roles below");
    const scope = values.town ?? values.network ?? values.programme ?? values.organisation;
    const key = await createApiKey(db.prisma, { name: values.name, role, scope });
    console.error(`citynet: created key ${key.id} (${role}${scope ? ` for ${scope}` : ""}); it is shown only now:`);
    console.log(key.secret);
  } else if (command === "list") {
    for (const key of await listApiKeys(db.prisma)) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active";
      const used = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : "never used";
      console.log(
        `${key.id}\t${key.prefix}…\t${key.name}\t${key.role}${key.scope ? `:${key.scope}` : ""}\t${state}\t${used}`,
      );
    }
  } else {
    const id = Number(argument);
    if (!Number.isSafeInteger(id)) fail("revoke takes a key id (see keys list)");
    if (!(await revokeApiKey(db.prisma, id))) fail(`no active key ${id}`);
    console.log(`revoked key ${id}`);
  }
} catch (error) {
  if (error instanceof ApiKeyError) fail(error.message);
  throw error;
} finally {
  await db.close();
}
