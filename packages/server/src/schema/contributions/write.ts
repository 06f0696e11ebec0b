// Every write through the API goes through here: one transaction holding the change, the
// CONTRIBUTION citation naming who made it, and the audit entry; the version check of an
// update; the idempotency key of a create; and, once committed, the caches told.
import { randomUUID } from "node:crypto";
import type { Actor } from "../../auth/identity.js";
import type { Prisma, Role, SubjectType } from "../../generated/prisma/index.js";
import { badInput, conflict, notFound } from "../common/errors.js";
import type { LocalizedValue } from "../common/localized.js";
import type { Context } from "../context.js";

export type Tx = Prisma.TransactionClient;

/** A signed-in caller's write: who, in which role, acting for which town. */
export interface Writer {
  actor: Actor;
  role: Role;
  /** The town the write is made for (its editor's scope), if any. */
  townId?: number;
  /** For the audit log: "town:opava". */
  scope: string;
}

/** What a contributor gives as the source of a fact: a URL and/or the words it rests on. */
export interface CitationInput {
  url?: string | null;
  quote?: string | null;
}

/** Runs `change` in one transaction and tells the caches once it has committed. */
export async function write<T>(ctx: Context, change: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await ctx.prisma.$transaction(change, { isolationLevel: "ReadCommitted", timeout: 15_000 });
  await ctx.committed();
  return result;
}

/** The caller as the writer of a change for `townId`: its TOWN_EDITOR grant, else ADMIN. */
export function writerFor(ctx: Context, town: { id: number; slug: string }): Writer {
  const actor = ctx.actor!; // the mutation's auth scopes let only signed-in callers through
  const grant = actor.grants.find((g) => g.role === "TOWN_EDITOR" && g.townId === town.id);
  return { actor, role: grant ? "TOWN_EDITOR" : "ADMIN", townId: town.id, scope: `town:${town.slug}` };
}

/** What a write leaves beside the change: the facts it wrote, cited to the writer, and its audit entry. */
export interface WriteRecord {
  mutation: string;
  recordType: string;
  recordId: number;
  before: unknown;
  after: unknown;
  /** The facts written (none for private records: an interest, a private contact). */
  facts?: { subject: SubjectType; fields: string[]; citation?: CitationInput | null };
}

/** Cites the facts a write made (if any) to its writer, and appends its audit entry. */
export async function record(tx: Tx, ctx: Context, writer: Writer, entry: WriteRecord): Promise<void> {
  const { facts, ...audited } = entry;
  if (facts?.fields.length)
    await cite(tx, writer, { type: facts.subject, id: entry.recordId, fields: facts.fields }, facts.citation);
  await audit(tx, ctx, writer, audited);
}

/** The caller as the writer of a change for a network: its NETWORK_SECRETARIAT grant, else ADMIN. */
export function writerForNetwork(ctx: Context, network: { id: number; slug: string }): Writer {
  const actor = ctx.actor!; // the mutation's auth scopes let only signed-in callers through
  const grant = actor.grants.find((g) => g.role === "NETWORK_SECRETARIAT" && g.networkId === network.id);
  return { actor, role: grant ? "NETWORK_SECRETARIAT" : "ADMIN", scope: `network:${network.slug}` };
}

/**
 * Cites the writer as the source of `fields` of a record: a CONTRIBUTION source naming who
 * wrote it for whom, and when. A document's citations are never touched.
 */
async function cite(
  tx: Tx,
  writer: Writer,
  subject: { type: SubjectType; id: number; fields: string[] },
  citation: CitationInput | null | undefined,
): Promise<void> {
  const source = await tx.source.create({
    data: {
      key: `contribution:${randomUUID()}`,
      kind: "CONTRIBUTION",
      title: `Contributed by ${writer.actor.name} (${writer.role}, ${writer.scope})`,
      url: citation?.url ?? null,
      contribution: {
        create: {
          actor: writer.actor.id,
          actorName: writer.actor.name,
          role: writer.role,
          actingForTownId: writer.townId,
        },
      },
    },
    select: { id: true },
  });
  await tx.citation.create({
    data: {
      sourceId: source.id,
      subjectType: subject.type,
      subjectId: subject.id,
      field: subject.fields.join(", "),
      quote: citation?.quote ?? "",
    },
  });
}

async function audit(
  tx: Tx,
  ctx: Context,
  writer: Writer,
  entry: { mutation: string; recordType: string; recordId: number; before: unknown; after: unknown },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actor: writer.actor.id,
      actorName: writer.actor.name,
      role: writer.role,
      scope: writer.scope,
      mutation: entry.mutation,
      recordType: entry.recordType,
      recordId: entry.recordId,
      before: (entry.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (entry.after ?? undefined) as Prisma.InputJsonValue | undefined,
      requestId: ctx.requestId,
    },
  });
}

/**
 * Locks a versioned row for the rest of the transaction and checks the version the caller
 * read: CONFLICT (with the current version) when another write came first.
 */
