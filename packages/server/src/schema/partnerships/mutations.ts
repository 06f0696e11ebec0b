// Partner searches written by towns: post, update and close a search; another town's editor
// expresses interest; the requesting town's editor accepts or declines it. Each mutation is
// one transaction with its contribution citation and audit entry (contributions/write.ts).

import { CHECKS_CALLER_IN_STATEMENT } from "../../auth/caller-confirmation.js";
import { editsTown } from "../../auth/identity.js";
import { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import type { Context } from "../context.js";
import {
  CitationInput,
  countryCodes,
  editorOf,
  forgetOwner,
  forgetSlug,
  LocalizedTextInput,
  recordOwner,
  rememberedUnlessRefused,
  requiredBySlug,
  rowId,
  topicIds,
  townBySlug,
  writeInput,
  writePayload,
} from "../contributions/inputs.js";
import {
  type CitationInput as Citation,
  checkCitation,
  checkLength,
  checkTexts,
  createInStatement,
  once,
  record,
  statementsOf,
  type Tx,
  today,
  updateInStatement,
  updateVersioned,
  write,
  writerFor,
} from "../contributions/write.js";
import { PartnerSearchInterest } from "./interest.js";
import { PartnerSearch, PartnershipKind, shownStatus } from "./partner-search.js";

const MAX_DESCRIPTION = 5000;
const MAX_MESSAGE = 2000;
const MAX_POPULATION = 100_000_000;
/** A search stands for two years at most; a town posts a new one after that. */
const MAX_VALID_DAYS = 731;

const ClosingStatus = builder.enumType("PartnerSearchClosing", {
  description: "How a search ends.",
  values: {
    MATCHED: { value: "MATCHED", description: "A partner was found." },
    WITHDRAWN: { value: "WITHDRAWN", description: "The town no longer looks." },
  } as const,
});

const InterestResponse = builder.enumType("InterestResponse", {
  description: "The requesting town's answer to an interest.",
  values: {
    ACCEPT: { value: "ACCEPTED", description: "Accept: the towns go on talking." },
    DECLINE: { value: "DECLINED", description: "Decline." },
  } as const,
});

/** The fields a search's editor sets, on create and (each optional) on update. */
const searchFields = (t: PothosSchemaTypes.InputFieldBuilder<typeof builder.$inferSchemaTypes, "InputObject">) => ({
  wantedPopulationMin: t.int({ required: false, description: "Smallest population a partner should have." }),
  wantedPopulationMax: t.int({ required: false, description: "Largest population a partner should have." }),
  wantedCountries: t.stringList({
    required: false,
    description: "ISO alpha-2 codes of the countries partners should come from; empty for any.",
  }),
  topics: t.stringList({ required: false, description: "Slugs of the topics to cooperate in." }),
  validUntil: t.field({
    type: "Date",
    required: false,
    description: `Until when the request stands: today or later, at most ${MAX_VALID_DAYS} days ahead.`,
  }),
  citation: t.field({ type: CitationInput, required: false, description: "What the request rests on, if anything." }),
});

const CreatePartnerSearchInput = builder.inputType("CreatePartnerSearchInput", {
  description: "A town's new partner search.",
  fields: (t) => ({
    town: t.string({ required: true, description: "Slug of the requesting town (the caller must edit it)." }),
    kind: t.field({ type: PartnershipKind, required: true, description: "Twinning or cooperation." }),
    description: t.field({
      type: [LocalizedTextInput],
      required: true,
      description: `The request, in one or more languages (at most ${MAX_DESCRIPTION} characters each).`,
    }),
    ...searchFields(t),
    idempotencyKey: t.string({
      required: false,
      description: "Any string (at most 200 characters): a retry with the same key returns the first search.",
    }),
  }),
});

const UpdatePartnerSearchInput = builder.inputType("UpdatePartnerSearchInput", {
  description: "Changes to a partner search; absent fields stay as they are, null clears an optional one.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: [PartnerSearch], description: "The search." }),
    expectedVersion: t.int({ required: true, description: "The version read; CONFLICT if it changed since." }),
    kind: t.field({ type: PartnershipKind, required: false, description: "Twinning or cooperation." }),
    description: t.field({ type: [LocalizedTextInput], required: false, description: "The request, replaced whole." }),
    ...searchFields(t),
  }),
});

