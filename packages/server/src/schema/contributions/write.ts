// Every write through the API goes through here: one transaction holding the change, the
// CONTRIBUTION citation naming who made it, the audit entry and the webhook deliveries it owes;
// the version check of an update; the idempotency key of a create; and, once committed, the
// caches told and the subscribers.
import { randomUUID } from "node:crypto";
import { type Actor, forbidden, type Grant, revokedKey } from "../../auth/identity.js";
import { Prisma, type Role, type SubjectType } from "../../generated/prisma/index.js";
import { getOrCreate } from "../../lib/get-or-create.js";
import { kindsOf } from "../../live/kinds.js";
import type { LiveEvent } from "../../live/pubsub.js";
import { deliveriesOwed } from "../../live/webhooks.js";
import { quoteIdent } from "../../sql-plan/prisma-args.js";
import { alertsRaised } from "../alerts/raise.js";
import { badInput, changedMeanwhile, conflict, notFound } from "../common/errors.js";
import type { LocalizedValue } from "../common/localized.js";
import { reviveRow } from "../common/mixed-records.js";
import type { Context } from "../context.js";
import { forgetOwner, forgetSlug, MAX_CITATION, type Owner } from "./inputs.js";

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

/** Runs hand-written statements of a write's transaction: node-postgres's, or Prisma's (statementsOf). */
export type RunSql = Context["read"];

/** A Prisma transaction's raw statements, as a RunSql. */
export const statementsOf =
  (tx: Tx): RunSql =>
  <Row>(sql: Prisma.Sql) =>
    tx.$queryRaw<Row[]>(sql);

/**
 * Runs a write's transaction; once it has committed, tells the caches and announces the records
 * it wrote to subscribers (a write that rolls back announces nothing).
 */
async function announced<T>(ctx: Context, transaction: () => Promise<T>): Promise<T> {
  const written: LiveEvent[] = [];
  ctx.writing = written;
  try {
    const result = await transaction();
    await ctx.committed();
    ctx.live.publish(written);
    return result;
  } finally {
    ctx.writing = undefined;
  }
}

/** Runs `change` in one Prisma transaction, announced once it commits. */
export function write<T>(ctx: Context, change: (tx: Tx) => Promise<T>): Promise<T> {
  // Read committed, the API's connections' default (db/database.ts): naming it would cost a statement.
  return announced(ctx, () => ctx.prisma.$transaction(change, { timeout: 15_000 }));
}

/**
 * The caller as the writer of a change for a scope: in the first of `roles` it holds a grant
 * for (`holds` tells), else as the ADMIN the mutation's auth scopes then know it to be.
 */
function writerAs(
  ctx: Context,
  scope: string,
  holds: (grant: Grant) => boolean,
  roles: Role[],
  townId?: number,
): Writer {
  const actor = ctx.actor!; // the mutation's auth scopes let only signed-in callers through
  const role = roles.find((role) => actor.grants.some((grant) => grant.role === role && holds(grant)));
  return { actor, role: role ?? "ADMIN", townId, scope };
}

/** The writer of a change only admins may make (a record of no town, network or organisation). */
export const adminWriter = (ctx: Context) => writerAs(ctx, "all", () => false, []);

/** The writer of a change for a town: its TOWN_EDITOR, else an ADMIN. */
export const writerFor = (ctx: Context, town: { id: number; slug: string }) =>
  writerAs(ctx, `town:${town.slug}`, (g) => g.townId === town.id, ["TOWN_EDITOR"], town.id);

/** The writer of a change for a network: its NETWORK_SECRETARIAT, else an ADMIN. */
export const writerForNetwork = (ctx: Context, network: { id: number; slug: string }) =>
  writerAs(ctx, `network:${network.slug}`, (g) => g.networkId === network.id, ["NETWORK_SECRETARIAT"]);

/** The writer of a change for a programme: its PROGRAMME_EDITOR, else an ADMIN. */
export const writerForProgramme = (ctx: Context, programme: { id: number; slug: string }) =>
  writerAs(ctx, `programme:${programme.slug}`, (g) => g.programmeId === programme.id, ["PROGRAMME_EDITOR"]);

