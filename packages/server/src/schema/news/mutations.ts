// News published by an organisation (its PUBLISHER): a headline and summary in one or more
// languages, dated the day it is published, linked to the records it is about. The item's
// source is the contribution itself: who published it, and the article's URL.
import { decodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import { loadRecords, recordKey, subjectTypeOf } from "../common/mixed-records.js";
import type { Context } from "../context.js";
import {
  CitationInput,
  LocalizedTextInput,
  ownerScopes,
  recordBySlug,
  recordOwner,
  requiredBySlug,
  rowId,
  writeInput,
  writePayload,
} from "../contributions/inputs.js";
import {
  adminWriter,
  checkCitation,
  checkLength,
  checkTexts,
  contributionSource,
  createRecord,
  snapshotOf,
  type Tx,
  today,
  updateVersioned,
  writerForPublisher,
} from "../contributions/write.js";
import { NewsItem } from "./news-item.js";

const MAX_TITLE = 300;
const MAX_SUMMARY = 5000;
const MAX_SUBJECTS = 50;

const newsFields = (t: PothosSchemaTypes.InputFieldBuilder<typeof builder.$inferSchemaTypes, "InputObject">) => ({
  about: t.idList({
    required: false,
    description: `Global ids of the towns, events, organisations, programmes, projects, networks, partner searches and funding calls it is about (at most ${MAX_SUBJECTS}).`,
  }),
  citation: t.field({ type: CitationInput, required: false, description: "The article's URL, if anything." }),
});

const PublishNewsInput = builder.inputType("PublishNewsInput", {
  description: "An organisation's news item.",
  fields: (t) => ({
    publisher: t.string({ required: true, description: "Slug of the publishing organisation (the caller's)." }),
    title: t.field({
      type: [LocalizedTextInput],
      required: true,
      description: `The headline, in one or more languages (at most ${MAX_TITLE} characters each); the first is the item's language.`,
    }),
    summary: t.field({
      type: [LocalizedTextInput],
      required: true,
      description: `What the item says, in one or more languages (at most ${MAX_SUMMARY} characters each).`,
    }),
    ...newsFields(t),
    idempotencyKey: t.string({
      required: false,
      description: "Any string (at most 200 characters): a retry with the same key returns the first item.",
    }),
  }),
});

const UpdateNewsInput = builder.inputType("UpdateNewsInput", {
  description: "Changes to a news item; absent fields stay as they are.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: [NewsItem], description: "The news item." }),
    expectedVersion: t.int({ required: true, description: "The version read; CONFLICT if it changed since." }),
    title: t.field({ type: [LocalizedTextInput], required: false, description: "The headline, replaced whole." }),
    summary: t.field({ type: [LocalizedTextInput], required: false, description: "The summary, replaced whole." }),
    ...newsFields(t),
  }),
});

const NewsPayload = writePayload("NewsItemPayload", "newsItem", "NewsItem", "news item");

/** The records a news item is about, from their global ids, each checked. */
async function subjectsOf(ctx: Context, ids: readonly string[]) {
  if (ids.length > MAX_SUBJECTS) throw badInput(`At most ${MAX_SUBJECTS} records`, "input.about");
  const refs = ids.map((globalId, i) => {
    let decoded: { typename: string; id: string };
    try {
      decoded = decodeGlobalID(globalId);
    } catch {
      throw badInput("Not a global id", `input.about.${i}`);
    }
    const type = subjectTypeOf(decoded.typename);
    const id = Number(decoded.id);
    if (!type || !Number.isSafeInteger(id)) throw badInput("News cannot be about this record", `input.about.${i}`);
    return { type, id };
  });
  const found = await loadRecords(ctx.read, refs);
  const missing = refs.findIndex((ref) => !found.has(recordKey(ref)));
  if (missing >= 0) throw badInput("No such record", `input.about.${missing}`);
  return refs;
}

type NewsFieldsInput = {
  title?: { lang: string; text: string }[] | null;
  summary?: { lang: string; text: string }[] | null;
  about?: readonly string[] | null;
};

