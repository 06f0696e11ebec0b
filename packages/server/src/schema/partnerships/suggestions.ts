// Partner matching: candidate towns for a partner search (or ad-hoc criteria) from all
// European towns. Hard criteria filter (population range, countries, radius); a weighted
// score ranks, and every candidate says why it scored as it did. The towns are scored in memory
// (places/town-places.ts); their shared themes and ties are one SQL statement.
import { queryFromInfo } from "@pothos/plugin-prisma";
import { Prisma, type PrismaClient } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput } from "../common/errors.js";
import { found } from "../common/lookup.js";
import { selectionWith } from "../common/mixed-records.js";
import { MAX_PAGE_SIZE } from "../common/pagination.js";
import type { Context } from "../context.js";
import { Town } from "../places/town.js";
import { greatCircle, type TownPlaces, townPlaces } from "../places/town-places.js";

/** How much each factor weighs in the 0–1 score. */
export const WEIGHTS = {
  POPULATION_FIT: 0.3,
  DISTANCE: 0.3,
  COUNTRY_DIVERSITY: 0.1,
  SHARED_THEMES: 0.2,
  EXISTING_TIES: 0.1,
} as const;
/** Distance at which the distance factor halves: towns can visit each other easily. */
export const HALF_SCORE_KM = 150;

export const SuggestionFactor = builder.enumType("SuggestionFactor", {
  description: "What a partner suggestion's score is made of.",
  values: {
    POPULATION_FIT: { description: "How close the population is to the middle of the wanted range." },
    DISTANCE: { description: "Nearer towns score higher (half the points at 150 km)." },
    COUNTRY_DIVERSITY: { description: "A town in another country scores higher: cross-border partnerships." },
    SHARED_THEMES: { description: "Themes of the town's events and partner searches that match the wanted ones." },
    EXISTING_TIES: { description: "Networks or projects the two towns already share." },
  } as const,
});

interface Reason {
  factor: keyof typeof WEIGHTS;
  points: number;
  explanation: string;
}

export const SuggestionReason = builder.objectRef<Reason>("SuggestionReason").implement({
  description: "One factor of a suggestion's score, explained.",
  fields: (t) => ({
    factor: t.field({ type: SuggestionFactor, description: "The factor.", resolve: (r) => r.factor }),
    weight: t.float({ description: "Its weight in the score.", resolve: (r) => WEIGHTS[r.factor] }),
    points: t.exposeFloat("points", { description: "What it contributed: weight × fit (0–1)." }),
    explanation: t.exposeString("explanation", { description: "Why, in words." }),
  }),
});

type TownRow = import("../../generated/prisma/index.js").Town;

interface Suggestion {
  town: TownRow;
  score: number;
  distanceKm: number;
  reasons: Reason[];
}

export const PartnerSuggestion = builder.objectRef<Suggestion>("PartnerSuggestion").implement({
  description: "A candidate partner town, its score and the reasons for it.",
  fields: (t) => ({
    town: t.field({ type: Town, description: "The candidate.", resolve: (s) => s.town }),
    score: t.exposeFloat("score", { description: "0–1, the sum of the reasons' points." }),
    distanceKm: t.exposeFloat("distanceKm", { description: "Great-circle distance from the requesting town." }),
    reasons: t.field({
      type: [SuggestionReason],
      description: "Every factor with its points and explanation, largest first.",
      resolve: (s) => s.reasons,
    }),
  }),
});

export const PartnerCriteria = builder.inputType("PartnerCriteria", {
  description: "What a town looks for in a partner, when there is no published partner search.",
  fields: (t) => ({
    town: t.string({ required: true, description: "Slug of the town looking for partners." }),
    populationMin: t.int({ required: false, description: "At least this many inhabitants (GeoNames)." }),
    populationMax: t.int({ required: false, description: "At most this many inhabitants (GeoNames)." }),
    countries: t.stringList({ required: false, description: "Only towns in these countries (ISO alpha-2)." }),
    topics: t.stringList({ required: false, description: "Slugs of the themes to cooperate on." }),
  }),
});

export interface Criteria {
  townId: number;
  townName: string;
  countryCode: string;
  populationMin: number | null;
  populationMax: number | null;
  countries: string[] | null;
  topicIds: number[];
  topicNames: string[];
  maxKm: number | null;
}

export interface CandidateRow {
  id: number;
  population: number | null;
  countryCode: string;
  km: number;
  fit: number;
  themes: string[] | null;
  ties: string[] | null;
}

