// Partner searches written by towns: post, update and close a search; another town's editor
// expresses interest; the requesting town's editor accepts or declines it. Each mutation is
// one transaction with its contribution citation and audit entry (contributions/write.ts).

import type { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import type { Context } from "../context.js";
import {
  CitationInput,
  countryCodes,
  editorOf,
  LocalizedTextInput,
  recordOwner,
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
  createRecord,
  once,
  record,
  type Tx,
  today,
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

const searchTown = (ctx: Context, id: number) =>
  recordOwner(ctx, { table: "PartnerSearch", id, column: "townId", relation: "town", owner: "town" });

type SearchFieldsInput = {
  wantedPopulationMin?: number | null;
  wantedPopulationMax?: number | null;
  wantedCountries?: string[] | null;
  topics?: string[] | null;
  validUntil?: Date | null;
  citation?: Citation | null;
};

/** Checks what an editor sets and turns it into a Prisma write; `current` fills what an update leaves out. */
async function searchData(
  tx: Tx,
  input: SearchFieldsInput,
  current: { wantedPopulationMin: number | null; wantedPopulationMax: number | null } = {
    wantedPopulationMin: null,
    wantedPopulationMax: null,
  },
): Promise<{ data: Prisma.PartnerSearchUncheckedUpdateInput; fields: string[] }> {
  const data: Prisma.PartnerSearchUncheckedUpdateInput = {};
  const fields: string[] = [];
  for (const key of ["wantedPopulationMin", "wantedPopulationMax"] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (value !== null && (value < 0 || value > MAX_POPULATION))
      throw badInput(`Must be between 0 and ${MAX_POPULATION}`, `input.${key}`);
    data[key] = value;
    fields.push(key);
  }
  const min = input.wantedPopulationMin === undefined ? current.wantedPopulationMin : input.wantedPopulationMin;
  const max = input.wantedPopulationMax === undefined ? current.wantedPopulationMax : input.wantedPopulationMax;
  if (min !== null && max !== null && min > max)
    throw badInput("wantedPopulationMax must not be below wantedPopulationMin", "input.wantedPopulationMax");
  if (input.wantedCountries != null) {
    const codes = await countryCodes(tx, input.wantedCountries, "input.wantedCountries");
    data.wantedCountries = { deleteMany: {}, create: codes.map((countryCode) => ({ countryCode })) };
    fields.push("wantedCountries");
  }
  if (input.topics != null) {
    data.topics = { set: await topicIds(tx, input.topics, "input.topics") };
    fields.push("topics");
  }
  if (input.validUntil !== undefined) {
    if (input.validUntil !== null) {
      const days = (input.validUntil.getTime() - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000;
      if (days < 0 || days > MAX_VALID_DAYS)
        throw badInput(`Must be today or at most ${MAX_VALID_DAYS} days ahead`, "input.validUntil");
    }
    data.validUntil = input.validUntil;
    fields.push("validUntil");
  }
  checkCitation(input.citation, "input.citation");
  return { data, fields };
}

/** A search as the audit log records it. */
async function searchSnapshot(tx: Tx, id: number) {
  const search = await tx.partnerSearch.findUniqueOrThrow({
    where: { id },
    select: {
      slug: true,
      townId: true,
      kind: true,
      description: true,
      wantedPopulationMin: true,
      wantedPopulationMax: true,
      status: true,
      statusAsOf: true,
      validUntil: true,
      version: true,
      wantedCountries: { select: { countryCode: true }, orderBy: { countryCode: "asc" } },
      topics: { select: { slug: true }, orderBy: { slug: "asc" } },
    },
  });
  return {
    ...search,
    statusAsOf: search.statusAsOf.toISOString().slice(0, 10),
    validUntil: search.validUntil?.toISOString().slice(0, 10) ?? null,
    wantedCountries: search.wantedCountries.map((c) => c.countryCode),
    topics: search.topics.map((topic) => topic.slug),
  };
}

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
    authScopes: async (_root, { input }, ctx) => editorOf(await townBySlug(ctx, input.town)),
    resolve: async (_root, { input }, ctx) => {
      const town = await requiredBySlug(ctx, "town", input.town, "input.town");
      const description = checkTexts(input.description, "input.description", MAX_DESCRIPTION);
      checkLength(input.idempotencyKey, "input.idempotencyKey", 200);
      const id = await createRecord(
        ctx,
        writerFor(ctx, town),
        {
          table: "PartnerSearch",
          mutation: "createPartnerSearch",
          idempotencyKey: input.idempotencyKey,
          snapshot: searchSnapshot,
        },
        async (tx, id) => {
          const { data, fields } = await searchData(tx, input);
          // Relations are written as an update's are (a create cannot replace them).
          const { wantedCountries, topics, ...columns } = data;
          await tx.partnerSearch.create({
            data: {
              ...(columns as Prisma.PartnerSearchUncheckedCreateInput),
              id,
              slug: `${town.slug}-partner-search-${id}`,
              townId: town.id,
              kind: input.kind,
              description: description as unknown as Prisma.InputJsonValue,
              postedOn: today(),
              status: "OPEN",
              statusAsOf: today(),
            },
          });
          if (wantedCountries || topics)
            await tx.partnerSearch.update({ where: { id }, data: { wantedCountries, topics } });
          return {
            subject: "PARTNER_SEARCH",
            fields: ["town", "kind", "description", ...fields],
            citation: input.citation,
          };
        },
      );
      return { id };
    },
  }),

  updatePartnerSearch: t.field({
    ...rootIn("partnerships"),
    type: PartnerSearchPayload,
    description:
      "Changes a partner search (its town's TOWN_EDITOR, or an ADMIN); CONFLICT if it changed since expectedVersion.",
    args: { input: t.arg({ type: UpdatePartnerSearchInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => editorOf((await searchTown(ctx, rowId(input.id, "input.id")))?.town),
    resolve: async (_root, { input }, ctx) => {
      const id = rowId(input.id, "input.id");
      const search = await searchTown(ctx, id);
      if (!search) throw badInput("No such partner search", "input.id");
      const description = input.description
        ? checkTexts(input.description, "input.description", MAX_DESCRIPTION)
        : undefined;
      const writer = writerFor(ctx, search.town);
      await updateVersioned(
        ctx,
        writer,
        {
          table: "PartnerSearch",
          id,
          expectedVersion: input.expectedVersion,
          label: "partner search",
          mutation: "updatePartnerSearch",
          snapshot: searchSnapshot,
        },
        async (tx, before) => {
          const { data, fields } = await searchData(tx, input, before);
          if (input.kind) {
            data.kind = input.kind;
            fields.push("kind");
          }
          if (description) {
            data.description = description as unknown as Prisma.InputJsonValue;
            fields.push("description");
          }
          if (!fields.length) throw badInput("Nothing to change", "input");
          await tx.partnerSearch.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
          return { subject: "PARTNER_SEARCH", fields, citation: input.citation };
        },
      );
      return { id };
    },
  }),

  closePartnerSearch: t.field({
    ...rootIn("partnerships"),
    type: PartnerSearchPayload,
    description: "Ends a partner search as matched or withdrawn (its town's TOWN_EDITOR, or an ADMIN).",
    args: { input: t.arg({ type: ClosePartnerSearchInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => editorOf((await searchTown(ctx, rowId(input.id, "input.id")))?.town),
    resolve: async (_root, { input }, ctx) => {
      const id = rowId(input.id, "input.id");
      const search = await searchTown(ctx, id);
      if (!search) throw badInput("No such partner search", "input.id");
      checkCitation(input.citation, "input.citation");
      const writer = writerFor(ctx, search.town);
      await updateVersioned(
        ctx,
        writer,
        {
          table: "PartnerSearch",
          id,
          expectedVersion: input.expectedVersion,
          label: "partner search",
          mutation: "closePartnerSearch",
          snapshot: searchSnapshot,
        },
        async (tx) => {
          await tx.partnerSearch.update({
            where: { id },
            data: { status: input.status, statusAsOf: today(), version: { increment: 1 } },
          });
          return { subject: "PARTNER_SEARCH", fields: ["status"], citation: input.citation };
        },
      );
      return { id };
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
          tx,
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