/** The writer of a change for an organisation: its PUBLISHER, else an ADMIN. */
export const writerForPublisher = (ctx: Context, organisation: { id: number; slug: string }) =>
  writerAs(ctx, `organisation:${organisation.slug}`, (g) => g.organisationId === organisation.id, ["PUBLISHER"]);

/** Facts a write made, cited together to one contribution source. */
export interface Facts {
  subject: SubjectType;
  fields: string[];
  citation?: CitationInput | null;
  /** The contribution source to cite, when the record made its own (a news item's). */
  source?: number;
  /** The row the facts are about, when not the record written (a project's new partner). */
  subjectId?: number;
}

/** What a write leaves beside the change: the facts it wrote, cited to the writer, and its audit entry. */
export interface WriteRecord {
  mutation: string;
  recordType: string;
  recordId: number;
  before: unknown;
  after: unknown;
  /** The facts written (none for private records: an interest, a private contact). */
  facts?: Facts | Facts[];
}

/**
 * Cites the facts a write made (if any) to its writer, one source for all, appends its audit
 * entry, and queues the webhook deliveries and raises the alerts it owes: one statement, as a
 * write's statements are most of its cost.
 */
export async function record(tx: Tx, ctx: Context, writer: Writer, entry: WriteRecord): Promise<void> {
  const { before, after, ...audited } = entry;
  await recordInStatement(statementsOf(tx), ctx, writer, audited, {
    ctes: Prisma.empty,
    before: Prisma.sql`${jsonText(before)}::jsonb`,
    after: Prisma.sql`${jsonText(after)}::jsonb`,
  });
}

/**
 * A change written by the same statement as its citations and audit entry: common table
 * expressions, each followed by a comma, among them `written` (the record's row after the
 * change, as `written_row`, or none when it was not written: then the statement writes
 * nothing else either), and the audit's view before and after as SQL over them.
 */
interface ChangeInStatement {
  ctes: Prisma.Sql;
  /** The record as `ctes` wrote it (alertsRaised), when they write it. */
  written?: Prisma.Sql;
  before: Prisma.Sql;
  after: Prisma.Sql;
  /** More of what the statement answers, as `, expression AS name`. */
  returning?: Prisma.Sql;
}

/** record(), with the change itself in the same statement when it is SQL (updateInStatement, createInStatement). */
async function recordInStatement<Answer extends object>(
  run: RunSql,
  ctx: Context,
  writer: Writer,
  { facts, ...audited }: Omit<WriteRecord, "before" | "after">,
  change: ChangeInStatement,
): Promise<Answer & { version: number | null }> {
  const event = { mutation: audited.mutation, recordType: audited.recordType, recordId: audited.recordId };
  const kinds = kindsOf({ ...event, version: null });
  const when = change.written ? Prisma.sql`EXISTS (SELECT FROM written)` : Prisma.sql`true`;
  const after = Prisma.sql`(SELECT after FROM audit)`;
  const delivered = deliveriesOwed(event, kinds, { version: Prisma.sql`(${after} -> 'version')`, written: when });
  const alerted = alertsRaised(event, kinds, { after, written: when, row: change.written });
  const owed = Prisma.sql`${delivered ? Prisma.sql`, delivered AS (${delivered})` : Prisma.empty}
    ${alerted ? Prisma.sql`, alerted AS (${alerted})` : Prisma.empty}`;
  // Times are the statement's (clock_timestamp()), not the transaction's start: an update may have
  // waited for another's row lock, and its entry follows that one's in time too.
  const [answer] = await run<Answer & { version: number | null }>(
    Prisma.sql`
    WITH ${change.ctes} ${citations(writer, audited.recordId, [facts ?? []].flat(), when)}
    audit AS (
      INSERT INTO "AuditEntry" (at, actor, "actorName", role, scope, mutation, "recordType", "recordId", before, after, "requestId")
      SELECT clock_timestamp(), ${writer.actor.id}, ${writer.actor.name}, ${writer.role}::text::"Role", ${writer.scope}, ${audited.mutation},
             ${audited.recordType}, ${audited.recordId}, ${change.before}, ${change.after}, ${ctx.requestId}
       WHERE ${when}
      RETURNING after) ${owed}
    SELECT (${after} ->> 'version')::int AS version ${change.returning ?? Prisma.empty}`,
  );
  ctx.writing?.push({ ...event, version: answer.version });
  return answer;
}

