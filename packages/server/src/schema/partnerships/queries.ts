import type { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { bySlug } from "../common/lookup.js";
import { pageSize } from "../common/pagination.js";
import { PartnerSearchStatus, PartnershipKind } from "./partner-search.js";

export const PartnerSearchFilter = builder.inputType("PartnerSearchFilter", {
  description: "Conditions on partner searches; all given conditions must hold.",
  fields: (t) => ({
    status: t.field({ type: PartnerSearchStatus, required: false, description: "As the search shows it." }),
    kind: t.field({ type: PartnershipKind, required: false, description: "Twinning or cooperation." }),
    town: t.string({ required: false, description: "Slug of the requesting town." }),
    country: t.string({ required: false, description: "ISO alpha-2 code of the requesting town's country." }),
    topic: t.string({ required: false, description: "Slug of a topic." }),
  }),
});

/** The searches that show `status` (shownStatus): an expired one is stored OPEN, past validUntil. */
function statusWhere(status: typeof PartnerSearchStatus.$inferType): Prisma.PartnerSearchWhereInput {
  const today = new Date(new Date().toISOString().slice(0, 10));
  if (status === "EXPIRED") return { status: "OPEN", validUntil: { lt: today } };
  if (status === "OPEN") return { status: "OPEN", OR: [{ validUntil: null }, { validUntil: { gte: today } }] };
  return { status };
}

function partnerSearchWhere(
  filter: typeof PartnerSearchFilter.$inferInput | null | undefined,
): Prisma.PartnerSearchWhereInput {
  if (!filter) return {};
  return {
    AND: [
      filter.status ? statusWhere(filter.status) : {},
      filter.kind ? { kind: filter.kind } : {},
      filter.town ? { town: { slug: filter.town } } : {},
      filter.country ? { town: { countryCode: filter.country.toUpperCase() } } : {},
      filter.topic ? { topics: { some: { slug: filter.topic } } } : {},
    ],
  };
}

builder.queryFields((t) => ({
  partnerSearch: bySlug(t, "partnerships", "PartnerSearch", "partner search", (prisma, query, slug) =>
    prisma.partnerSearch.findUnique({ ...query, where: { slug } }),
  ),
  partnerSearches: t.prismaConnection({
    ...rootIn("partnerships"),
    type: "PartnerSearch",
    cursor: "id",
    ...pageSize,
    description: "Towns looking for partners, latest first.",
    args: { filter: t.arg({ type: PartnerSearchFilter, description: "Which partner searches; all when omitted." }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.partnerSearch.count({ where: partnerSearchWhere(args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.partnerSearch.findMany({
        ...query,
        where: partnerSearchWhere(args.filter),
        orderBy: [{ postedOn: "desc" }, { id: "asc" }],
      }),
  }),
  agreement: bySlug(t, "partnerships", "Agreement", "agreement", (prisma, query, slug) =>
    prisma.agreement.findUnique({ ...query, where: { slug } }),
  ),
  agreements: t.prismaConnection({
    ...rootIn("partnerships"),
    type: "Agreement",
    cursor: "id",
    ...pageSize,
    description: "Declarations and agreements between towns.",
    totalCount: (_parent, _args, ctx) => ctx.prisma.agreement.count(),
    resolve: (query, _root, _args, ctx) => ctx.prisma.agreement.findMany({ ...query, orderBy: { id: "asc" } }),
  }),
}));
