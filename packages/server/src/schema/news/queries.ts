import type { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { bySlug } from "../common/lookup.js";
import { pageSize } from "../common/pagination.js";

export const NewsFilter = builder.inputType("NewsFilter", {
  description: "Conditions on news items; all given conditions must hold.",
  fields: (t) => ({
    from: t.field({ type: "Date", required: false, description: "Published on or after." }),
    to: t.field({ type: "Date", required: false, description: "Published on or before." }),
    publisher: t.string({ required: false, description: "Slug of the publishing organisation." }),
    language: t.string({ required: false, description: "ISO 639-1 language of the item." }),
  }),
});

function newsWhere(filter: typeof NewsFilter.$inferInput | null | undefined): Prisma.NewsItemWhereInput {
  if (!filter) return {};
  return {
    AND: [
      filter.from || filter.to ? { publishedOn: { gte: filter.from ?? undefined, lte: filter.to ?? undefined } } : {},
      filter.publisher ? { publisher: { slug: filter.publisher } } : {},
      filter.language ? { language: filter.language } : {},
    ],
  };
}

builder.queryFields((t) => ({
  newsItem: bySlug(t, "news", "NewsItem", "news item", (prisma, query, slug) =>
    prisma.newsItem.findUnique({ ...query, where: { slug } }),
  ),
  news: t.prismaConnection({
    ...rootIn("news"),
    type: "NewsItem",
    cursor: "id",
    ...pageSize,
    description: "News items, latest first.",
    args: { filter: t.arg({ type: NewsFilter, description: "Which news items; all when omitted." }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.newsItem.count({ where: newsWhere(args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.newsItem.findMany({
        ...query,
        where: newsWhere(args.filter),
        orderBy: [{ publishedOn: "desc" }, { id: "asc" }],
      }),
  }),
  sources: t.prismaField({
    ...rootIn("news"),
    type: ["Source"],
    description: "Every source document and registry, with licences.",
    resolve: (query, _root, _args, ctx) => ctx.prisma.source.findMany({ ...query, orderBy: { id: "asc" } }),
  }),
}));