const ClosePartnerSearchInput = builder.inputType("ClosePartnerSearchInput", {
  description: "Ends a partner search.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: [PartnerSearch], description: "The search." }),
    expectedVersion: t.int({ required: true, description: "The version read; CONFLICT if it changed since." }),
    status: t.field({ type: ClosingStatus, required: true, description: "Matched or withdrawn." }),
    citation: t.field({ type: CitationInput, required: false, description: "What the closing rests on, if anything." }),
  }),
});

const ExpressInterestInput = builder.inputType("ExpressInterestInput", {
  description: "A town's answer to another town's open partner search.",
  fields: (t) => ({
    partnerSearch: t.globalID({ required: true, for: [PartnerSearch], description: "The search answered." }),
    town: t.string({ required: true, description: "Slug of the answering town (the caller must edit it)." }),
    message: t.field({
      type: [LocalizedTextInput],
      required: true,
      description: `The message, in one or more languages (at most ${MAX_MESSAGE} characters each).`,
    }),
    contactName: t.string({ required: false, description: "Whom to contact (at most 200 characters)." }),
    contactEmail: t.string({ required: false, description: "Their e-mail address." }),
    idempotencyKey: t.string({
      required: false,
      description: "Any string (at most 200 characters): a retry with the same key returns the first interest.",
    }),
  }),
});

const RespondToInterestInput = builder.inputType("RespondToInterestInput", {
  description: "The requesting town's answer to an interest.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: [PartnerSearchInterest], description: "The interest." }),
    expectedVersion: t.int({ required: true, description: "The version read; CONFLICT if it changed since." }),
    response: t.field({ type: InterestResponse, required: true, description: "Accept or decline." }),
  }),
});

const PartnerSearchPayload = writePayload("PartnerSearchPayload", "partnerSearch", "PartnerSearch", "partner search");

const InterestPayload = writePayload("PartnerSearchInterestPayload", "interest", "PartnerSearchInterest", "interest");

/**
 * The town of a search, remembered: a search never changes town, and its update's statement
 * checks the town (partnerSearches.townColumn).
 */
const searchTown = (ctx: Context, id: number) =>
  rememberedUnlessRefused(
    (remember) =>
      recordOwner(ctx, { table: "PartnerSearch", id, column: "townId", relation: "town", owner: "town", remember }),
    (search) => editsTown(ctx.actor, search.town.id),
    () => forgetOwner(ctx, "PartnerSearch", id),
  );

/** The town a new search is for, remembered by slug: the create's statement checks the slug. */
const requestingTown = (ctx: Context, slug: string) =>
  rememberedUnlessRefused(
    (remember) => townBySlug(ctx, slug, remember),
    (town) => editsTown(ctx.actor, town.id),
    () => forgetSlug(ctx, "town", slug),
  );

type SearchFieldsInput = {
  wantedPopulationMin?: number | null;
  wantedPopulationMax?: number | null;
  wantedCountries?: string[] | null;
  topics?: string[] | null;
  validUntil?: Date | null;
  citation?: Citation | null;
};

/**
 * Checks what an editor sets: the columns, the facts they are, and the wanted countries and
 * topics as common table expressions over the written search (ChangeOfRecord), replacing its
 * own. The range as written is the table's to check (partnerSearches.checks).
 */