export async function lockVersion(
  tx: Tx,
  table: "PartnerSearch" | "PartnerSearchInterest" | "Twinning" | "Town" | "Membership",
  id: number,
  expectedVersion: number,
  label: string,
  column: "version" | "profileVersion" = "version",
): Promise<void> {
  const rows = await tx.$queryRawUnsafe<{ version: number }[]>(
    `SELECT "${column}" AS version FROM "${table}" WHERE id = $1 FOR UPDATE`,
    id,
  );
  if (!rows.length) throw notFound(label, `id ${id}`);
  if (rows[0].version !== expectedVersion) throw conflict(label, expectedVersion, rows[0].version);
}

/** A versioned record, and how the audit log sees it. */
export interface VersionedRecord<Snapshot> {
  table: Parameters<typeof lockVersion>[1];
  id: number;
  expectedVersion: number;
  /** The record's name in a CONFLICT message ("partner search"). */
  label: string;
  /** The version column, when the record's is not `version` (a town's profileVersion). */
  column?: "version" | "profileVersion";
  mutation: string;
  recordType: string;
  /** The record as the audit log keeps it, before and after. */
  snapshot: (tx: Tx, id: number) => Promise<Snapshot>;
}

/**
 * An update as every mutation of a versioned record makes it, in one transaction: lock the row
 * and check the version (CONFLICT when stale), read it, `change` it, then cite the facts the
 * change returns (none for a private record) and audit it before and after.
 */
export async function updateVersioned<Snapshot>(
  ctx: Context,
  writer: Writer,
  target: VersionedRecord<Snapshot>,
  change: (tx: Tx, before: Snapshot) => Promise<WriteRecord["facts"]>,
): Promise<void> {
  await write(ctx, async (tx) => {
    await lockVersion(tx, target.table, target.id, target.expectedVersion, target.label, target.column);
    const before = await target.snapshot(tx, target.id);
    const facts = await change(tx, before);
    await record(tx, ctx, writer, {
      facts,
      mutation: target.mutation,
      recordType: target.recordType,
      recordId: target.id,
      before,
      after: await target.snapshot(tx, target.id),
    });
  });
}

/**
 * Runs a create once per caller and idempotency key: a retry answers with the record the first
 * one made. The key is claimed first, so a concurrent retry waits for the first to commit.
 */
export async function once(
  tx: Tx,
  actor: Actor,
  key: string | null | undefined,
  operation: { mutation: string; recordType: string },
  create: () => Promise<number>,
): Promise<number> {
  if (!key) return create();
  const claimed = await tx.$executeRaw`
    INSERT INTO "IdempotencyKey" (actor, key, mutation, "recordType", "recordId")
    VALUES (${actor.id}, ${key}, ${operation.mutation}, ${operation.recordType}, 0) ON CONFLICT DO NOTHING`;
  if (!claimed) {
    const first = await tx.idempotencyKey.findUniqueOrThrow({ where: { actor_key: { actor: actor.id, key } } });
    if (first.mutation !== operation.mutation)
      throw badInput(`The idempotency key was used for ${first.mutation} already`, "input.idempotencyKey");
    return first.recordId;
  }
  const id = await create();
  await tx.idempotencyKey.update({ where: { actor_key: { actor: actor.id, key } }, data: { recordId: id } });
  return id;
}

// Input checks. Each names the offending field's path, and runs before anything is written.

const LANG = /^[a-z]{2}$/;

/** A multilingual text as given: one or more languages, the first one the original wording. */
export function checkTexts(
  texts: readonly { lang: string; text: string }[],
  path: string,
  maxLength: number,
): LocalizedValue[] {
  if (!texts.length) throw badInput("Give the text in at least one language", path);
  const seen = new Set<string>();
  return texts.map((entry, i) => {
    if (!LANG.test(entry.lang))
      throw badInput(`lang must be an ISO 639-1 code such as "en" or "cs"`, `${path}.${i}.lang`);
    if (seen.has(entry.lang)) throw badInput(`${entry.lang} is given twice`, `${path}.${i}.lang`);
    seen.add(entry.lang);
    const text = entry.text.trim();
    if (!text || text.length > maxLength)
      throw badInput(`The text must have 1 to ${maxLength} characters`, `${path}.${i}.text`);
    return { lang: entry.lang, text, ...(i === 0 ? { original: true } : {}) };
  });
}

export function checkLength(value: string | null | undefined, path: string, max: number): void {
  if (value != null && value.length > max) throw badInput(`At most ${max} characters`, path);
}

export function checkCitation(citation: CitationInput | null | undefined, path: string): void {
  if (!citation) return;
  checkLength(citation.quote, `${path}.quote`, 2000);
  checkLength(citation.url, `${path}.url`, 2000);
  if (citation.url && !/^https?:\/\/\S+$/.test(citation.url))
    throw badInput("The URL must start with http:// or https://", `${path}.url`);
}