/** A snapshot as a JSON column's text; null stays SQL NULL. */
const jsonText = (value: unknown) => (value == null ? null : JSON.stringify(value));

/**
 * Common table expressions inserting the citations of `facts` (those naming fields): to the
 * source the first of them names, else to a new contribution source with its URL.
 */
function citations(writer: Writer, recordId: number, facts: Facts[], when: Prisma.Sql): Prisma.Sql {
  const cited = facts.filter((fact) => fact.fields.length);
  if (!cited.length) return Prisma.empty;
  const rows = cited.map((fact) => ({
    subjectType: fact.subject,
    subjectId: fact.subjectId ?? recordId,
    field: fact.fields.join(", "),
    quote: fact.citation?.quote ?? "",
  }));
  const given = cited[0].source;
  return Prisma.sql`${given === undefined ? Prisma.sql`${newContributionSource(writer, cited[0].citation, when)},` : Prisma.empty}
    citation AS (
      INSERT INTO "Citation" ("sourceId", "subjectType", "subjectId", field, quote)
      SELECT ${given === undefined ? Prisma.sql`(SELECT id FROM contribution_source)` : Prisma.sql`${given}::int`},
             c."subjectType"::"SubjectType", c."subjectId", c.field, c.quote
        FROM json_to_recordset(${JSON.stringify(rows)}::json) AS c("subjectType" text, "subjectId" int, field text, quote text)
       WHERE ${when}),`;
}

/**
 * Common table expressions inserting a CONTRIBUTION source naming who wrote for whom, and when,
 * with the URL the writer gives (`contribution_source`, returning its id): what the facts of a
 * write are cited to. A document's citations are never touched.
 */
function newContributionSource(
  writer: Writer,
  citation: CitationInput | null | undefined,
  when = Prisma.sql`true`,
): Prisma.Sql {
  return Prisma.sql`contribution_source AS (
      INSERT INTO "Source" (key, kind, title, url)
      SELECT ${`contribution:${randomUUID()}`}, 'CONTRIBUTION',
             ${`Contributed by ${writer.actor.name} (${writer.role}, ${writer.scope})`}, ${citation?.url ?? null}
       WHERE ${when}
      RETURNING id),
    contribution AS (
      INSERT INTO "Contribution" ("createdAt", "sourceId", actor, "actorName", role, "actingForTownId")
      SELECT clock_timestamp(), id, ${writer.actor.id}, ${writer.actor.name}, ${writer.role}::text::"Role", ${writer.townId ?? null}::int
        FROM contribution_source)`;
}

/** A new CONTRIBUTION source for a record that cites it itself (a news item), in one statement. */
export async function contributionSource(
  tx: Tx,
  writer: Writer,
  citation: CitationInput | null | undefined,
): Promise<number> {
  const [{ id }] = await tx.$queryRaw<{ id: number }[]>`
    WITH ${newContributionSource(writer, citation)} SELECT id FROM contribution_source`;
  return id;
}

/** The tables whose rows carry a version an update must name. */
export type VersionedTable =
  | "PartnerSearch"
  | "PartnerSearchInterest"
  | "Twinning"
  | "Town"
  | "Membership"
  | "Event"
  | "Project"
  | "FundingCall"
  | "NewsItem";

/**
 * Locks a versioned row for the rest of the transaction and checks the version the caller
 * read: CONFLICT (with the current version) when another write came first.
 */
export async function lockVersion(
  tx: Tx,
  table: VersionedTable,
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
  /** The record's table, which is its type's name in the audit log and announcements too. */
  table: VersionedTable;
  id: number;
  expectedVersion: number;
  /** The record's name in a CONFLICT message ("partner search"). */
  label: string;
  /** The version column, when the record's is not `version` (a town's profileVersion). */
  column?: "version" | "profileVersion";
  mutation: string;
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
      recordType: target.table,
      recordId: target.id,
      before,
      after: await target.snapshot(tx, target.id),
    });
  });
}