async function searchChange(
  ctx: Context,
  input: SearchFieldsInput,
): Promise<{
  columns: Record<string, unknown>;
  fields: string[];
  relations?: Prisma.Sql;
  relationsAfter?: Prisma.Sql;
}> {
  const columns: Record<string, unknown> = {};
  const fields: string[] = [];
  for (const key of ["wantedPopulationMin", "wantedPopulationMax"] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (value !== null && (value < 0 || value > MAX_POPULATION))
      throw badInput(`Must be between 0 and ${MAX_POPULATION}`, `input.${key}`);
    columns[key] = value;
    fields.push(key);
  }
  if (input.validUntil !== undefined) {
    if (input.validUntil !== null) {
      const days = (input.validUntil.getTime() - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000;
      if (days < 0 || days > MAX_VALID_DAYS)
        throw badInput(`Must be today or at most ${MAX_VALID_DAYS} days ahead`, "input.validUntil");
    }
    columns.validUntil = input.validUntil;
    fields.push("validUntil");
  }
  checkCitation(input.citation, "input.citation");
  const relations: Prisma.Sql[] = [];
  const relationsAfter: Prisma.Sql[] = [];
  if (input.wantedCountries != null) {
    const codes = await countryCodes(ctx.prisma, input.wantedCountries, "input.wantedCountries");
    // Kept, dropped and added apart: a statement's deletes and inserts run in no set order.
    relations.push(Prisma.sql`countries_dropped AS (
        DELETE FROM "PartnerSearchCountry" WHERE "partnerSearchId" IN (SELECT (written_row).id FROM written)
           AND "countryCode" <> ALL(${codes}::text[])),
      countries_added AS (
        INSERT INTO "PartnerSearchCountry" ("partnerSearchId", "countryCode")
        SELECT (written_row).id, code FROM written, unnest(${codes}::text[]) AS code ON CONFLICT DO NOTHING),`);
    relationsAfter.push(Prisma.sql`jsonb_build_object('wantedCountries',
      (SELECT coalesce(jsonb_agg(code ORDER BY code), '[]') FROM unnest(${codes}::text[]) AS code))`);
    fields.push("wantedCountries");
  }
  if (input.topics != null) {
    const ids = (await topicIds(ctx.prisma, input.topics, "input.topics")).map((topic) => topic.id);
    relations.push(Prisma.sql`topics_dropped AS (
        DELETE FROM "_PartnerSearchToTopic" WHERE "A" IN (SELECT (written_row).id FROM written) AND "B" <> ALL(${ids}::int[])),
      topics_added AS (
        INSERT INTO "_PartnerSearchToTopic" ("A", "B")
        SELECT (written_row).id, topic FROM written, unnest(${ids}::int[]) AS topic ON CONFLICT DO NOTHING),`);
    relationsAfter.push(Prisma.sql`jsonb_build_object('topics',
      (SELECT coalesce(jsonb_agg(slug ORDER BY slug), '[]') FROM "Topic" WHERE id = ANY(${ids}::int[])))`);
    fields.push("topics");
  }
  return {
    columns,
    fields,
    ...(relations.length
      ? { relations: Prisma.join(relations, " "), relationsAfter: Prisma.join(relationsAfter, " || ") }
      : {}),
  };
}

/** Partner searches are written in one statement each, with their audit snapshot (partner_search_snapshot). */
const partnerSearches = {
  table: "PartnerSearch",
  label: "partner search",
  snapshot: (row: Prisma.Sql) => Prisma.sql`partner_search_snapshot(${row})`,
  townColumn: "townId",
  checks: {
    PartnerSearch_wanted_population_range: [
      "wantedPopulationMax must not be below wantedPopulationMin",
      "input.wantedPopulationMax",
    ],
  },
} as const;

async function interestSnapshot(tx: Tx, id: number) {
  const { createdAt, respondedAt, ...interest } = await tx.partnerSearchInterest.findUniqueOrThrow({ where: { id } });
  return { ...interest, createdAt: createdAt.toISOString(), respondedAt: respondedAt?.toISOString() ?? null };
}

builder.mutationFields((t) => ({
  createPartnerSearch: t.field({
    ...rootIn("partnerships"),
    type: PartnerSearchPayload,
    description: "Posts a town's partner search (its TOWN_EDITOR, or an ADMIN). It cites the caller as its source.",
    args: { input: t.arg({ type: CreatePartnerSearchInput, ...writeInput }) },
    extensions: CHECKS_CALLER_IN_STATEMENT,
    authScopes: async (_root, { input }, ctx) => editorOf(await requestingTown(ctx, input.town)),
    resolve: async (_root, { input }, ctx) => {
      const town = await requestingTown(ctx, input.town);
      if (!town) throw badInput(`No town with slug ${input.town}`, "input.town");
      const description = checkTexts(input.description, "input.description", MAX_DESCRIPTION);
      checkLength(input.idempotencyKey, "input.idempotencyKey", 200);
      const { columns, fields, ...relations } = await searchChange(ctx, input);
      const { id, row } = await createInStatement(
        ctx,
        writerFor(ctx, town),
        { ...partnerSearches, mutation: "createPartnerSearch", idempotencyKey: input.idempotencyKey, town },
        {
          columns: (id) => ({
            ...columns,
            slug: `${town.slug}-partner-search-${id}`,
            townId: town.id,
            kind: input.kind,
            description,
            postedOn: today(),
            status: "OPEN",
            statusAsOf: today(),
          }),
          ...relations,
          facts: {
            subject: "PARTNER_SEARCH",
            fields: ["town", "kind", "description", ...fields],
            citation: input.citation,
          },
        },
      );
      return { id, row };
    },
  }),

  updatePartnerSearch: t.field({
    ...rootIn("partnerships"),
    type: PartnerSearchPayload,
    description:
      "Changes a partner search (its town's TOWN_EDITOR, or an ADMIN); CONFLICT if it changed since expectedVersion.",
    args: { input: t.arg({ type: UpdatePartnerSearchInput, ...writeInput }) },
    extensions: CHECKS_CALLER_IN_STATEMENT,
    authScopes: async (_root, { input }, ctx) => editorOf((await searchTown(ctx, rowId(input.id, "input.id")))?.town),
    resolve: async (_root, { input }, ctx) => {
      const id = rowId(input.id, "input.id");
      const search = await searchTown(ctx, id);
      if (!search) throw badInput("No such partner search", "input.id");
      const description = input.description
        ? checkTexts(input.description, "input.description", MAX_DESCRIPTION)
        : undefined;
      const { columns, fields, ...relations } = await searchChange(ctx, input);
      if (input.kind) {
        columns.kind = input.kind;
        fields.push("kind");
      }
      if (description) {
        columns.description = description;
        fields.push("description");
      }
      if (!fields.length) throw badInput("Nothing to change", "input");
      const row = await updateInStatement(
        ctx,
        writerFor(ctx, search.town),
        { ...partnerSearches, mutation: "updatePartnerSearch", id, expectedVersion: input.expectedVersion },
        { columns, ...relations, facts: { subject: "PARTNER_SEARCH", fields, citation: input.citation } },
      );
      return { id, row };
    },
  }),

  closePartnerSearch: t.field({
    ...rootIn("partnerships"),
    type: PartnerSearchPayload,
    description: "Ends a partner search as matched or withdrawn (its town's TOWN_EDITOR, or an ADMIN).",
    args: { input: t.arg({ type: ClosePartnerSearchInput, ...writeInput }) },
    extensions: CHECKS_CALLER_IN_STATEMENT,
    authScopes: async (_root, { input }, ctx) => editorOf((await searchTown(ctx, rowId(input.id, "input.id")))?.town),
    resolve: async (_root, { input }, ctx) => {
      const id = rowId(input.id, "input.id");
      const search = await searchTown(ctx, id);
      if (!search) throw badInput("No such partner search", "input.id");
      checkCitation(input.citation, "input.citation");
      const row = await updateInStatement(
        ctx,
        writerFor(ctx, search.town),
        { ...partnerSearches, mutation: "closePartnerSearch", id, expectedVersion: input.expectedVersion },
        {
          columns: { status: input.status, statusAsOf: today() },
          facts: { subject: "PARTNER_SEARCH", fields: ["status"], citation: input.citation },
        },
      );
      return { id, row };
    },
  }),

  expressInterest: t.field({
    ...rootIn("partnerships"),
    type: InterestPayload,
    description:
      "Answers another town's open partner search (the answering town's TOWN_EDITOR, or an ADMIN). Only the two towns' editors see it.",
    args: { input: t.arg({ type: ExpressInterestInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => editorOf(await townBySlug(ctx, input.town)),
    resolve: async (_root, { input }, ctx) => {
      const town = await requiredBySlug(ctx, "town", input.town, "input.town");
      const searchId = rowId(input.partnerSearch, "input.partnerSearch");
      const search = await ctx.prisma.partnerSearch.findUnique({
        where: { id: searchId },
        select: { townId: true, status: true, validUntil: true },
      });
      if (!search) throw badInput("No such partner search", "input.partnerSearch");
      if (shownStatus(search) !== "OPEN") throw badInput("The partner search is not open", "input.partnerSearch");
      if (search.townId === town.id) throw badInput("A town cannot answer its own partner search", "input.town");
      const message = checkTexts(input.message, "input.message", MAX_MESSAGE);
      checkLength(input.contactName, "input.contactName", 200);
      checkLength(input.idempotencyKey, "input.idempotencyKey", 200);
      if (input.contactEmail != null && !/^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]+$/.test(input.contactEmail))
        throw badInput("Not an e-mail address", "input.contactEmail");
      const writer = writerFor(ctx, town);
      const id = await write(ctx, (tx) =>
        once(
          statementsOf(tx),
          writer.actor,
          input.idempotencyKey,
          { mutation: "expressInterest", recordType: "PartnerSearchInterest" },
          async () => {
            const existing = await tx.partnerSearchInterest.findUnique({
              where: { partnerSearchId_townId: { partnerSearchId: searchId, townId: town.id } },
              select: { id: true },
            });
            if (existing) throw badInput(`${town.slug} has expressed interest in this search already`, "input.town");
            const { id } = await tx.partnerSearchInterest.create({
              data: {
                partnerSearchId: searchId,
                townId: town.id,
                message: message as unknown as Prisma.InputJsonValue,
                contactName: input.contactName ?? null,
                contactEmail: input.contactEmail ?? null,
              },
              select: { id: true },
            });
            await record(tx, ctx, writer, {
              mutation: "expressInterest",
              recordType: "PartnerSearchInterest",
              recordId: id,
              before: null,
              after: await interestSnapshot(tx, id),
            });
            return id;
          },
        ),
      );
      return { id };
    },
  }),

  respondToInterest: t.field({
    ...rootIn("partnerships"),
    type: InterestPayload,
    description: "Accepts or declines an interest (the requesting town's TOWN_EDITOR, or an ADMIN).",
    args: { input: t.arg({ type: RespondToInterestInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => {
      const interest = await ctx.prisma.partnerSearchInterest.findUnique({
        where: { id: rowId(input.id, "input.id") },
        select: { partnerSearch: { select: { townId: true } } },
      });
      return editorOf(interest ? { id: interest.partnerSearch.townId } : null);
    },
    resolve: async (_root, { input }, ctx) => {
      const id = rowId(input.id, "input.id");
      const interest = await ctx.prisma.partnerSearchInterest.findUnique({
        where: { id },
        select: { partnerSearch: { select: { town: { select: { id: true, slug: true } } } } },
      });
      if (!interest) throw badInput("No such interest", "input.id");
      const writer = writerFor(ctx, interest.partnerSearch.town);
      await updateVersioned(
        ctx,
        writer,
        {
          table: "PartnerSearchInterest",
          id,
          expectedVersion: input.expectedVersion,
          label: "interest",
          mutation: "respondToInterest",
          snapshot: interestSnapshot,
        },
        async (tx) => {
          await tx.partnerSearchInterest.update({
            where: { id },
            data: { status: input.response, respondedAt: new Date(), version: { increment: 1 } },
          });
          return undefined; // an interest is private: audited, not cited
        },
      );
      return { id };
    },
  }),
}));
