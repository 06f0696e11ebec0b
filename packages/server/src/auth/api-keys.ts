// API keys for partner portals: created, listed and revoked by an admin (`pnpm citynet keys`),
// kept only as a SHA-256 hash; the secret is printed once, at creation.
import { createHash, randomBytes } from "node:crypto";
import { Prisma, type PrismaClient, type Role } from "../generated/prisma/index.js";
import { BoundedMap } from "../lib/bounded-map.js";
import type { Context } from "../schema/context.js";
import { type Grant, scopeOf } from "./identity.js";

/** Every key starts so, which tells it from a JWT in the same Authorization header. */
export const API_KEY_PREFIX = "cnk_";

const hashOf = (secret: string) => createHash("sha256").update(secret).digest("hex");

export class ApiKeyError extends Error {}

export interface CreatedKey {
  id: number;
  /** The key itself: shown once, never stored. */
  secret: string;
}

/** Creates a key acting as `role` for the record `scope` names (a slug; none for ADMIN). */
export async function createApiKey(
  prisma: PrismaClient,
  options: { name: string; role: Role; scope?: string },
): Promise<CreatedKey> {
  const grant = await scopeOf(prisma, options.role, options.scope);
  if (!grant)
    throw new ApiKeyError(
      `${options.role} needs the slug of what it acts for, and '${options.scope ?? ""}' names nothing`,
    );
  const secret = `${API_KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  const { role, ...scope } = grant;
  const key = await prisma.apiKey.create({
    data: { name: options.name, hash: hashOf(secret), prefix: secret.slice(0, 10), role, ...scope },
    select: { id: true },
  });
  return { id: key.id, secret };
}

export interface ListedKey {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  scope: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listApiKeys(prisma: PrismaClient): Promise<ListedKey[]> {
  const keys = await prisma.apiKey.findMany({
    orderBy: { id: "asc" },
    include: { town: true, network: true, programme: true, organisation: true },
  });
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    role: k.role,
    scope: k.town?.slug ?? k.network?.slug ?? k.programme?.slug ?? k.organisation?.slug ?? null,
    createdAt: k.createdAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
  }));
}

export async function revokeApiKey(prisma: PrismaClient, id: number): Promise<boolean> {
  const { count } = await prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

/** Recording every use would write on every request: a key's last use is kept to the minute. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Keys a server remembers at most: far more than it has portals. */
const REMEMBERED_KEYS = 10_000;

/** A key as a server saw it live: what it grants never changes, only whether it is revoked. */
export interface KnownKey {
  id: number;
  name: string;
  grant: Grant;
  /** When this server last recorded the key's use. */
  lastUsedAt: number;
}

interface LiveKeyRow {
  id: number;
  name: string;
  role: Role;
  townId: number | null;
  networkId: number | null;
  programmeId: number | null;
  organisationId: number | null;
  lastUsedAt: Date | null;
}

/** The API keys as one server knows them. */
export interface ApiKeys {
  /**
   * The live key with this secret, noting its use: read from the database, or remembered from
   * an earlier request, when `confirmed` is false and the request must confirm it (confirm, or
   * a write's statement) before it acts as it. A key is only ever revoked, and then forgotten.
   */
  find(secret: string): Promise<{ key: KnownKey; confirmed: boolean } | null>;
  /** Whether key `id` is live now; a revoked key is forgotten. */
  confirm(id: number): Promise<boolean>;
}

/**
 * The keys of a server's database (`read`: a portal sends a key with every request, and
 * Prisma's client took a millisecond more). Keys seen live are remembered, so a portal's write
 * need not spend a round trip on its key: the write's statement checks it (contributions/write.ts).
 */
export function apiKeysOf(read: Context["read"]): ApiKeys {
  const known = new BoundedMap<string, KnownKey>(REMEMBERED_KEYS);
  const forget = (id: number) => {
    for (const [hash, key] of known) if (key.id === id) known.delete(hash);
  };
  return {
    async find(secret) {
      const hash = hashOf(secret);
      const remembered = known.get(hash);
      if (remembered && Date.now() - remembered.lastUsedAt <= LAST_USED_RESOLUTION_MS)
        return { key: remembered, confirmed: false };
      const [row] = await read<LiveKeyRow>(Prisma.sql`
        SELECT id, name, role, "townId", "networkId", "programmeId", "organisationId", "lastUsedAt"
          FROM "ApiKey" WHERE hash = ${hash} AND "revokedAt" IS NULL`);
      if (!row) {
        known.delete(hash);
        return null;
      }
      let lastUsedAt = row.lastUsedAt?.getTime() ?? 0;
      if (Date.now() - lastUsedAt > LAST_USED_RESOLUTION_MS) {
        lastUsedAt = Date.now();
        await read(
          Prisma.sql`UPDATE "ApiKey" SET "lastUsedAt" = ${new Date(lastUsedAt).toISOString()}::timestamptz WHERE id = ${row.id}`,
        );
      }
      const grant: Grant = { role: row.role };
      for (const field of ["townId", "networkId", "programmeId", "organisationId"] as const)
        if (row[field] !== null) grant[field] = row[field];
      const key = { id: row.id, name: row.name, grant, lastUsedAt };
      known.set(hash, key);
      return { key, confirmed: true };
    },
    async confirm(id) {
      const live = await read(Prisma.sql`SELECT FROM "ApiKey" WHERE id = ${id} AND "revokedAt" IS NULL`);
      if (!live.length) forget(id);
      return live.length > 0;
    },
  };
}
