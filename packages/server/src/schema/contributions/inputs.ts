// What every write's input shares: multilingual texts, the citation a contributor gives, global
// ids decoded to rows, towns by slug, and the scope a town's write needs.
import { GraphQLError } from "graphql";
import { Prisma } from "../../generated/prisma/index.js";
import { BoundedMap } from "../../lib/bounded-map.js";
import { type DatePrecision, toDateRange } from "../../lib/date-range.js";
import { getOrCreate } from "../../lib/get-or-create.js";
import { quoteIdent } from "../../sql-plan/prisma-args.js";
import { builder } from "../builder.js";
import { badInput, ErrorCode } from "../common/errors.js";
import { maxLength } from "../common/input-limits.js";
import { wholeRowAnswers } from "../common/mixed-records.js";
import { DatePrecisionEnum } from "../common/partial-date.js";
import { memo } from "../common/request-memo.js";
import type { Context } from "../context.js";
import type { Tx, VersionedTable } from "./write.js";

/** The longest multilingual text any field takes (a description). */
export const MAX_TEXT = 5000;
/** The longest URL or quote a citation takes. */
export const MAX_CITATION = 2000;

/** Options of a mutation's one `input` argument. */
export const writeInput = {
  required: true,
  description: "What to write; each field is described on the input type.",
} as const;

export const LocalizedTextInput = builder.inputType("LocalizedTextInput", {
  description: "A text in one language. The first of a list is the original wording, the rest translations.",
  fields: (t) => ({
    lang: t.string({ required: true, description: "ISO 639-1 language code." }),
    text: t.string({
      required: true,
      description: `The text (at most ${MAX_TEXT} characters; the field it is given for may allow fewer).`,
      extensions: maxLength(MAX_TEXT),
    }),
  }),
});

export const CitationInput = builder.inputType("CitationInput", {
  description: "What a contributor's facts rest on: a web page and/or the words there.",
  fields: (t) => ({
    url: t.string({
      required: false,
      description: `An http(s) URL (at most ${MAX_CITATION} characters).`,
      extensions: maxLength(MAX_CITATION),
    }),
    quote: t.string({
      required: false,
      description: `The words the facts rest on (at most ${MAX_CITATION} characters).`,
      extensions: maxLength(MAX_CITATION),
    }),
  }),
});

/** The database id a global id decodes to. */
export function rowId(globalId: { id: string }, field: string): number {
  const id = Number(globalId.id);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new GraphQLError(`${field} is not a valid id`, { extensions: { code: ErrorCode.INVALID_ID, field } });
  return id;
}

/** The records a write names by slug, and their tables. */
const BY_SLUG = { town: "Town", network: "Network", programme: "Programme", organisation: "Organisation" } as const;
type BySlug = keyof typeof BY_SLUG;

/** A record a write names by slug, or owns it: what auth scopes check. */
export type Owner = { id: number; slug: string };

/** Entries this server remembers at most of what no write through the API changes (`remembered`). */
const REMEMBERED_ENTRIES = 50_000;

/**
 * What no write through the API changes, remembered by this server so that a write need not
 * spend a round trip on it: the records slugs name, and the owners of records whose owner is set
 * once. Per database (its `read`). A write that relies on an entry checks it in its own
 * statement (updateInStatement, createInStatement) and forgets it if it no longer holds; only
 * what the database says now refuses a caller (rememberedUnlessRefused).
 */
const rememberedIn = new WeakMap<Context["read"], BoundedMap<string, unknown>>();
const remembered = (ctx: Context) => getOrCreate(rememberedIn, ctx.read, () => new BoundedMap(REMEMBERED_ENTRIES));

const slugKey = (model: BySlug, slug: string) => `${model}:${slug}`;
const ownerKey = (table: VersionedTable, id: number) => `${table}#${id}`;
export const forgetSlug = (ctx: Context, model: BySlug, slug: string) => remembered(ctx).delete(slugKey(model, slug));
export const forgetOwner = (ctx: Context, table: VersionedTable, id: number) =>
  remembered(ctx).delete(ownerKey(table, id));

/** `lookup`'s answer, remembered under `key` when `remember`; once per request either way. */
function lookedUp<T>(ctx: Context, key: string, remember: boolean, lookup: () => Promise<T | null>) {
  return memo(ctx, remember ? `remembered ${key}` : key, async () => {
    const memory = remembered(ctx);
    if (remember && memory.has(key)) return memory.get(key) as T;
    const found = await lookup();
    if (remember && found) memory.set(key, found);
    return found;
  });
}

