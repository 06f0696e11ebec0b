import type { Prisma, PrismaClient } from "../../generated/prisma/index.js";
import { sqlRoot } from "../../sql-plan/annotations.js";
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import { bySlug, found } from "../common/lookup.js";
import { pageInOrder } from "../common/ordered-page.js";
import { pageSize } from "../common/pagination.js";
import { memo } from "../common/request-memo.js";
import type { Context } from "../context.js";
import { Country } from "./country.js";

export const Near = builder.inputType("Near", {
  description: "A circle on the map: around a town (slug) or a coordinate, with a radius in kilometres.",
  fields: (t) => ({
    town: t.string({ required: false, description: "Slug of the town at the centre." }),
    latitude: t.float({ required: false, description: "Latitude of the centre (with longitude, instead of town)." }),
    longitude: t.float({ required: false, description: "Longitude of the centre." }),
    km: t.float({ required: true, description: `Radius in kilometres (at most ${MAX_RADIUS_KM}).` }),
  }),
});

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
    hasOpenPartnerSearches: t.boolean({
      required: false,
      description: "Towns that have (true) or have not (false) an open partner search.",
    }),
    near: t.field({
      type: Near,
      required: false,
      description: "Towns within a radius (great-circle distance); enables order DISTANCE.",
    }),
  }),
});

export const TownOrder = builder.enumType("TownOrder", {
  description: "Order of town lists.",
  values: {
    NAME: { description: "By name, ignoring diacritics." },
    POPULATION_DESC: { description: "Largest first (GeoNames population)." },
    DISTANCE: { description: "Nearest first; needs filter.near." },
  } as const,
});

type TownFilterInput = typeof TownFilter.$inferInput;

export const MAX_RADIUS_KM = 500;

/** Towns within the circle, nearest first (earth_box narrows through the GiST index). */
export async function townsWithin(
  prisma: PrismaClient,
  near: typeof Near.$inferInput,
): Promise<{ id: number; km: number }[]> {
  if (near.km <= 0 || near.km > MAX_RADIUS_KM) throw badInput(`near.km must be between 0 and ${MAX_RADIUS_KM}`);
  let centre: { latitude: number; longitude: number } | null = null;
  if (near.town)
    centre = await found(
      prisma.town.findUnique({ where: { slug: near.town }, select: { latitude: true, longitude: true } }),
      "town",
      `slug ${near.town}`,
    );
  else if (near.latitude != null && near.longitude != null)
    centre = { latitude: near.latitude, longitude: near.longitude };
  else throw badInput("near needs a town or a latitude and longitude");
  const metres = near.km * 1000;
  const rows = await prisma.$queryRaw<{ id: number; km: number }[]>`
    SELECT id, earth_distance(ll_to_earth(${centre.latitude}, ${centre.longitude}), ll_to_earth(latitude, longitude)) / 1000 AS km
      FROM "Town"
     WHERE earth_box(ll_to_earth(${centre.latitude}, ${centre.longitude}), ${metres}) @> ll_to_earth(latitude, longitude)
       AND earth_distance(ll_to_earth(${centre.latitude}, ${centre.longitude}), ll_to_earth(latitude, longitude)) <= ${metres}
     ORDER BY km, id`;
  return rows.map((r) => ({ id: r.id, km: Number(r.km) }));
}

/** The circle's towns, looked up once per request however many resolvers ask. */
function townsWithinOnce(ctx: Context, near: typeof Near.$inferInput) {
  return memo(ctx, `townsWithin:${JSON.stringify(near)}`, () => townsWithin(ctx.prisma, near));
}

