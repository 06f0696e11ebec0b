// The one definition of which partner searches and funding calls a filter wants (the SQL
// functions live subscriptions and saved searches share), against the Prisma filters it replaced:
// every record of the documents, under filters of each condition alone, together, empty and
// absent, gives the same answer.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Prisma } from "../../src/generated/prisma/index.js";
import { type PublishedFilter, publishedMatches } from "../../src/schema/funding/published-filter.js";
import { type PostedFilter, postedMatches } from "../../src/schema/partnerships/posted-filter.js";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

/** The partner-search filter as a Prisma where, as it was written before the SQL function. */
function postedWhere(filter: PostedFilter): Prisma.PartnerSearchWhereInput {
  return {
    town: {
      ...(filter.countries ? { countryCode: { in: filter.countries.map((c) => c.toUpperCase()) } } : {}),
      ...(filter.populationMin != null || filter.populationMax != null
        ? { population: { gte: filter.populationMin ?? undefined, lte: filter.populationMax ?? undefined } }
        : {}),
    },
    ...(filter.topics ? { topics: { some: { slug: { in: filter.topics } } } } : {}),
  };
}

function publishedWhere(filter: PublishedFilter): Prisma.FundingCallWhereInput {
  return {
    ...(filter.countries
      ? { eligibleCountries: { some: { countryCode: { in: filter.countries.map((c) => c.toUpperCase()) } } } }
      : {}),
    ...(filter.programmes ? { programme: { slug: { in: filter.programmes } } } : {}),
  };
}

describeDb("what a subscription's or saved search's filter wants", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi("documents");
  });
  afterAll(() => api?.close());

  it("wants the partner searches the Prisma filter found", async () => {
    const { prisma } = api.db;
    const searches = await prisma.partnerSearch.findMany({
      select: {
        id: true,
        town: { select: { countryCode: true, population: true } },
        topics: { select: { slug: true } },
      },
    });
    const [search] = searches;
    const country = search.town.countryCode;
    const population = search.town.population ?? 10_000;
    const topic = search.topics[0]?.slug ?? "culture";
    const filters: PostedFilter[] = [
      {},
      { countries: [country.toLowerCase()] },
      { countries: ["XX", country] },
      { countries: [] },
      { countries: null, topics: null, populationMin: null, populationMax: null },
      { populationMin: population },
      { populationMin: population + 1 },
      { populationMax: population },
      { populationMin: 0, populationMax: population - 1 },
      { topics: [topic] },
      { topics: [] },
      { topics: ["no-such-topic", topic], countries: [country], populationMax: 100_000_000 },
    ];
    let wanted = 0;
    for (const filter of filters)
      for (const { id } of searches) {
        const expected = (await prisma.partnerSearch.count({ where: { id, ...postedWhere(filter) } })) > 0;
        expect(await postedMatches(api.db.readSql, id, filter), JSON.stringify({ id, filter })).toBe(expected);
        if (expected) wanted++;
      }
    expect(searches.length).toBeGreaterThan(1);
    expect(wanted).toBeGreaterThan(searches.length);
    expect(wanted).toBeLessThan(filters.length * searches.length);
  });

  it("wants the funding calls the Prisma filter found", async () => {
    const { prisma } = api.db;
    const calls = await prisma.fundingCall.findMany({
      select: { id: true, programme: { select: { slug: true } }, eligibleCountries: { select: { countryCode: true } } },
    });
    const programme = calls.find((call) => call.programme)!.programme!.slug;
    const country = calls.flatMap((call) => call.eligibleCountries)[0].countryCode;
    const filters: PublishedFilter[] = [
      {},
      { countries: [country.toLowerCase()] },
      { countries: [] },
      { programmes: [programme] },
      { programmes: [] },
      { programmes: [programme], countries: ["XX", country] },
      { programmes: null, countries: null },
    ];
    let wanted = 0;
    for (const filter of filters)
      for (const { id } of calls) {
        const expected = (await prisma.fundingCall.count({ where: { id, ...publishedWhere(filter) } })) > 0;
        expect(await publishedMatches(api.db.readSql, id, filter), JSON.stringify({ id, filter })).toBe(expected);
        if (expected) wanted++;
      }
    expect(wanted).toBeGreaterThan(calls.length);
    expect(wanted).toBeLessThan(filters.length * calls.length);
  });
});
