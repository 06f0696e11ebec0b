import type { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { bySlug } from "../common/lookup.js";
import { pageSize } from "../common/pagination.js";
import { ApplicantKind } from "./funding-call.js";

export const FundingCallFilter = builder.inputType("FundingCallFilter", {
  description: "Conditions on funding calls; all given conditions must hold.",
  fields: (t) => ({
    openOn: t.field({
      type: "Date",
      required: false,
      description: "Calls accepting applications on this day (published by then, deadline not passed).",
    }),
    funder: t.string({ required: false, description: "Slug of the funding organisation." }),
    programme: t.string({ required: false, description: "Slug of the programme." }),
    applicant: t.field({ type: ApplicantKind, required: false, description: "Calls open to this kind of applicant." }),
  }),
});

function fundingCallWhere(
  filter: typeof FundingCallFilter.$inferInput | null | undefined,
): Prisma.FundingCallWhereInput {
  if (!filter) return {};
  const day = filter.openOn;
  return {
    AND: [
      day ? { OR: [{ publishedOn: null }, { publishedOn: { lte: day } }] } : {},
      day ? { OR: [{ deadline: null }, { deadline: { gte: day } }] } : {},
      filter.funder ? { funder: { slug: filter.funder } } : {},
      filter.programme ? { programme: { slug: filter.programme } } : {},
      filter.applicant ? { eligibleApplicants: { has: filter.applicant } } : {},
    ],
  };
}

builder.queryFields((t) => ({
  fundingCall: bySlug(t, "funding", "FundingCall", "funding call", (prisma, query, slug) =>
    prisma.fundingCall.findUnique({ ...query, where: { slug } }),
  ),
  fundingCalls: t.prismaConnection({
    ...rootIn("funding"),
    type: "FundingCall",
    cursor: "id",
    ...pageSize,
    description: "Calls for applications, nearest deadline first.",
    args: { filter: t.arg({ type: FundingCallFilter, description: "Which funding calls; all when omitted." }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.fundingCall.count({ where: fundingCallWhere(args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.fundingCall.findMany({
        ...query,
        where: fundingCallWhere(args.filter),
        orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      }),
  }),
}));
