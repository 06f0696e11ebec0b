// Typed aggregates an analyst can chart: rows of (group, count[, sum]), no JSON blobs.
import { Prisma } from "../../generated/prisma/index.js";
import { type Season, seasonOf } from "../../lib/date-range.js";
import { builder, rootIn } from "../builder.js";
import { found } from "../common/lookup.js";
import { SeasonEnum } from "../common/partial-date.js";
import { Topic } from "../events/event.js";
import { Programme } from "../organisations/programme.js";
import { Country } from "../places/country.js";

/** Population bands for town statistics (GeoNames population). */
export const POPULATION_BANDS = [
  { label: "under 1,000", min: 0, max: 999 },
  { label: "1,000–4,999", min: 1000, max: 4999 },
  { label: "5,000–19,999", min: 5000, max: 19999 },
  { label: "20,000–99,999", min: 20000, max: 99999 },
  { label: "100,000 and more", min: 100000, max: null },
] as const;

const COUNT_DESCRIPTION = "How many.";

export const YearCount = builder.objectRef<{ year: number; count: number }>("YearCount").implement({
  description: "A count per year.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year." }),
    count: t.exposeInt("count", { description: COUNT_DESCRIPTION }),
  }),
});

export const SeasonCount = builder.objectRef<{ season: Season; count: number }>("SeasonCount").implement({
  description: "A count per season (of events dated to a season).",
  fields: (t) => ({
    season: t.field({ type: SeasonEnum, description: "The season.", resolve: (r) => r.season }),
    count: t.exposeInt("count", { description: COUNT_DESCRIPTION }),
  }),
});

export const CountryCount = builder.objectRef<{ countryCode: string; count: number }>("CountryCount").implement({
  description: "A count per country.",
  fields: (t) => ({
    country: t.prismaField({
      type: Country,
      description: "The country.",
      resolve: (query, r, _a, ctx) =>
        ctx.prisma.country.findUniqueOrThrow({ ...query, where: { code: r.countryCode } }),
    }),
    count: t.exposeInt("count", { description: COUNT_DESCRIPTION }),
  }),
});

export const TopicCount = builder.objectRef<{ topicId: number; count: number }>("TopicCount").implement({
  description: "A count per topic.",
  fields: (t) => ({
    topic: t.prismaField({
      type: Topic,
      description: "The topic.",
      resolve: (query, r, _a, ctx) => ctx.prisma.topic.findUniqueOrThrow({ ...query, where: { id: r.topicId } }),
    }),
    count: t.exposeInt("count", { description: COUNT_DESCRIPTION }),
  }),
});

export const PopulationBandCount = builder
  .objectRef<{ label: string; min: number; max: number | null; count: number }>("PopulationBandCount")
  .implement({
    description: "Towns in a population band.",
    fields: (t) => ({
      band: t.exposeString("label", { description: "The band, in words." }),
      min: t.exposeInt("min", { description: "Smallest population in the band." }),
      max: t.exposeInt("max", {
        nullable: true,
        description: "Largest population in the band; null for the open top band.",
      }),
      count: t.exposeInt("count", { description: COUNT_DESCRIPTION }),
    }),
  });

interface CountryTowns {
  countryCode: string;
  towns: number;
  bands: { label: string; min: number; max: number | null; count: number }[];
}

export const CountryTownStats = builder.objectRef<CountryTowns>("CountryTownStats").implement({
  description: "Towns of a country by population band.",
  fields: (t) => ({
    country: t.prismaField({
      type: Country,
      description: "The country.",
      resolve: (query, r, _a, ctx) =>
        ctx.prisma.country.findUniqueOrThrow({ ...query, where: { code: r.countryCode } }),
    }),
    towns: t.exposeInt("towns", { description: "Towns in CityNet." }),
    bands: t.field({
      type: [PopulationBandCount],
      description: "How many in each population band.",
      resolve: (r) => r.bands,
    }),
  }),
});