/**
 * A remembered record (the owner of a write's target), unless it refuses the caller (`allows`):
 * then it is forgotten and looked up again, as only the database may refuse a caller.
 */
export async function rememberedUnlessRefused<T>(
  look: (remember: boolean) => Promise<T | null>,
  allows: (found: T) => boolean,
  forget: () => void,
): Promise<T | null> {
  const found = await look(true);
  if (!found || allows(found)) return found;
  forget();
  return look(false);
}

/**
 * A record by slug, looked up once per request: a mutation's auth scopes and its resolver both
 * need it (the lookups of the domains memoize the same way; what they read does not change in a
 * write). Through node-postgres, as every write makes one. Remembered (`remember`) for a write
 * that checks the slug in its statement: no write through the API changes a slug.
 */
export const recordBySlug = (ctx: Context, model: BySlug, slug: string, remember = false) =>
  lookedUp(ctx, slugKey(model, slug), remember, async () => {
    const [found] = await ctx.read<Owner>(
      Prisma.sql`SELECT id, slug FROM ${Prisma.raw(quoteIdent(BY_SLUG[model]))} WHERE slug = ${slug}`,
    );
    return found ?? null;
  });

interface OwnedRecord<Relation extends string> {
  table: VersionedTable;
  id: number;
  /** The owner's foreign key. */
  column: string;
  relation: Relation;
  owner: BySlug;
  /** The record may have no owner (an event of no network). */
  optional?: true;
  /** Remembered (`remembered`): the owner is set once, and the write checks it in its statement. */
  remember?: boolean;
}

/**
 * Who owns written record `id` of `table` (its town, network, programme or publisher, through
 * `column`), looked up once per request for the write's auth scopes and resolver: null when there
 * is no such record, `{ [relation]: null }` when it has no owner.
 */
export function recordOwner<Relation extends string>(
  ctx: Context,
  record: OwnedRecord<Relation> & { optional: true },
): Promise<Record<Relation, Owner | null> | null>;
export function recordOwner<Relation extends string>(
  ctx: Context,
  record: OwnedRecord<Relation>,
): Promise<Record<Relation, Owner> | null>;
export function recordOwner<Relation extends string>(
  ctx: Context,
  { table, id, column, relation, owner, remember = false }: OwnedRecord<Relation>,
): Promise<Record<Relation, Owner | null> | null> {
  return lookedUp(ctx, ownerKey(table, id), remember, async () => {
    // The owner by its key, whatever the statistics: a join let a planner that had not yet seen
    // a town's first searches merge-join along the towns' index from its start.
    const ownerColumn = Prisma.raw(quoteIdent(column));
    const [row] = await ctx.read<{ id: number | null; slug: string | null }>(Prisma.sql`
      SELECT r.${ownerColumn} AS id,
             (SELECT o.slug FROM ${Prisma.raw(quoteIdent(BY_SLUG[owner]))} o WHERE o.id = r.${ownerColumn}) AS slug
        FROM ${Prisma.raw(quoteIdent(table))} r
       WHERE r.id = ${id}`);
    if (!row) return null;
    return { [relation]: row.id === null ? null : { id: row.id, slug: row.slug! } } as Record<Relation, Owner | null>;
  });
}

export const townBySlug = (ctx: Context, slug: string, remember = false) => recordBySlug(ctx, "town", slug, remember);

/** A record the input names by slug at `path`; BAD_USER_INPUT when there is none. */
export async function requiredBySlug(ctx: Context, model: BySlug, slug: string, path: string) {
  const found = await recordBySlug(ctx, model, slug);
  if (!found) throw badInput(`No ${model} with slug ${slug}`, path);
  return found;
}

/** The ids of the topics named by slug at `path`, each checked. */
export async function topicIds(tx: Tx, slugs: readonly string[], path: string): Promise<{ id: number }[]> {
  const topics = await tx.topic.findMany({ where: { slug: { in: [...slugs] } }, select: { id: true, slug: true } });
  const known = new Set(topics.map((topic) => topic.slug));
  const unknown = slugs.findIndex((slug) => !known.has(slug));
  if (unknown >= 0) throw badInput(`No topic with slug ${slugs[unknown]}`, `${path}.${unknown}`);
  return topics.map(({ id }) => ({ id }));
}