export async function criteriaFrom(
  prisma: PrismaClient,
  args: { partnerSearch?: string | null; criteria?: typeof PartnerCriteria.$inferInput | null; maxKm?: number | null },
): Promise<Criteria> {
  if (!!args.partnerSearch === !!args.criteria) throw badInput("give either partnerSearch or criteria");
  if (args.partnerSearch) {
    const search = await found(
      prisma.partnerSearch.findUnique({
        where: { slug: args.partnerSearch },
        include: { town: true, topics: true, wantedCountries: true },
      }),
      "partner search",
      `slug ${args.partnerSearch}`,
    );
    return {
      townId: search.townId,
      townName: search.town.name,
      countryCode: search.town.countryCode,
      populationMin: search.wantedPopulationMin,
      populationMax: search.wantedPopulationMax,
      countries: search.wantedCountries.length ? search.wantedCountries.map((c) => c.countryCode) : null,
      topicIds: search.topics.map((t) => t.id),
      topicNames: search.topics.map((t) => t.slug),
      maxKm: args.maxKm ?? null,
    };
  }
  const c = args.criteria!;
  const town = await found(prisma.town.findUnique({ where: { slug: c.town } }), "town", `slug ${c.town}`);
  const topics = c.topics?.length ? await prisma.topic.findMany({ where: { slug: { in: c.topics } } }) : [];
  return {
    townId: town.id,
    townName: town.name,
    countryCode: town.countryCode,
    populationMin: c.populationMin ?? null,
    populationMax: c.populationMax ?? null,
    countries: c.countries?.map((x) => x.toUpperCase()) ?? null,
    topicIds: topics.map((t) => t.id),
    topicNames: topics.map((t) => t.slug),
    maxKm: args.maxKm ?? null,
  };
}

/**
 * The themes the candidates share with the criteria (of the events they hosted and their partner
 * searches) and the networks and projects they share with the requesting town, per town.
 */
export function activityCtes(c: Criteria) {
  return Prisma.sql`
    theme AS (
      SELECT e."hostTownId" AS id, array_agg(DISTINCT tp.slug) AS themes
        FROM "Event" e JOIN "_EventToTopic" et ON et."A" = e.id JOIN "Topic" tp ON tp.id = et."B"
       WHERE tp.id = ANY(${c.topicIds}::int[]) AND e."hostTownId" IS NOT NULL GROUP BY 1
      UNION ALL
      SELECT s."townId", array_agg(DISTINCT tp.slug)
        FROM "PartnerSearch" s JOIN "_PartnerSearchToTopic" st ON st."A" = s.id JOIN "Topic" tp ON tp.id = st."B"
       WHERE tp.id = ANY(${c.topicIds}::int[]) GROUP BY 1
    ),
    tie AS (
      SELECT other."townId" AS id, 'network ' || n.slug AS what
        FROM "Membership" mine JOIN "Membership" other ON other."networkId" = mine."networkId" JOIN "Network" n ON n.id = mine."networkId"
       WHERE mine."townId" = ${c.townId} AND other."townId" <> ${c.townId}
      UNION ALL
      SELECT other."townId", 'project ' || p.slug
        FROM "ProjectTown" mine JOIN "ProjectTown" other ON other."projectId" = mine."projectId" JOIN "Project" p ON p.id = mine."projectId"
       WHERE mine."townId" = ${c.townId} AND other."townId" <> ${c.townId}
    ),
    town_themes AS (SELECT id, array_agg(DISTINCT x) AS themes FROM theme, unnest(themes) x GROUP BY id),
    town_ties AS (SELECT id, array_agg(DISTINCT what) AS ties FROM tie GROUP BY id)`;
}

/** The version of the towns' places, and the towns' shared themes and ties, in one statement. */
export async function sharedActivity(read: Context["read"], c: Criteria) {
  const [row] = await read<{ version: string; themes: [number, string[]][]; ties: [number, string[]][] }>(Prisma.sql`
    WITH ${activityCtes(c)}
    SELECT (SELECT version FROM data_version WHERE name = 'town_places') AS version,
           coalesce((SELECT json_agg(json_build_array(id, themes)) FROM town_themes), '[]') AS themes,
           coalesce((SELECT json_agg(json_build_array(id, ties)) FROM town_ties), '[]') AS ties`);
  return { version: BigInt(row.version), themes: new Map(row.themes), ties: new Map(row.ties) };
}

/** The middle of the wanted population range and half its width, when a range is given. */
export function populationRange(c: Criteria): { middle: number; halfWidth: number } | null {
  return c.populationMin != null && c.populationMax != null
    ? {
        middle: (c.populationMin + c.populationMax) / 2,
        halfWidth: Math.max(1, (c.populationMax - c.populationMin) / 2),
      }
    : null;
}

/**
 * Scores the towns that pass the hard criteria and could place, and returns the best `limit`
 * with the factors' raw inputs: score, then population (unknown last), then id. The arithmetic
 * is the one the SQL scoring used (test/support/suggestions-sql.ts), operation for operation, so
 * the scores are too.
 */
