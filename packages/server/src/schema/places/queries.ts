import type { Prisma } from "../../generated/prisma/index.js";
import { builder } from "../builder.js";
import { badInput } from "../common/errors.js";
import { found } from "../common/lookup.js";
import { pageSize } from "../common/pagination.js";
import { Country } from "./country.js";

export const TownFilter = builder.inputType("TownFilter", {
  description: "Conditions on towns; all given conditions must hold.",
  fields: (t) => ({
    countries: t.stringList({ required: false, description: "ISO alpha-2 country codes (any of)." }),
    region: t.string({ required: false, description: "First-level region name, exactly as GeoNames has it (Styria)." }),
    populationMin: t.int({ description: "At least this many inhabitants (GeoNames).", required: false }),
    populationMax: t.int({ description: "At most this many inhabitants (GeoNames).", required: false }),
    nameStartsWith: t.string({ required: false, description: "Case-insensitive prefix of the canonical name." }),
    memberOf: t.string({ required: false, description: "Slug of a network the town is a named member of." }),
    participantIn: t.string({ required: false, description: "Slug of a project the town is a named participant of." }),
    hasOpenPartnerSearches: t.boolean({ required: false, description: "Towns that have (true) or have not (false) an open partner search." }),
  }),
});

export const TownOrder = builder.enumType("TownOrder", {
  description: "Order of town lists.",
  values: { NAME: { description: "By name, ignoring diacritics." }, POPULATION_DESC: { description: "Largest first (GeoNames population)." } } as const,
});

type TownFilterInput = typeof TownFilter.$inferInput;

export function townWhere(filter: TownFilterInput | null | undefined): Prisma.TownWhereInput {
  if (!filter) return {};
  if (filter.populationMin != null && filter.populationMax != null && filter.populationMin > filter.populationMax)
    throw badInput("populationMin must not exceed populationMax");
  const open = { some: { status: "OPEN" as const } };
  return {
    AND: [
      filter.countries ? { countryCode: { in: filter.countries.map((c) => c.toUpperCase()) } } : {},
      filter.region ? { region: filter.region } : {},
      filter.populationMin != null || filter.populationMax != null
        ? { population: { gte: filter.populationMin ?? undefined, lte: filter.populationMax ?? undefined } }
        : {},
      filter.nameStartsWith ? { name: { startsWith: filter.nameStartsWith, mode: "insensitive" as const } } : {},
      filter.memberOf ? { memberships: { some: { network: { slug: filter.memberOf } } } } : {},
      filter.participantIn ? { projects: { some: { project: { slug: filter.participantIn } } } } : {},
      filter.hasOpenPartnerSearches == null ? {} : filter.hasOpenPartnerSearches ? { partnerSearches: open } : { partnerSearches: { none: { status: "OPEN" } } },
    ],
  };
}

builder.queryFields((t) => ({
  town: t.prismaField({
    type: "Town",
    description: "A town by its slug (opava). NOT_FOUND when there is none.",
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => found(ctx.prisma.town.findUnique({ ...query, where: { slug: args.slug } }), "town", `slug ${args.slug}`),
  }),
  towns: t.prismaConnection({
    type: "Town",
    cursor: "id",
    ...pageSize,
    description: "Towns matching a filter.",
    args: {
      filter: t.arg({ type: TownFilter }),
      order: t.arg({ type: TownOrder, defaultValue: "NAME" }),
    },
    totalCount: (_parent, args, ctx) => ctx.prisma.town.count({ where: townWhere(args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.town.findMany({
        ...query,
        where: townWhere(args.filter),
        // By the name without diacritics: Č sorts with C on every database collation.
        orderBy: args.order === "POPULATION_DESC" ? [{ population: { sort: "desc", nulls: "last" } }, { id: "asc" }] : [{ asciiName: "asc" }, { id: "asc" }],
      }),
  }),
  country: t.prismaField({
    type: Country,
    description: "A country by ISO alpha-2 code (CZ). NOT_FOUND when there is none.",
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      found(ctx.prisma.country.findUnique({ ...query, where: { code: args.code.toUpperCase() } }), "country", `code ${args.code}`),
  }),
  countries: t.prismaField({
    type: [Country],
    description: "Countries by code; all ISO 3166-1 countries unless filtered.",
    args: {
      codes: t.arg.stringList({ description: "Only these alpha-2 codes." }),
      withTowns: t.arg.boolean({ description: "Only countries that have towns in CityNet." }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.country.findMany({
        ...query,
        where: {
          ...(args.codes ? { code: { in: args.codes.map((c) => c.toUpperCase()) } } : {}),
          ...(args.withTowns ? { towns: { some: {} } } : {}),
        },
        orderBy: { code: "asc" },
      }),
  }),
}));
