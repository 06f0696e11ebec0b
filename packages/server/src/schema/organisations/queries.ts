import type { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { bySlug } from "../common/lookup.js";
import { pageSize } from "../common/pagination.js";
import { OrganisationKind } from "./organisation.js";

export const OrganisationFilter = builder.inputType("OrganisationFilter", {
  description: "Conditions on organisations; all given conditions must hold.",
  fields: (t) => ({
    kinds: t.field({ type: [OrganisationKind], required: false, description: "Any of these kinds." }),
    country: t.string({ required: false, description: "ISO alpha-2 code." }),
  }),
});

function organisationWhere(
  filter: typeof OrganisationFilter.$inferInput | null | undefined,
): Prisma.OrganisationWhereInput {
  return {
    ...(filter?.kinds ? { kind: { in: filter.kinds } } : {}),
    ...(filter?.country ? { countryCode: filter.country.toUpperCase() } : {}),
  };
}

builder.queryFields((t) => ({
  organisation: bySlug(t, "organisations", "Organisation", "organisation", (prisma, query, slug) =>
    prisma.organisation.findUnique({ ...query, where: { slug } }),
  ),
  organisations: t.prismaConnection({
    ...rootIn("organisations"),
    type: "Organisation",
    cursor: "id",
    ...pageSize,
    description: "Associations, agencies and public bodies.",
    args: { filter: t.arg({ type: OrganisationFilter, description: "Which organisations; all when omitted." }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.organisation.count({ where: organisationWhere(args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.organisation.findMany({ ...query, where: organisationWhere(args.filter), orderBy: { id: "asc" } }),
  }),
  programme: bySlug(t, "organisations", "Programme", "programme", (prisma, query, slug) =>
    prisma.programme.findUnique({ ...query, where: { slug } }),
  ),
  programmes: t.prismaField({
    ...rootIn("organisations"),
    type: ["Programme"],
    description: "Funds and programmes.",
    resolve: (query, _root, _args, ctx) => ctx.prisma.programme.findMany({ ...query, orderBy: { id: "asc" } }),
  }),
}));