/**
 * A versioned record whose writes are each one statement, with their citations, audit entry,
 * deliveries and alerts (updateInStatement, createInStatement): its audit snapshot is a SQL
 * function of its row, so the statement that writes it reads it before and after too.
 */
export interface RecordInStatement {
  table: VersionedTable;
  /** The record's name in a CONFLICT message ("partner search"). */
  label: string;
  mutation: string;
  /** The record as the audit log keeps it, from its row (`locked_row`, `written_row`). */
  snapshot: (row: Prisma.Sql) => Prisma.Sql;
  /** The table's CHECK constraints a write may break, as the BAD_USER_INPUT each is (message, field). */
  checks?: Readonly<Record<string, readonly [message: string, field: string]>>;
  /**
   * The column naming the record's town: a TOWN_EDITOR's update is written only while it names
   * the writer's town, as the owner the auth scopes saw may be remembered (recordOwner).
   */
  townColumn?: string;
}

/**
 * What a write in one statement checks as it writes, each a boolean SQL expression: the change
 * is written only if both hold. `caller`: the writer's remembered API key is live (the request
 * spent no round trip on it, caller-confirmation.ts). `owner`: the record still belongs to the
 * town, network… the write was allowed for.
 */
interface Held {
  caller: Prisma.Sql;
  owner: Prisma.Sql;
}

/** The writer's key is live, when only remembered. */
const callerHeld = (writer: Writer) =>
  writer.actor.unconfirmedKey
    ? Prisma.sql`EXISTS (SELECT FROM "ApiKey" WHERE id = ${writer.actor.unconfirmedKey} AND "revokedAt" IS NULL)`
    : Prisma.sql`true`;

/** Common table expression `held` (Held's two answers), after any expression its owner check reads (`locked`). */
const heldCte = (held: Held) => Prisma.sql`held AS (SELECT ${held.caller} AS caller, ${held.owner} AS owner),`;
const HELD_ANSWER = Prisma.sql`, (SELECT caller FROM held) AS "callerHeld", (SELECT owner FROM held) AS "ownerHeld"`;
type HeldAnswer = { callerHeld: boolean; ownerHeld: boolean | null };

/**
 * After a write in one statement: UNAUTHENTICATED when the writer's remembered key was revoked
 * (the key is forgotten then), else the key is confirmed for the rest of the request.
 */
async function callerChecked(ctx: Context, writer: Writer, { callerHeld }: HeldAnswer): Promise<void> {
  if (callerHeld) {
    writer.actor.unconfirmedKey = undefined;
    return;
  }
  await ctx.confirmCaller();
  throw revokedKey();
}

/** A write's statement, its table's broken CHECK constraint answered as the bad input it is. */
async function checked<T>(target: RecordInStatement, statement: () => Promise<T>): Promise<T> {
  try {
    return await statement();
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    const broken = code === "23514" && constraint ? target.checks?.[constraint] : undefined;
    if (broken) throw badInput(...broken);
    throw error;
  }
}

/** What a write in one statement sets and writes beside the record. */
export interface ChangeOfRecord {
  /** Column values (bound as `bound` says). */
  columns: Record<string, unknown>;
  /**
   * Common table expressions, each followed by a comma, writing the record's relations from
   * `written` (whose `written_row` is the record's row); none when the record is not written.
   */
  relations?: Prisma.Sql;
  /**
   * The relations' part of the snapshot after, as they were written: the statement's own reads
   * see the relations as they were before it.
   */
  relationsAfter?: Prisma.Sql;
  facts: Facts;
}

/** The record's row after a write in one statement, as Prisma would return it (its JSON revived). */
export type WrittenRow = Record<string, unknown> & { id: number };

/**
 * A column's value as bound: a date as its UTC instant (node-postgres would write it in the
 * process's time zone, a day early west of UTC), other objects as JSON text.
 */
const bound = (value: unknown) =>
  value instanceof Date
    ? value.toISOString()
    : value !== null && typeof value === "object"
      ? JSON.stringify(value)
      : value;
