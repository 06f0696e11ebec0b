import { builder, entityId, entityIn } from "../builder.js";
import { asTexts, LANG_ARG_DESCRIPTION, LocalizedText, pickText } from "../common/localized.js";
import { loadRecords, type RecordRow, recordKey, type SubjectType, typenameOf } from "../common/mixed-records.js";
import { sourcesField } from "../common/sources.js";
import type { Context } from "../context.js";
import { historyField } from "../contributions/contribution.js";
import { Event } from "../events/event.js";
import { FundingCall } from "../funding/funding-call.js";
import { Network } from "../networks/network.js";
import { Organisation } from "../organisations/organisation.js";
import { Programme } from "../organisations/programme.js";
import { PartnerSearch } from "../partnerships/partner-search.js";
import { Town } from "../places/town.js";
import { Project } from "../projects/project.js";

export const NewsSubject = builder.unionType("NewsSubject", {
  description: "What a news item is about.",
  types: () => [Town, Event, Organisation, Programme, Project, Network, PartnerSearch, FundingCall],
  resolveType: (value) => typenameOf(value),
});

export const NewsItem = builder.prismaNode("NewsItem", {
  // The publisher: whose publishers may see the history.
  select: { id: true, publisherId: true },
  ...entityIn("news"),
  id: entityId("id"),
  description: "A dated news item from a source document, linked to the records it is about.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "URL-safe unique key, for the root lookup by slug." }),
    publishedOn: t.expose("publishedOn", { type: "Date", description: "Publication date." }),
    language: t.exposeString("language", { description: "ISO 639-1 language of the item." }),
    title: t.string({
      description: "Headline.",
      args: { lang: t.arg.string({ description: LANG_ARG_DESCRIPTION }) },
      select: { names: true },
      resolve: (n, args, ctx) => pickText(n.names, args.lang ?? ctx.lang)!,
    }),
    titleTranslations: t.field({
      type: [LocalizedText],
      select: { names: true },
      resolve: (n) => asTexts(n.names),
      description: "The headline in every language we have.",
    }),
    summary: t.string({
      description: "What the item says.",
      args: { lang: t.arg.string({ description: LANG_ARG_DESCRIPTION }) },
      select: { summary: true },
      resolve: (n, args, ctx) => pickText(n.summary, args.lang ?? ctx.lang)!,
    }),
    publisher: t.relation("publisher", { nullable: true, description: "The organisation that published it." }),
    source: t.relation("source", { description: "The document the item was published in." }),
    subjects: t.loadableList({
      type: NewsSubject,
      description:
        "The towns, events, organisations, programmes, projects, networks, partner searches and funding calls it is about.",
      load: (newsIds: number[], ctx) => loadSubjects(newsIds, ctx),
      resolve: (n) => n.id,
    }),
    version: t.exposeInt("version", { description: "Pass it as expectedVersion to updateNews." }),
    history: historyField(t, "NewsItem", "news item", (item) =>
      item.publisherId ? { publisher: item.publisherId } : { admin: true },
    ),
    sources: sourcesField(t, "NEWS_ITEM"),
  }),
});

/** One query for the links, then one per subject type present. */
async function loadSubjects(newsIds: number[], { prisma, read }: Context): Promise<RecordRow[][]> {
  const links = await prisma.newsSubject.findMany({ where: { newsItemId: { in: newsIds } }, orderBy: { id: "asc" } });
  const refs = links.map((l) => ({ type: l.subjectType as SubjectType, id: l.subjectId }));
  const records = await loadRecords(read, refs);
  return newsIds.map((id) =>
    links
      .filter((l) => l.newsItemId === id)
      .flatMap((l) => records.get(recordKey({ type: l.subjectType as SubjectType, id: l.subjectId })) ?? []),
  );
}