/** ISO alpha-2 codes named at `path`, upper-cased, each checked, without repeats. */
export async function countryCodes(tx: Tx, given: readonly string[], path: string): Promise<string[]> {
  const codes = given.map((code) => code.toUpperCase());
  const known = new Set(
    (await tx.country.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((c) => c.code),
  );
  const unknown = codes.findIndex((code) => !known.has(code));
  if (unknown >= 0) throw badInput(`No country with code ${codes[unknown]}`, `${path}.${unknown}`);
  return [...new Set(codes)];
}

/**
 * Scopes of a write for a record's owner (a town, network, programme or organisation): the
 * scope of the owner's role. A known record of no owner is for admins; an unknown owner or
 * record is the resolver's to report, with BAD_USER_INPUT, to any signed-in caller.
 */
export const ownerScopes = (
  scope: "townEditor" | "networkSecretariat" | "programmeEditor" | "publisher",
  owner: { id: number } | null | undefined,
  known = true,
) => (owner ? { [scope]: owner.id } : known ? { admin: true } : { authenticated: true });

/** Scopes of a write for a town; an unknown town is the resolver's to report (to a signed-in caller). */
export const editorOf = (town: { id: number } | null | undefined) => ownerScopes("townEditor", town, false);

/** What each precision's value looks like: 2016, 2016-spring, 2016-05, 2016-05-06. */
const DATE_VALUES: Partial<Record<DatePrecision, RegExp>> = {
  YEAR: /^\d{4}$/,
  SEASON: /^\d{4}-(spring|summer|autumn|winter)$/,
  MONTH: /^\d{4}-(0[1-9]|1[0-2])$/,
  DAY: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

export const PartialDateInput = builder.inputType("PartialDateInput", {
  description: "A date as precisely as known: a year (2016), a season (2016-spring), a month (2016-05) or a day.",
  fields: (t) => ({
    precision: t.field({ type: DatePrecisionEnum, required: true, description: "YEAR, SEASON, MONTH or DAY." }),
    value: t.string({
      required: true,
      description: "2016, 2016-spring, 2016-05 or 2016-05-06, as the precision says.",
    }),
    until: t.string({
      required: false,
      description: "For a span, its last year, season, month or day, at the same precision (2012-10).",
    }),
  }),
});

/** The range of a partial date given in the input at `path`, checked. */
export function checkedRange(input: { precision: DatePrecision; value: string; until?: string | null }, path: string) {
  const pattern = DATE_VALUES[input.precision];
  if (!pattern) throw badInput("A year, season, month or day", `${path}.precision`);
  for (const part of ["value", "until"] as const) {
    const given = input[part];
    if (given == null) continue;
    if (!pattern.test(given)) throw badInput(`Not a ${input.precision.toLowerCase()} value`, `${path}.${part}`);
    const { start, end } = toDateRange({ precision: input.precision, value: given });
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw badInput("No such day", `${path}.${part}`);
  }
  const range = toDateRange({ precision: input.precision, value: input.value, until: input.until ?? undefined });
  if (range.end < range.start) throw badInput("The span ends before it starts", `${path}.until`);
  return range;
}

/** The models a mutation answers with: its payload loads the written row, as the query asks it. */
type WrittenModel = VersionedTable | "ProjectPartner";

/**
 * A mutation's payload: one field answering the written record with the fields the client
 * selected, as the write left it: the row the write returned where the selection asks its
 * columns only, else loaded by id with the resolvers' usual select.
 */
export function writePayload(name: string, field: string, model: WrittenModel, what: string) {
  const delegate = (model[0].toLowerCase() + model.slice(1)) as Uncapitalize<WrittenModel>;
  return builder.objectRef<{ id: number; row?: object }>(name).implement({
    description: `The ${what} as the write left it.`,
    fields: (t) => ({
      [field]: t.prismaField({
        type: model,
        description: `The ${what}.`,
        resolve: (query: object, { id, row }: { id: number; row?: object }, _args: object, ctx: Context) =>
          row && wholeRowAnswers(model, query)
            ? row
            : (
                ctx.prisma[delegate] as unknown as { findUniqueOrThrow(args: object): Promise<never> }
              ).findUniqueOrThrow({ ...query, where: { id } }),
      } as never),
    }),
  });
}
