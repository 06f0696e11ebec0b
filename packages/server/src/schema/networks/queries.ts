import type { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { bySlug } from "../common/lookup.js";
import { pageSize } from "../common/pagination.js";

export const NetworkFilter = builder.inputType("NetworkFilter", {
  description: "Conditions on networks; all given conditions must hold.",
  fields: (t) => ({
    country: t.string({
      required: false,
      description: "Networks with members from this country (declared) or based there.",
    }),
    memberTown: t.string({ required: false, description: "Slug of a named member town." }),
  }),
});

function networkWhere(filter: typeof NetworkFilter.$inferInput | null | undefined): Prisma.NetworkWhereInput {
  if (!filter) return {};
  const country = filter.country?.toUpperCase();
  return {
    AND: [
      country ? { OR: [{ homeCountryCode: country }, { declaredCountries: { some: { countryCode: country } } }] } : {},
      filter.memberTown ? { memberships: { some: { town: { slug: filter.memberTown } } } } : {},
    ],
  };
}

builder.queryFields((t) => ({
  network: bySlug(t, "networks", "Network", "network", (prisma, query, slug) =>
    prisma.network.findUnique({ ...query, where: { slug } }),
  ),
  networks: t.prismaConnection({
    ...rootIn("networks"),
    type: "Network",
    cursor: "id",
    ...pageSize,
    description: "Networks of towns.",
    args: { filter: t.arg({ type: NetworkFilter, description: "Which networks; all when omitted." }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.network.count({ where: networkWhere(args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.network.findMany({ ...query, where: networkWhere(args.filter), orderBy: { id: "asc" } }),
  }),
}));