const BudgetTotal = builder.objectRef<{ currency: string; amount: string }>("BudgetTotal").implement({
  description: "The sum of stated budgets in one currency.",
  fields: (t) => ({
    currency: t.exposeString("currency", { description: "ISO 4217 code." }),
    amount: t.field({
      type: "Decimal",
      description: "Sum of the budgets the sources state (projects without one add nothing).",
      resolve: (x) => x.amount,
    }),
  }),
});

interface ProgrammeProjects {
  programmeId: number | null;
  projects: number;
  budgets: { currency: string; amount: string }[];
}

export const ProgrammeProjectStats = builder.objectRef<ProgrammeProjects>("ProgrammeProjectStats").implement({
  description: "Projects and their stated budgets for one programme or fund.",
  fields: (t) => ({
    programme: t.prismaField({
      type: Programme,
      nullable: true,
      description: "The programme or fund; null groups projects without one.",
      resolve: (query, r, _a, ctx) =>
        r.programmeId === null
          ? null
          : ctx.prisma.programme.findUniqueOrThrow({ ...query, where: { id: r.programmeId } }),
    }),
    projects: t.exposeInt("projects", { description: "Number of projects." }),
    budgets: t.field({
      type: [BudgetTotal],
      description: "Stated budgets summed per currency.",
      resolve: (r) => r.budgets,
    }),
  }),
});

export const ProjectGrouping = builder.enumType("ProjectGrouping", {
  description: "What to group projects by.",
  values: {
    PROGRAMME: { description: "The programme they run under." },
    FUND: { description: "The fund co-financing them." },
  } as const,
});

