// Who is calling: an API key (a partner portal, `Authorization: Bearer cnk_…`) or a bearer JWT
// from an OpenID Connect provider, verified against the configured issuer's JWKS. Either way
// the caller is an Actor holding grants: a role, and the town (or network, programme,
// organisation) it acts for. No Authorization header: anonymous, public data only.
import { readFileSync } from "node:fs";
import { GraphQLError } from "graphql";
import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { AuthConfig } from "../config.js";
import type { PrismaClient, Role } from "../generated/prisma/index.js";
import { ErrorCode } from "../schema/common/errors.js";
import type { Context } from "../schema/context.js";
import { API_KEY_PREFIX, apiKeysOf } from "./api-keys.js";

export interface Grant {
  role: Role;
  /** The town a TOWN_EDITOR edits. */
  townId?: number;
  networkId?: number;
  programmeId?: number;
  organisationId?: number;
}

export interface Actor {
  /** Stable id for the audit log and idempotency keys: "api-key:<id>" or "token:<issuer>#<subject>". */
  id: string;
  /** The key's name, or the token's name claim (else its subject). */
  name: string;
  grants: Grant[];
  /**
   * The API key's id while its liveness is only remembered from an earlier request (api-keys.ts):
   * the request confirms it (Callers.confirm) before it reads or writes as the key, or writes in
   * a statement that checks the key itself (contributions/write.ts).
   */
  unconfirmedKey?: number;
}

export function unauthenticated(message = "Sign in (a bearer token or an API key) to do this"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

export function forbidden(message = "Your role does not allow this"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

const ROLES = new Set<string>(["TOWN_EDITOR", "NETWORK_SECRETARIAT", "PROGRAMME_EDITOR", "PUBLISHER", "ADMIN"]);

/** Who calls: the caller of a request, and the confirmation of a remembered API key. */
export interface Callers {
  /** The caller from a request's Authorization header; throws UNAUTHENTICATED for a bad one. */
  identify(authorization: string | null): Promise<Actor | null>;
  /** Confirms the caller's remembered API key (no-op otherwise); UNAUTHENTICATED if it was revoked since. */
  confirm(actor: Actor | null): Promise<void>;
}

/** The refusal of a key that is unknown, or revoked since a server remembered it. */
export const revokedKey = () => unauthenticated("Unknown or revoked API key");

export function createCallers(prisma: PrismaClient, read: Context["read"], config: AuthConfig): Callers {
  const keySet = jwksOf(config);
  const keys = apiKeysOf(read);
  const identify: Callers["identify"] = async (authorization) => {
    if (!authorization) return null;
    const [scheme, credential] = authorization.split(" ", 2);
    if (scheme?.toLowerCase() !== "bearer" || !credential)
      throw unauthenticated("Authorization must be 'Bearer <token or API key>'");
    if (credential.startsWith(API_KEY_PREFIX)) {
      const found = await keys.find(credential);
      if (!found) throw revokedKey();
      const { key, confirmed } = found;
      return {
        id: `api-key:${key.id}`,
        name: key.name,
        grants: [key.grant],
        ...(confirmed ? {} : { unconfirmedKey: key.id }),
      };
    }
    if (!keySet || !config.jwtIssuer)
      throw unauthenticated("This server accepts no bearer tokens (no issuer configured)");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(credential, keySet, { issuer: config.jwtIssuer, audience: config.jwtAudience }));
    } catch (error) {
      throw unauthenticated(`Invalid bearer token: ${(error as Error).message}`);
    }
    const subject = String(payload.sub ?? "");
    if (!subject) throw unauthenticated("Invalid bearer token: no subject");
    return {
      id: `token:${config.jwtIssuer}#${subject}`,
      name: typeof payload.name === "string" ? payload.name : subject,
      grants: await grantsFromClaim(prisma, payload[config.rolesClaim]),
    };
  };
  return {
    identify,
    async confirm(actor) {
      if (!actor?.unconfirmedKey) return;
      if (!(await keys.confirm(actor.unconfirmedKey))) throw revokedKey();
      actor.unconfirmedKey = undefined;
    },
  };
}

function jwksOf(config: AuthConfig): JWTVerifyGetKey | undefined {
  if (config.jwksFile) return createLocalJWKSet(JSON.parse(readFileSync(config.jwksFile, "utf8")));
  if (config.jwksUrl) return createRemoteJWKSet(new URL(config.jwksUrl));
  return undefined;
}

/**
 * The roles claim: a list of "ROLE" or "ROLE:slug" strings ("TOWN_EDITOR:opava",
 * "NETWORK_SECRETARIAT:eurotowns", "ADMIN"). Unknown roles and slugs grant nothing.
 */
async function grantsFromClaim(prisma: PrismaClient, claim: unknown): Promise<Grant[]> {
  const entries = (Array.isArray(claim) ? claim : typeof claim === "string" ? claim.split(" ") : []).map(String);
  const grants: Grant[] = [];
  for (const entry of entries) {
    const [role, slug] = entry.split(":", 2);
    if (!ROLES.has(role)) continue;
    const grant = await scopeOf(prisma, role as Role, slug);
    if (grant) grants.push(grant);
  }
  return grants;
}

/** A role and the record it acts for, by slug; null when the role needs a scope it lacks. */
export async function scopeOf(prisma: PrismaClient, role: Role, slug: string | undefined): Promise<Grant | null> {
  const bySlug = { where: { slug: slug ?? "" }, select: { id: true } } as const;
  switch (role) {
    case "ADMIN":
      return { role };
    case "TOWN_EDITOR": {
      const town = slug ? await prisma.town.findUnique(bySlug) : null;
      return town ? { role, townId: town.id } : null;
    }
    case "NETWORK_SECRETARIAT": {
      const network = slug ? await prisma.network.findUnique(bySlug) : null;
      return network ? { role, networkId: network.id } : null;
    }
    case "PROGRAMME_EDITOR": {
      const programme = slug ? await prisma.programme.findUnique(bySlug) : null;
      return programme ? { role, programmeId: programme.id } : null;
    }
    case "PUBLISHER": {
      const organisation = slug ? await prisma.organisation.findUnique(bySlug) : null;
      return organisation ? { role, organisationId: organisation.id } : null;
    }
  }
}

export const isAdmin = (actor: Actor | null | undefined) => Boolean(actor?.grants.some((g) => g.role === "ADMIN"));

/** Whether the actor holds this role for this record (town, network, programme, organisation), or is an ADMIN. */
const actsFor =
  (role: Role, scope: "townId" | "networkId" | "programmeId" | "organisationId") =>
  (actor: Actor | null | undefined, id: number) =>
    isAdmin(actor) || Boolean(actor?.grants.some((g) => g.role === role && g[scope] === id));

/** Whether the actor may edit for this town: its TOWN_EDITOR, or an ADMIN. */
export const editsTown = actsFor("TOWN_EDITOR", "townId");
/** Whether the actor may write for this network: its NETWORK_SECRETARIAT, or an ADMIN. */
export const editsNetwork = actsFor("NETWORK_SECRETARIAT", "networkId");
/** Whether the actor may write a programme's projects and calls: its PROGRAMME_EDITOR, or an ADMIN. */
export const editsProgramme = actsFor("PROGRAMME_EDITOR", "programmeId");
/** Whether the actor may publish an organisation's news and calls: its PUBLISHER, or an ADMIN. */
export const publishesFor = actsFor("PUBLISHER", "organisationId");