/** The publisher's changes, checked, as a Prisma write and the names of the facts it sets. */
async function newsData(ctx: Context, input: NewsFieldsInput) {
  const data: Prisma.NewsItemUncheckedUpdateInput = {};
  const fields: string[] = [];
  if (input.title != null) {
    const title = checkTexts(input.title, "input.title", MAX_TITLE);
    Object.assign(data, { names: title, language: title[0].lang });
    fields.push("title");
  }
  if (input.summary != null) {
    data.summary = checkTexts(input.summary, "input.summary", MAX_SUMMARY) as never;
    fields.push("summary");
  }
  if (input.about != null) {
    const subjects = await subjectsOf(ctx, input.about);
    data.subjects = {
      deleteMany: {},
      create: subjects.map((s) => ({ subjectType: s.type, subjectId: s.id })),
    };
    fields.push("subjects");
  }
  return { data, fields };
}

async function newsSnapshot(tx: Tx, id: number) {
  const { subjects, ...item } = await tx.newsItem.findUniqueOrThrow({
    where: { id },
    include: { subjects: { select: { subjectType: true, subjectId: true }, orderBy: { id: "asc" } } },
  });
  return { ...snapshotOf(item), subjects };
}

const newsPublisher = (ctx: Context, id: number) =>
  recordOwner(ctx, {
    table: "NewsItem",
    id,
    column: "publisherId",
    relation: "publisher",
    owner: "organisation",
    optional: true,
  });

builder.mutationFields((t) => ({
  publishNews: t.field({
    ...rootIn("news"),
    type: NewsPayload,
    description: "Publishes an organisation's news item (its PUBLISHER, or an ADMIN), dated today.",
    args: { input: t.arg({ type: PublishNewsInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) =>
      ownerScopes("publisher", await recordBySlug(ctx, "organisation", input.publisher), false),
    resolve: async (_root, { input }, ctx) => {
      const organisation = await requiredBySlug(ctx, "organisation", input.publisher, "input.publisher");
      const { data, fields } = await newsData(ctx, input);
      checkCitation(input.citation, "input.citation");
      checkLength(input.idempotencyKey, "input.idempotencyKey", 200);
      const writer = writerForPublisher(ctx, organisation);
      const id = await createRecord(
        ctx,
        writer,
        {
          table: "NewsItem",
          mutation: "publishNews",
          idempotencyKey: input.idempotencyKey,
          snapshot: newsSnapshot,
        },
        async (tx, id) => {
          // The item's own source is the contribution: it is published here, not in a document.
          const source = await contributionSource(tx, writer, input.citation);
          // Relations are written as an update's are (a create cannot replace them).
          const { subjects, ...columns } = data;
          await tx.newsItem.create({
            data: {
              ...(columns as Prisma.NewsItemUncheckedCreateInput),
              id,
              slug: `${organisation.slug}-news-${id}`,
              publisherId: organisation.id,
              sourceId: source,
              publishedOn: today(),
            },
          });
          if (subjects) await tx.newsItem.update({ where: { id }, data: { subjects } });
          return { subject: "NEWS_ITEM", fields: ["publisher", ...fields], citation: input.citation, source };
        },
      );
      return { id };
    },
  }),

  updateNews: t.field({
    ...rootIn("news"),
    type: NewsPayload,
    description:
      "Changes a news item (its publisher's PUBLISHER, or an ADMIN); CONFLICT if it changed since expectedVersion.",
    args: { input: t.arg({ type: UpdateNewsInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => {
      const item = await newsPublisher(ctx, rowId(input.id, "input.id"));
      return ownerScopes("publisher", item?.publisher, Boolean(item));
    },
    resolve: async (_root, { input }, ctx) => {
      const id = rowId(input.id, "input.id");
      const item = await newsPublisher(ctx, id);
      if (!item) throw badInput("No such news item", "input.id");
      const { data, fields } = await newsData(ctx, input);
      if (!fields.length) throw badInput("Nothing to change", "input");
      checkCitation(input.citation, "input.citation");
      const writer = item.publisher ? writerForPublisher(ctx, item.publisher) : adminWriter(ctx);
      await updateVersioned(
        ctx,
        writer,
        {
          table: "NewsItem",
          id,
          expectedVersion: input.expectedVersion,
          label: "news item",
          mutation: "updateNews",
          snapshot: newsSnapshot,
        },
        async (tx) => {
          await tx.newsItem.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
          return { subject: "NEWS_ITEM", fields, citation: input.citation };
        },
      );
      return { id };
    },
  }),
}));