export function bestCandidates(
  places: TownPlaces,
  c: Criteria,
  activity: { themes: Map<number, string[]>; ties: Map<number, string[]> },
  limit: number,
): CandidateRow[] {
  const origin = places.positionOf(c.townId);
  if (origin === undefined) return [];
  const range = populationRange(c);
  /** How close a population is to the middle of the wanted range (0.5 without a range or a population). */
  const fitOf = (population: number) =>
    !range || Number.isNaN(population) ? 0.5 : Math.max(0, 1 - Math.abs(population - range.middle) / range.halfWidth);
  // Per town position, as typed arrays and country codes: a town is scored in a few nanoseconds. (The
  // places hold every town the activity names: they are read at the version read with it.)
  const countries = c.countries && new Set(c.countries.map((code) => places.countries.find(code)));
  const home = places.countries.find(c.countryCode);
  const themeCount = new Uint16Array(places.size);
  for (const [id, themes] of activity.themes) themeCount[places.positionOf(id) ?? origin] = themes.length;
  const tied = new Uint8Array(places.size);
  for (const id of activity.ties.keys()) tied[places.positionOf(id) ?? origin] = 1;
  const maxMetres = c.maxKm == null ? null : c.maxKm * 1000;
  const best: { i: number; score: number }[] = [];
  const before = (a: { i: number; score: number }, b: { i: number; score: number }) => {
    if (a.score !== b.score) return a.score > b.score;
    const [pa, pb] = [places.population[a.i], places.population[b.i]];
    if (Number.isNaN(pa) !== Number.isNaN(pb)) return Number.isNaN(pb);
    if (pa !== pb && !Number.isNaN(pa)) return pa > pb;
    return places.id[a.i] < places.id[b.i];
  };
  const consider = (i: number) => {
    const population = places.population[i];
    if (i === origin) return;
    if (c.populationMin != null && !(population >= c.populationMin)) return;
    if (c.populationMax != null && !(population <= c.populationMax)) return;
    if (countries && !countries.has(places.country[i])) return;
    const fit = fitOf(population);
    const abroad = places.country[i] !== home ? 1 : 0;
    const themes = c.topicIds.length === 0 ? 0 : themeCount[i] / c.topicIds.length;
    const chord = places.chord(origin, i);
    // The chord is never longer than the arc: a town that could not enter the list even at the
    // chord's distance is passed over before its arc (an asin) is computed.
    if (maxMetres == null && best.length === limit) {
      const atMost =
        WEIGHTS.POPULATION_FIT * fit +
        WEIGHTS.DISTANCE / (1 + chord / 1000 / HALF_SCORE_KM) +
        WEIGHTS.COUNTRY_DIVERSITY * abroad +
        WEIGHTS.SHARED_THEMES * themes +
        WEIGHTS.EXISTING_TIES * tied[i];
      if (atMost < best[limit - 1].score - 1e-9) return;
    }
    const metres = greatCircle(chord);
    if (maxMetres != null && !(places.inBox(origin, i, maxMetres) && metres <= maxMetres)) return;
    // The terms in the order the SQL scoring added them, so the sums are the same to the bit.
    const candidate = {
      i,
      score:
        WEIGHTS.POPULATION_FIT * fit +
        WEIGHTS.DISTANCE / (1 + metres / 1000 / HALF_SCORE_KM) +
        WEIGHTS.COUNTRY_DIVERSITY * abroad +
        WEIGHTS.SHARED_THEMES * themes +
        WEIGHTS.EXISTING_TIES * tied[i],
    };
    if (best.length === limit) {
      if (!before(candidate, best[limit - 1])) return;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && before(candidate, best[at - 1])) at--;
    best.splice(at, 0, candidate);
  };
  // The towns with shared themes or ties first, then the rest nearest first, which share neither:
  // once a cell's nearest point could not place even a perfect fit abroad in the list, no town of
  // it or of any farther cell can enter it (most of Europe, for a list of ten).
  const active = (i: number) => themeCount[i] > 0 || tied[i] === 1;
  for (const id of new Set([...activity.themes.keys(), ...activity.ties.keys()])) {
    const i = places.positionOf(id);
    if (i !== undefined && active(i)) consider(i);
  }
  places.nearestFirst(origin, (leastChord, towns) => {
    if (maxMetres != null && leastChord > maxMetres) return false;
    const atMost =
      WEIGHTS.POPULATION_FIT + WEIGHTS.DISTANCE / (1 + leastChord / 1000 / HALF_SCORE_KM) + WEIGHTS.COUNTRY_DIVERSITY;
    if (best.length === limit && atMost < best[limit - 1].score - 1e-9) return false;
    for (const i of towns) if (!active(i)) consider(i);
    return true;
  });
  return best.map(({ i }) => {
    const population = places.population[i];
    return {
      id: places.id[i],
      population: Number.isNaN(population) ? null : population,
      countryCode: places.countryOf(i),
      km: places.distance(origin, i) / 1000,
      fit: fitOf(population),
      themes: activity.themes.get(places.id[i]) ?? null,
      ties: activity.ties.get(places.id[i]) ?? null,
    };
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const round = (n: number) => Math.round(n * 1000) / 1000;

function explain(c: Criteria, row: CandidateRow): Reason[] {
  const range =
    c.populationMin != null && c.populationMax != null ? `${fmt(c.populationMin)}–${fmt(c.populationMax)}` : null;
  const reasons: Reason[] = [
    {
      factor: "POPULATION_FIT",
      points: WEIGHTS.POPULATION_FIT * row.fit,
      explanation: range
        ? `${row.population == null ? "population unknown" : `${fmt(row.population)} inhabitants`}, within the wanted ${range}${row.fit > 0.8 ? ", close to its middle" : ""}`
        : "no population range was asked for",
    },
    {
      factor: "DISTANCE",
      points: WEIGHTS.DISTANCE / (1 + row.km / HALF_SCORE_KM),
      explanation: `${fmt(row.km)} km from ${c.townName}`,
    },
    {
      factor: "COUNTRY_DIVERSITY",
      points: row.countryCode !== c.countryCode ? WEIGHTS.COUNTRY_DIVERSITY : 0,
      explanation:
        row.countryCode !== c.countryCode
          ? `a partner abroad (${row.countryCode}): a cross-border partnership`
          : `in the same country (${row.countryCode})`,
    },
    {
      factor: "SHARED_THEMES",
      points: c.topicIds.length ? (WEIGHTS.SHARED_THEMES * (row.themes?.length ?? 0)) / c.topicIds.length : 0,
      explanation: row.themes?.length
        ? `active in ${row.themes.join(", ")}`
        : c.topicIds.length
          ? `no recorded activity in ${c.topicNames.join(", ")}`
          : "no themes were asked for",
    },
    {
      factor: "EXISTING_TIES",
      points: row.ties ? WEIGHTS.EXISTING_TIES : 0,
      explanation: row.ties ? `already shares ${row.ties.join(", ")}` : "no shared network or project yet",
    },
  ];
  return reasons.map((r) => ({ ...r, points: round(r.points) })).sort((a, b) => b.points - a.points);
}

builder.queryField("partnerSuggestions", (t) =>
  t.field({
    ...rootIn("partnerships"),
    type: [PartnerSuggestion],
    description:
      "Candidate partner towns from all European towns, for a published partner search or for criteria: hard filters (population range, countries, radius), then a score with its reasons. The requesting town is never suggested.",
    args: {
      partnerSearch: t.arg.string({ description: "Slug of a partner search." }),
      criteria: t.arg({ type: PartnerCriteria, description: "Criteria, instead of a partner search." }),
      maxKm: t.arg.float({ description: "Only towns within this many kilometres." }),
      first: t.arg.int({ defaultValue: 10, description: `How many suggestions (at most ${MAX_PAGE_SIZE}).` }),
    },
    resolve: async (_root, args, ctx, info) => {
      const first = args.first ?? 10;
      if (first < 1 || first > MAX_PAGE_SIZE) throw badInput(`Argument "first" must be between 1 and ${MAX_PAGE_SIZE}`);
      const criteria = await criteriaFrom(ctx.prisma, args);
      const activity = await sharedActivity(ctx.read, criteria);
      const places = await townPlaces.at(ctx, activity.version, ctx.costly);
      const rows = bestCandidates(places, criteria, activity, first);
      // The towns with what the query asks of them (their country, say), in one query whose
      // plan the plan cache keeps: left to Pothos, each town's relations were batched findUniques.
      const selection = selectionWith(queryFromInfo({ context: ctx, info, typeName: "Town", path: ["town"] }));
      const loaded = (await ctx.prisma.town.findMany({
        ...selection,
        where: { id: { in: rows.map((r) => r.id) } },
      } as Prisma.TownFindManyArgs)) as TownRow[];
      const towns = new Map(loaded.map((town) => [town.id, town]));
      return rows
        .map((row) => {
          const reasons = explain(criteria, row);
          return {
            town: towns.get(row.id)!,
            distanceKm: round(row.km),
            reasons,
            score: round(reasons.reduce((sum, r) => sum + r.points, 0)),
          };
        })
        .sort((a, b) => b.score - a.score);
    },
  }),
);
