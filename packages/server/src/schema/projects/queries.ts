import { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import { bySlug } from "../common/lookup.js";
import { pageSize } from "../common/pagination.js";

export const ProjectFilter = builder.inputType("ProjectFilter", {
  description: "Conditions on projects; all given conditions must hold.",
  fields: (t) => ({
    programme: t.string({ required: false, description: "Slug of the programme." }),
    fund: t.string({ required: false, description: "Slug of the fund (erdf)." }),
    town: t.string({ required: false, description: "Slug of a named participating town." }),
    country: t.string({ required: false, description: "ISO alpha-2 code of a declared participating country." }),
    organisation: t.string({ required: false, description: "Slug of a partner organisation." }),
    runningFrom: t.field({
      type: "Date",
      required: false,
      description: "Projects whose period ends on or after this day.",
    }),
    runningTo: t.field({
      type: "Date",
      required: false,
      description: "Projects whose period starts on or before this day.",
    }),
    budgetMin: t.field({
      type: "Decimal",
      required: false,
      description: "Stated budget at least this (any currency).",
    }),
    budgetMax: t.field({ type: "Decimal", required: false, description: "Stated budget at most this (any currency)." }),
  }),
});

function decimal(value: string | null | undefined): Prisma.Decimal | undefined {
  if (value == null) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value))
    throw badInput(`budget must be a decimal number like 1800000.00, got ${JSON.stringify(value)}`);
  return new Prisma.Decimal(value);
}

function projectWhere(filter: typeof ProjectFilter.$inferInput | null | undefined): Prisma.ProjectWhereInput {
  if (!filter) return {};
  return {
    AND: [
      filter.programme ? { programme: { slug: filter.programme } } : {},
      filter.fund ? { fund: { slug: filter.fund } } : {},
      filter.town ? { towns: { some: { town: { slug: filter.town } } } } : {},
      filter.country ? { declaredCountries: { some: { countryCode: filter.country.toUpperCase() } } } : {},
      filter.organisation ? { partners: { some: { organisation: { slug: filter.organisation } } } } : {},
      // A period overlaps [runningFrom, runningTo] when it ends after the start and starts before the end.
      filter.runningFrom ? { periodEnd: { gte: filter.runningFrom } } : {},
      filter.runningTo ? { periodStart: { lte: filter.runningTo } } : {},
      filter.budgetMin != null || filter.budgetMax != null
        ? { budgetAmount: { gte: decimal(filter.budgetMin), lte: decimal(filter.budgetMax) } }
        : {},
    ],
  };
}

builder.queryFields((t) => ({
  project: bySlug(t, "projects", "Project", "project", (prisma, query, slug) =>
    prisma.project.findUnique({ ...query, where: { slug } }),
  ),
  projects: t.prismaConnection({
    ...rootIn("projects"),
    type: "Project",
    cursor: "id",
    ...pageSize,
    description: "Cooperation projects.",
    args: { filter: t.arg({ type: ProjectFilter, description: "Which projects; all when omitted." }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.project.count({ where: projectWhere(args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.project.findMany({
        ...query,
        where: projectWhere(args.filter),
        orderBy: [{ periodStart: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      }),
  }),
}));