/** A table or column named in a write's statement (the data model names them; none is input). */
const identifier = (name: string) => Prisma.raw(quoteIdent(name));
const columnList = (columns: Record<string, unknown>) => Prisma.join(Object.keys(columns).map(identifier));
const assignments = (columns: Record<string, unknown>) =>
  Object.entries(columns).map(([column, value]) => Prisma.sql`${identifier(column)} = ${bound(value)}`);

/** The record's row as a write in one statement wrote it (its `written` CTE). */
const WRITTEN_ROW = Prisma.sql`(SELECT (written_row).* FROM written)`;

/** The snapshot after a write in one statement: the written row's, with the relations it wrote. */
const snapshotAfter = (target: RecordInStatement, change: ChangeOfRecord) =>
  Prisma.sql`(SELECT ${target.snapshot(Prisma.raw("written_row"))} ${change.relationsAfter ? Prisma.sql`|| ${change.relationsAfter}` : Prisma.empty} FROM written)`;

/**
 * An update of a versioned record as one statement (atomic without a transaction of its own),
 * through node-postgres and prepared: lock the row and check the version, set the columns and
 * the next version, write the relations, audit the snapshots before and after, cite, deliver and
 * alert, announced once it commits. NOT_FOUND or CONFLICT (with the current version) as
 * updateVersioned, UNAUTHENTICATED or FORBIDDEN when what it checks (Held) no longer holds, and
 * then nothing is written.
 */
export async function updateInStatement(
  ctx: Context,
  writer: Writer,
  target: RecordInStatement & { id: number; expectedVersion: number },
  change: ChangeOfRecord,
): Promise<WrittenRow> {
  const table = identifier(target.table);
  const townChecked = target.townColumn && writer.role === "TOWN_EDITOR" && writer.townId !== undefined;
  const owner = townChecked
    ? Prisma.sql`(SELECT (locked_row).${identifier(target.townColumn!)} FROM locked) = ${writer.townId}`
    : Prisma.sql`true`;
  return announced(ctx, async () => {
    const answer = await checked(target, () =>
      recordInStatement<HeldAnswer & { current: number | null; row: WrittenRow | null }>(
        ctx.read,
        ctx,
        writer,
        { mutation: target.mutation, recordType: target.table, recordId: target.id, facts: change.facts },
        {
          ctes: Prisma.sql`locked AS (SELECT t AS locked_row FROM ${table} t WHERE t.id = ${target.id} FOR UPDATE),
          ${heldCte({ caller: callerHeld(writer), owner })}
          written AS (
            UPDATE ${table} t SET ${Prisma.join([...assignments(change.columns), Prisma.sql`version = t.version + 1`])}
              FROM locked, held
             WHERE t.id = (locked_row).id AND (locked_row).version = ${target.expectedVersion} AND held.caller AND held.owner
            RETURNING t AS written_row),
          ${change.relations ?? Prisma.empty}`,
          before: Prisma.sql`(SELECT ${target.snapshot(Prisma.raw("locked_row"))} FROM locked)`,
          after: snapshotAfter(target, change),
          written: WRITTEN_ROW,
          returning: Prisma.sql`, (SELECT (locked_row).version FROM locked) AS current,
          (SELECT to_jsonb(written_row) FROM written) AS row ${HELD_ANSWER}`,
        },
      ),
    );
    await callerChecked(ctx, writer, answer);
    if (answer.current === null) throw notFound(target.label, `id ${target.id}`);
    if (!answer.ownerHeld) {
      // The owner the auth scopes saw was remembered, and is no longer the record's.
      forgetOwner(ctx, target.table, target.id);
      throw forbidden();
    }
    if (!answer.row) throw conflict(target.label, target.expectedVersion, answer.current);
    return reviveRow(target.table, answer.row) as WrittenRow;
  });
}

/**
 * A create as one statement, as updateInStatement: insert the record under an id drawn first
 * (createRecord), write its relations, audit the snapshot. Once per idempotency key: a create
 * with one claims it first, in one transaction with the statement, and a retry gets only the id
 * of the record the first create made. UNAUTHENTICATED, or CONFLICT for a town renamed
 * meanwhile, when what it checks (Held) no longer holds. The row as written.
 */