const Statistics = builder.objectRef<Record<string, never>>("Statistics").implement({
  description: "Aggregates over the whole graph, as rows to chart.",
  fields: (t) => ({
    eventsPerYear: t.field({
      type: [YearCount],
      description: "Dated events per year (by their first day).",
      args: { network: t.arg.string({ description: "Only this network's events (slug)." }) },
      resolve: async (_r, args, ctx) => {
        const rows = await ctx.prisma.$queryRaw<{ year: number; count: bigint }[]>`
          SELECT extract(year FROM e."dateStart")::int AS year, count(*) AS count FROM "Event" e LEFT JOIN "Network" n ON n.id = e."networkId"
           WHERE e."dateStart" IS NOT NULL AND (${args.network ?? null}::text IS NULL OR n.slug = ${args.network ?? null}::text)
           GROUP BY 1 ORDER BY 1`;
        return rows.map((r) => ({ year: r.year, count: Number(r.count) }));
      },
    }),
    eventsPerSeason: t.field({
      type: [SeasonCount],
      description: "Events dated to a season, per season.",
      resolve: async (_r, _a, ctx) => {
        const events = await ctx.prisma.event.findMany({
          where: { datePrecision: "SEASON" },
          select: { dateStart: true },
        });
        const counts = new Map<Season, number>();
        for (const e of events) counts.set(seasonOf(e.dateStart!), (counts.get(seasonOf(e.dateStart!)) ?? 0) + 1);
        return [...counts].map(([season, count]) => ({ season, count })).sort((a, b) => b.count - a.count);
      },
    }),
    eventsPerHostCountry: t.field({
      type: [CountryCount],
      description: "Events per country of their host town.",
      resolve: async (_r, _a, ctx) => {
        const rows = await ctx.prisma.$queryRaw<{ countryCode: string; count: bigint }[]>`
          SELECT t."countryCode", count(*) AS count FROM "Event" e JOIN "Town" t ON t.id = e."hostTownId" GROUP BY 1 ORDER BY 2 DESC, 1`;
        return rows.map((r) => ({ countryCode: r.countryCode, count: Number(r.count) }));
      },
    }),
    networkMembersPerCountry: t.field({
      type: [CountryCount],
      description: "A network's named members per country.",
      args: { network: t.arg.string({ required: true, description: "Slug of the network." }) },
      resolve: async (_r, args, ctx) => {
        const network = await found(
          ctx.prisma.network.findUnique({ where: { slug: args.network }, select: { id: true } }),
          "network",
          `slug ${args.network}`,
        );
        const rows = await ctx.prisma.$queryRaw<{ countryCode: string; count: bigint }[]>`
          SELECT t."countryCode", count(*) AS count FROM "Membership" m JOIN "Town" t ON t.id = m."townId" WHERE m."networkId" = ${network.id} GROUP BY 1 ORDER BY 2 DESC, 1`;
        return rows.map((r) => ({ countryCode: r.countryCode, count: Number(r.count) }));
      },
    }),
    projectsBy: t.field({
      type: [ProgrammeProjectStats],
      description: "Projects and their stated budgets per programme or per fund.",
      args: { grouping: t.arg({ type: ProjectGrouping, required: true, description: "Per programme or per fund." }) },
      resolve: async (_r, args, ctx) => {
        const column = Prisma.raw(args.grouping === "FUND" ? `"fundId"` : `"programmeId"`);
        const rows = await ctx.prisma.$queryRaw<
          { programmeId: number | null; currency: string | null; projects: bigint; amount: string | null }[]
        >`
          SELECT ${column} AS "programmeId", "budgetCurrency" AS currency, count(*) AS projects, sum("budgetAmount")::text AS amount
            FROM "Project" GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2`;
        const byProgramme = new Map<number | null, ProgrammeProjects>();
        for (const r of rows) {
          const entry = byProgramme.get(r.programmeId) ?? { programmeId: r.programmeId, projects: 0, budgets: [] };
          entry.projects += Number(r.projects);
          if (r.currency && r.amount)
            entry.budgets.push({ currency: r.currency.trim(), amount: Number(r.amount).toFixed(2) });
          byProgramme.set(r.programmeId, entry);
        }
        return [...byProgramme.values()];
      },
    }),
    projectsPerCountry: t.field({
      type: [CountryCount],
      description: "Projects per declared participating country.",
      resolve: async (_r, _a, ctx) => {
        const rows = await ctx.prisma.projectCountry.groupBy({
          by: ["countryCode"],
          _count: { _all: true },
          orderBy: { countryCode: "asc" },
        });
        return rows.map((r) => ({ countryCode: r.countryCode, count: r._count._all }));
      },
    }),
    townsPerCountry: t.field({
      type: [CountryTownStats],
      description: "Towns per country, with population bands.",
      args: { countries: t.arg.stringList({ description: "Only these countries (ISO alpha-2)." }) },
      resolve: async (_r, args, ctx) => {
        const countries = args.countries?.map((c) => c.toUpperCase()) ?? null;
        const rows = await ctx.prisma.$queryRaw<{ countryCode: string; band: number; count: bigint }[]>`
          SELECT "countryCode", width_bucket(coalesce(population, 0), ${POPULATION_BANDS.slice(1).map((b) => b.min)}::int[]) AS band, count(*) AS count
            FROM "Town" WHERE (${countries}::text[] IS NULL OR "countryCode" = ANY(${countries}::text[])) GROUP BY 1, 2 ORDER BY 1, 2`;
        const stats = new Map<string, CountryTowns>();
        for (const r of rows) {
          const entry = stats.get(r.countryCode) ?? {
            countryCode: r.countryCode,
            towns: 0,
            bands: POPULATION_BANDS.map((b) => ({ ...b, count: 0 })),
          };
          entry.towns += Number(r.count);
          entry.bands[r.band].count += Number(r.count);
          stats.set(r.countryCode, entry);
        }
        return [...stats.values()].sort((a, b) => b.towns - a.towns || a.countryCode.localeCompare(b.countryCode));
      },
    }),
    partnerSearchesByTopic: t.field({
      type: [TopicCount],
      description: "Partner searches per topic.",
      resolve: async (_r, _a, ctx) => {
        const rows = await ctx.prisma.$queryRaw<{ topicId: number; count: bigint }[]>`
          SELECT "B" AS "topicId", count(*) AS count FROM "_PartnerSearchToTopic" GROUP BY 1 ORDER BY 2 DESC, 1`;
        return rows.map((r) => ({ topicId: r.topicId, count: Number(r.count) }));
      },
    }),
  }),
});

builder.queryField("statistics", (t) =>
  t.field({
    ...rootIn("statistics"),
    type: Statistics,
    description: "Aggregates for analysts: rows to chart.",
    resolve: () => ({}),
  }),
);
