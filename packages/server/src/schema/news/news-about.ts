import type { FieldRef } from "@pothos/core";
import type { SubjectType } from "../../generated/prisma/index.js";
import type { Types } from "../builder.js";
import { NewsItem } from "./news-item.js";

/** A `news` field on a type that news items can be about, latest first, batched per request. */

// The explicit return type breaks the type-inference cycle NewsItem → subjects → Town → news.
export function newsAboutField<Parent extends { id: number }>(
  // Only the method used is compared with the caller's builder: whole builders are too deep to compare.
  t: Pick<PothosSchemaTypes.RootFieldBuilder<Types, Parent, "Object" | "PrismaObject">, "loadableGroup">,
  subjectType: SubjectType,
): FieldRef<Types, unknown> {
  return t.loadableGroup({
    type: NewsItem,
    description: "News items about this record, latest first.",
    load: async (ids: number[], ctx) => {
      const links = await ctx.prisma.newsSubject.findMany({
        where: { subjectType, subjectId: { in: ids } },
        include: { newsItem: true },
        orderBy: [{ newsItem: { publishedOn: "desc" } }, { id: "asc" }],
      });
      return links.map((link) => Object.assign(link.newsItem, { subjectId: link.subjectId }));
    },
    // Each loaded item carries the subject it was found for (an item can be about several).
    group: (item) => (item as typeof item & { subjectId: number }).subjectId,
    resolve: (parent) => parent.id,
  });
}