export async function createInStatement(
  ctx: Context,
  writer: Writer,
  target: RecordInStatement & { idempotencyKey: string | null | undefined; town?: Owner },
  change: Omit<ChangeOfRecord, "columns"> & { columns: (id: number) => Record<string, unknown> },
): Promise<{ id: number; row?: WrittenRow }> {
  const id = await nextId(ctx.read, target.table);
  const columns = { id, ...change.columns(id) };
  const { town } = target;
  // The town as the create's input named it, by a slug the server may remember (recordBySlug).
  const owner = town
    ? Prisma.sql`EXISTS (SELECT FROM "Town" WHERE id = ${town.id} AND slug = ${town.slug})`
    : Prisma.sql`true`;
  let row: WrittenRow | undefined;
  const insert = async (run: RunSql) => {
    const answer = await checked(target, () =>
      recordInStatement<HeldAnswer & { row: WrittenRow | null }>(
        run,
        ctx,
        writer,
        { mutation: target.mutation, recordType: target.table, recordId: id, facts: change.facts },
        {
          // From a record of the table's own type, so that each value takes its column's type.
          ctes: Prisma.sql`${heldCte({ caller: callerHeld(writer), owner })}
            written AS (
              INSERT INTO ${identifier(target.table)} AS t (${columnList(columns)})
              SELECT ${columnList(columns)} FROM jsonb_populate_record(NULL::${identifier(target.table)}, ${JSON.stringify(columns)}::jsonb), held
               WHERE held.caller AND held.owner
              RETURNING t AS written_row),
            ${change.relations ?? Prisma.empty}`,
          before: Prisma.sql`NULL::jsonb`,
          after: snapshotAfter(target, { ...change, columns }),
          written: WRITTEN_ROW,
          returning: Prisma.sql`, (SELECT to_jsonb(written_row) FROM written) AS row ${HELD_ANSWER}`,
        },
      ),
    );
    await callerChecked(ctx, writer, answer);
    if (!answer.ownerHeld) {
      forgetSlug(ctx, "town", town!.slug);
      throw changedMeanwhile(`The town ${town!.slug} changed while this was written; send it again`);
    }
    row = reviveRow(target.table, answer.row!) as WrittenRow;
    return id;
  };
  const operation = { mutation: target.mutation, recordType: target.table };
  const created = await announced(ctx, () =>
    target.idempotencyKey
      ? ctx.transaction((run) => once(run, writer.actor, target.idempotencyKey, operation, () => insert(run)))
      : insert(ctx.read),
  );
  if (created === id) return { id, row };
  // A retry, answered with the first create's record without a statement that checks the key.
  await ctx.confirmCaller();
  return { id: created };
}

/** A record a create names after its id (its slug), and how the audit log sees it. */
export interface NewRecord<Snapshot> {
  /** The record's table, which is its type's name in the audit log and announcements too. */
  table: VersionedTable;
  mutation: string;
  /** The caller's key: a retry with it answers with the record the first create made. */
  idempotencyKey: string | null | undefined;
  snapshot: (tx: Tx, id: number) => Promise<Snapshot>;
}

/**
 * A create as every mutation of a named record makes it, in one transaction and once per
 * idempotency key: draw the record's id, `insert` the record under it, then cite the facts
 * `insert` returns and audit the record as it was written.
 */
export async function createRecord<Snapshot>(
  ctx: Context,
  writer: Writer,
  target: NewRecord<Snapshot>,
  insert: (tx: Tx, id: number) => Promise<Facts>,
): Promise<number> {
  // Before the transaction takes its connection: drawn inside it, as many creates at once as the
  // pool has connections each held one and waited for another, until the transaction timed out.
  const id = await nextId(ctx.read, target.table);
  return write(ctx, (tx) =>
    once(
      statementsOf(tx),
      writer.actor,
      target.idempotencyKey,
      { mutation: target.mutation, recordType: target.table },
      async () => {
        const facts = await insert(tx, id);
        await record(tx, ctx, writer, {
          facts,
          mutation: target.mutation,
          recordType: target.table,
          recordId: id,
          before: null,
          after: await target.snapshot(tx, id),
        });
        return id;
      },
    ),
  );
}