/** The filter's conditions but the radius, which needs a lookup first (townWhere). */
function townConditions(filter: TownFilterInput | null | undefined): Prisma.TownWhereInput[] {
  if (!filter) return [];
  if (filter.populationMin != null && filter.populationMax != null && filter.populationMin > filter.populationMax)
    throw badInput("populationMin must not exceed populationMax");
  const open = { some: { status: "OPEN" as const } };
  return [
    filter.countries ? { countryCode: { in: filter.countries.map((c) => c.toUpperCase()) } } : {},
    filter.region ? { region: filter.region } : {},
    filter.populationMin != null || filter.populationMax != null
      ? { population: { gte: filter.populationMin ?? undefined, lte: filter.populationMax ?? undefined } }
      : {},
    filter.nameStartsWith ? { name: { startsWith: filter.nameStartsWith, mode: "insensitive" as const } } : {},
    filter.memberOf ? { memberships: { some: { network: { slug: filter.memberOf } } } } : {},
    filter.participantIn ? { projects: { some: { project: { slug: filter.participantIn } } } } : {},
    filter.hasOpenPartnerSearches == null
      ? {}
      : filter.hasOpenPartnerSearches
        ? { partnerSearches: open }
        : { partnerSearches: { none: { status: "OPEN" } } },
  ];
}

async function townWhere(ctx: Context, filter: TownFilterInput | null | undefined): Promise<Prisma.TownWhereInput> {
  const near = filter?.near ? [{ id: { in: (await townsWithinOnce(ctx, filter.near)).map((t) => t.id) } }] : [];
  return { AND: [...townConditions(filter), ...near] };
}

type TownOrderValue = typeof TownOrder.$inferType;

/** By the name without diacritics: Č sorts with C on every database collation. */
function townOrderBy(order: TownOrderValue | null | undefined): Prisma.TownOrderByWithRelationInput[] {
  return order === "POPULATION_DESC"
    ? [{ population: { sort: "desc", nulls: "last" } }, { id: "asc" }]
    : [{ asciiName: "asc" }, { id: "asc" }];
}

builder.queryFields((t) => ({
  town: bySlug(t, "places", "Town", "town", (prisma, query, slug) =>
    prisma.town.findUnique({ ...query, where: { slug } }),
  ),
  towns: t.prismaConnection({
    ...rootIn("places"),
    type: "Town",
    cursor: "id",
    ...pageSize,
    description: "Towns matching a filter.",
    args: {
      filter: t.arg({ type: TownFilter, description: "Which towns; all when omitted." }),
      order: t.arg({ type: TownOrder, defaultValue: "NAME", description: "The order of the list." }),
    },
    extensions: sqlRoot({
      kind: "connection",
      model: "Town",
      query: (args: { filter?: TownFilterInput | null; order?: TownOrderValue | null }) =>
        args.filter?.near || args.order === "DISTANCE"
          ? null
          : { where: { AND: townConditions(args.filter) }, orderBy: townOrderBy(args.order) },
    }),
    totalCount: async (_parent, args, ctx) => ctx.prisma.town.count({ where: await townWhere(ctx, args.filter) }),
    resolve: async (query, _root, args, ctx) => {
      const where = await townWhere(ctx, args.filter);
      if (args.order === "DISTANCE") {
        if (!args.filter?.near) throw badInput("order DISTANCE needs filter.near");
        const within = await townsWithinOnce(ctx, args.filter.near);
        return pageInOrder(
          within.map((t) => t.id),
          query,
          (ids) =>
            ctx.prisma.town.findMany({
              ...query,
              cursor: undefined,
              skip: undefined,
              take: undefined,
              where: { AND: [where, { id: { in: ids } }] },
            }),
        );
      }
      return ctx.prisma.town.findMany({ ...query, where, orderBy: townOrderBy(args.order) });
    },
  }),
  country: t.prismaField({
    ...rootIn("places"),
    type: Country,
    description: "A country by ISO alpha-2 code (CZ). NOT_FOUND when there is none.",
    args: { code: t.arg.string({ required: true, description: "ISO 3166-1 alpha-2 code, in either case." }) },
    resolve: (query, _root, args, ctx) =>
      found(
        ctx.prisma.country.findUnique({ ...query, where: { code: args.code.toUpperCase() } }),
        "country",
        `code ${args.code}`,
      ),
  }),
  countries: t.prismaField({
    ...rootIn("places"),
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
