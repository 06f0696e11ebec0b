// API keys for partner portals: created, listed and revoked by an admin (`pnpm citynet keys`),
// kept only as a SHA-256 hash; the secret is printed once, at creation.
import { createHash, randomBytes } from "node:crypto";
import { Prisma, type PrismaClient, type Role } from "../generated/prisma/index.js";
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

/**
 * The live key with this secret and what it grants, noting its use. Looked up on every request
 * a portal sends, so through node-postgres (`read`): Prisma's client took a millisecond more.
 */
export async function findApiKey(
  prisma: PrismaClient,
  read: Context["read"],
  secret: string,
): Promise<{ id: number; name: string; grant: Grant } | null> {
  const [key] = await read<LiveKeyRow>(Prisma.sql`
    SELECT id, name, role, "townId", "networkId", "programmeId", "organisationId", "lastUsedAt"
      FROM "ApiKey" WHERE hash = ${hashOf(secret)} AND "revokedAt" IS NULL`);
  if (!key) return null;
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS)
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  const grant: Grant = { role: key.role };
  for (const field of ["townId", "networkId", "programmeId", "organisationId"] as const)
    if (key[field] !== null) grant[field] = key[field];
  return { id: key.id, name: key.name, grant };
}