/**
 * Runs a create once per caller and idempotency key: a retry answers with the record the first
 * one made. The key is claimed first, so a concurrent retry waits for the first to commit.
 */
export async function once(
  run: RunSql,
  actor: Actor,
  key: string | null | undefined,
  operation: { mutation: string; recordType: string },
  create: () => Promise<number>,
): Promise<number> {
  if (!key) return create();
  const claimed = await run(Prisma.sql`
    INSERT INTO "IdempotencyKey" (actor, key, mutation, "recordType", "recordId")
    VALUES (${actor.id}, ${key}, ${operation.mutation}, ${operation.recordType}, 0) ON CONFLICT DO NOTHING
    RETURNING 1 AS claimed`);
  if (!claimed.length) {
    const [first] = await run<{ mutation: string; recordId: number }>(Prisma.sql`
      SELECT mutation, "recordId" FROM "IdempotencyKey" WHERE actor = ${actor.id} AND key = ${key}`);
    if (first.mutation !== operation.mutation)
      throw badInput(`The idempotency key was used for ${first.mutation} already`, "input.idempotencyKey");
    return first.recordId;
  }
  const id = await create();
  await run(Prisma.sql`UPDATE "IdempotencyKey" SET "recordId" = ${id} WHERE actor = ${actor.id} AND key = ${key}`);
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
  checkLength(citation.quote, `${path}.quote`, MAX_CITATION);
  checkUrl(citation.url, `${path}.url`, MAX_CITATION);
}

/** An optional multilingual field of an update: absent stays (undefined), null clears, a list replaces. */
export function optionalTexts(
  texts: readonly { lang: string; text: string }[] | null | undefined,
  path: string,
  maxLength: number,
): LocalizedValue[] | null | undefined {
  return texts == null ? texts : checkTexts(texts, path, maxLength);
}

/** A JSON column's value in a Prisma write: null clears it. */
export const json = (value: unknown) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue | undefined));

/** Ids a server draws from a table's sequence at once (nextId). */
const ID_BLOCK = 32;

/** Per database (its `read`) and table: ids drawn and not yet handed out, and a draw under way. */
const idReserves = new WeakMap<RunSql, Map<VersionedTable, { ids: number[]; drawing?: Promise<void> }>>();

/**
 * The id for a new row of `table`: a create names a record after its id (its slug), so it has
 * the id before its statement. Ids are drawn from the table's sequence a block at a time, as a
 * round trip each was one of a create's four. Sequences stand outside transactions: ids never
 * handed out (a server stops) are gaps, as a rolled-back create's id already is, and ids are in
 * creation order within a server only, as they are across concurrent transactions anyway.
 */
async function nextId(read: RunSql, table: VersionedTable): Promise<number> {
  const reserve = getOrCreate(
    getOrCreate(idReserves, read, () => new Map()),
    table,
    () => ({ ids: [] as number[] }),
  );
  while (!reserve.ids.length) {
    reserve.drawing ??= read<{ id: string }>(
      Prisma.sql`SELECT nextval(pg_get_serial_sequence(${`"${table}"`}, 'id')) AS id FROM generate_series(1, ${ID_BLOCK})`,
    )
      .then((rows) => {
        reserve.ids.push(...rows.map((row) => Number(row.id)));
      })
      .finally(() => {
        reserve.drawing = undefined;
      });
    await reserve.drawing;
  }
  return reserve.ids.shift()!;
}

/** An http(s) URL given at `path`. */
export function checkUrl(url: string | null | undefined, path: string, max: number): void {
  checkLength(url, path, max);
  if (url && !/^https?:\/\/\S+$/.test(url)) throw badInput("The URL must start with http:// or https://", path);
}

/** The day a write happens, as a date column holds it. */
export const today = () => new Date(new Date().toISOString().slice(0, 10));

/** A record's date columns in an audit snapshot: ISO days and instants, not Date objects. */
export function snapshotOf<Row extends object>(row: Row): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      value instanceof Date ? value.toISOString() : typeof value === "bigint" ? String(value) : value,
    ]),
  );
}
