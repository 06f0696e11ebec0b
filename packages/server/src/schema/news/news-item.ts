import type * as Models from "../../generated/prisma/index.js";
import type { PrismaClient, SubjectType } from "../../generated/prisma/index.js";
import { builder } from "../builder.js";
import { asTexts, LANG_ARG_DESCRIPTION, LocalizedText, pickText } from "../common/localized.js";
import { sourcesField } from "../common/sources.js";
import { Event } from "../events/event.js";
import { FundingCall } from "../funding/funding-call.js";
import { Organisation } from "../organisations/organisation.js";
import { Programme } from "../organisations/programme.js";
import { PartnerSearch } from "../partnerships/partner-search.js";
import { Town } from "../places/town.js";
import { Project } from "../projects/project.js";

/** Which GraphQL type each loaded subject is, for the union's resolveType. */
const subjectTypes = new WeakMap<object, string>();

const SUBJECT_TYPENAMES: Partial<Record<SubjectType, string>> = {
  TOWN: "Town",
  EVENT: "Event",
  ORGANISATION: "Organisation",
  PROGRAMME: "Programme",
  PROJECT: "Project",
  PARTNER_SEARCH: "PartnerSearch",
  FUNDING_CALL: "FundingCall",
};

export const NewsSubject = builder.unionType("NewsSubject", {
  description: "What a news item is about.",
  types: () => [Town, Event, Organisation, Programme, Project, PartnerSearch, FundingCall],
  resolveType: (value) => subjectTypes.get(value as object)!,
});

export const NewsItem = builder.prismaNode("NewsItem", {
  id: { field: "id" },
  description: "A dated news item from a source document, linked to the records it is about.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "URL-safe unique key, for the root lookup by slug." }),
    publishedOn: t.expose("publishedOn", { type: "Date", description: "Publication date." }),
    language: t.exposeString("language", { description: "ISO 639-1 language of the item." }),
    title: t.string({
      description: "Headline.",
      args: { lang: t.arg.string({ description: LANG_ARG_DESCRIPTION }) },
      resolve: (n, args, ctx) => pickText(n.names, args.lang ?? ctx.lang)!,
    }),
    titleTranslations: t.field({ type: [LocalizedText], resolve: (n) => asTexts(n.names) , description: "The headline in every language we have." }),
    summary: t.string({
      description: "What the item says.",
      args: { lang: t.arg.string({ description: LANG_ARG_DESCRIPTION }) },
      resolve: (n, args, ctx) => pickText(n.summary, args.lang ?? ctx.lang)!,
    }),
    publisher: t.relation("publisher", { nullable: true, description: "The organisation that published it." }),
    source: t.relation("source", { description: "The document the item was published in." }),
    subjects: t.loadableList({
      type: NewsSubject,
      description: "The towns, events, organisations, programmes, projects, partner searches and funding calls it is about.",
      load: (newsIds: number[], ctx) => loadSubjects(newsIds, ctx.prisma),
      resolve: (n) => n.id,
    }),
    sources: sourcesField(t, "NEWS_ITEM"),
  }),
});

type SubjectRow = Models.Town | Models.Event | Models.Organisation | Models.Programme | Models.Project | Models.PartnerSearch | Models.FundingCall;

/** One query for the links, then one per subject type present. */
async function loadSubjects(newsIds: number[], prisma: PrismaClient): Promise<SubjectRow[][]> {
  const links = await prisma.newsSubject.findMany({ where: { newsItemId: { in: newsIds } }, orderBy: { id: "asc" } });
  const idsByType = new Map<SubjectType, number[]>();
  for (const link of links) idsByType.set(link.subjectType, [...(idsByType.get(link.subjectType) ?? []), link.subjectId]);
  const finders: Partial<Record<SubjectType, (ids: number[]) => Promise<SubjectRow[]>>> = {
    TOWN: (ids) => prisma.town.findMany({ where: { id: { in: ids } } }),
    EVENT: (ids) => prisma.event.findMany({ where: { id: { in: ids } } }),
    ORGANISATION: (ids) => prisma.organisation.findMany({ where: { id: { in: ids } } }),
    PROGRAMME: (ids) => prisma.programme.findMany({ where: { id: { in: ids } } }),
    PROJECT: (ids) => prisma.project.findMany({ where: { id: { in: ids } } }),
    PARTNER_SEARCH: (ids) => prisma.partnerSearch.findMany({ where: { id: { in: ids } } }),
    FUNDING_CALL: (ids) => prisma.fundingCall.findMany({ where: { id: { in: ids } } }),
  };
  const rows = new Map<string, SubjectRow>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      for (const row of await finders[type]!(ids)) {
        subjectTypes.set(row, SUBJECT_TYPENAMES[type]!);
        rows.set(`${type}:${row.id}`, row);
      }
    }),
  );
  return newsIds.map((id) => links.filter((l) => l.newsItemId === id).map((l) => rows.get(`${l.subjectType}:${l.subjectId}`)!).filter(Boolean));
}
