// Partner matching for real partner searches, against all European towns: the answers, the
// scoring in memory against the SQL that scored before (row for row, to the bit), and freshness.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CandidateRow } from "../../src/schema/partnerships/suggestions.js";
import { bestCandidates, criteriaFrom, sharedActivity } from "../../src/schema/partnerships/suggestions.js";
import { townPlaces } from "../../src/schema/places/town-places.js";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";
import { candidatesSql } from "../support/suggestions-sql.js";

const SUGGEST = `query($search: String, $criteria: PartnerCriteria, $first: Int, $maxKm: Float) {
  partnerSuggestions(partnerSearch: $search, criteria: $criteria, first: $first, maxKm: $maxKm) {
    score distanceKm town { slug name population country { code } } reasons { factor weight points explanation }
  }
}`;

describeDb("partner suggestions", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi("europe");
  });
  afterAll(() => api?.close());

  it("suggests real towns of 1,000–5,000 inhabitants for Montefranco, with reasons, never itself", async () => {
    const { partnerSuggestions } = await api.data(SUGGEST, { search: "montefranco-2019-partner-town", first: 20 });
    expect(partnerSuggestions).toHaveLength(20);
    for (const s of partnerSuggestions) {
      expect(s.town.slug).not.toBe("montefranco");
      expect(s.town.population).toBeGreaterThanOrEqual(1000);
      expect(s.town.population).toBeLessThanOrEqual(5000);
      expect(s.reasons.map((r: any) => r.factor).sort()).toEqual([
        "COUNTRY_DIVERSITY",
        "DISTANCE",
        "EXISTING_TIES",
        "POPULATION_FIT",
        "SHARED_THEMES",
      ]);
      expect(s.score).toBeCloseTo(
        s.reasons.reduce((sum: number, r: any) => sum + r.points, 0),
        2,
      );
      expect(s.reasons.find((r: any) => r.factor === "DISTANCE").explanation).toMatch(/^\d[\d,]* km from Montefranco$/);
    }
    const scores = partnerSuggestions.map((s: any) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(partnerSuggestions.some((s: any) => s.town.country.code === "IT")).toBe(true);
    const abroad = await api.data(SUGGEST, {
      criteria: { town: "montefranco", populationMin: 1000, populationMax: 5000, countries: ["AT", "SI"] },
      first: 5,
    });
    expect(abroad.partnerSuggestions).toHaveLength(5);
    for (const s of abroad.partnerSuggestions) {
      expect(["AT", "SI"]).toContain(s.town.country.code);
      expect(s.reasons.find((r: any) => r.factor === "COUNTRY_DIVERSITY").explanation).toMatch(/a partner abroad/);
    }
    const fit = partnerSuggestions[0].reasons.find((r: any) => r.factor === "POPULATION_FIT");
    expect(fit.explanation).toMatch(/within the wanted 1,000–5,000/);
  });

  it("honours wanted countries and a radius", async () => {
    const { partnerSuggestions } = await api.data(SUGGEST, { search: "lutsk-2020-cultural-events", first: 5 });
    expect(partnerSuggestions.every((s: any) => s.town.country.code === "CZ")).toBe(true);
    const near = await api.data(SUGGEST, {
      criteria: { town: "ptuj", populationMin: 1000, populationMax: 20000 },
      maxKm: 30,
      first: 30,
    });
    expect(near.partnerSuggestions.every((s: any) => s.distanceKm <= 30 * 1.01)).toBe(true);
  });

  it("counts shared themes and existing ties", async () => {
    const { partnerSuggestions } = await api.data(SUGGEST, {
      criteria: {
        town: "lendava",
        topics: ["culture"],
        countries: ["SI", "PL", "UA"],
        populationMin: 1000,
        populationMax: 300000,
      },
      first: 50,
    });
    const ljutomer = partnerSuggestions.find((s: any) => s.town.slug === "ljutomer");
    expect(ljutomer.reasons.find((r: any) => r.factor === "EXISTING_TIES")).toMatchObject({
      points: 0.1,
      explanation: "already shares project city-cooperation",
    });
    const wolomin = partnerSuggestions.find((s: any) => s.town.slug === "wolomin");
    expect(wolomin.reasons.find((r: any) => r.factor === "SHARED_THEMES")).toMatchObject({
      points: 0.2,
      explanation: "active in culture",
    });
  });

  it("scores in memory as the SQL did: the same towns in the same order, with the same inputs", {
    timeout: 120_000,
  }, async () => {
    const prisma = api.db.prisma;
    const searches = await prisma.partnerSearch.findMany({ select: { slug: true } });
    const towns = await api.db.query<{ slug: string }>(
      `SELECT slug FROM "Town" WHERE population > 0 ORDER BY md5(slug) LIMIT 12`,
    );
    const topics = (await prisma.topic.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map(
      (t) => t.slug,
    );
    const asks = [
      ...searches.flatMap(({ slug }) => [{ partnerSearch: slug }, { partnerSearch: slug, maxKm: 250 }]),
      ...towns.flatMap(({ slug: town }, n) => [
        { criteria: { town } },
        { criteria: { town, populationMin: 2000, populationMax: 40000, topics: topics.slice(n % 3, (n % 3) + 2) } },
        { criteria: { town, countries: ["AT", "CZ", "PL", "SI", "SK"], populationMin: 10000 } },
        { criteria: { town, populationMax: 5000 }, maxKm: 40 + n * 15 },
      ]),
    ];
    // V8's Math.asin and glibc's asin() may differ in the last bit of a distance (a femtometre);
    // the API rounds distances to metres and scores to thousandths.
    const comparable = (row: CandidateRow) => ({
      ...row,
      km: Math.round(Number(row.km) * 1e6) / 1e6,
      fit: Number(row.fit),
    });
    let rows = 0;
    for (const ask of asks) {
      const criteria = await criteriaFrom(prisma, ask);
      const activity = await sharedActivity(api.db.readSql, criteria);
      const places = await townPlaces.at({ prisma, read: api.db.readSql }, activity.version);
      const expected = (await prisma.$queryRaw<CandidateRow[]>(candidatesSql(criteria, 100))).map(comparable);
      expect(bestCandidates(places, criteria, activity, 100).map(comparable), JSON.stringify(ask)).toEqual(expected);
      // A short list stops its walk over the nearest towns sooner.
      expect(bestCandidates(places, criteria, activity, 10).map(comparable), JSON.stringify(ask)).toEqual(
        expected.slice(0, 10),
      );
      rows += expected.length;
    }
    expect(rows).toBeGreaterThan(5000);
  });

  it("scores the towns as the last committed write left them", async () => {
    const prisma = api.db.prisma;
    const ask = { criteria: { town: "montefranco", populationMin: 1000, populationMax: 5000 }, first: 1 };
    const [first] = (await api.data(SUGGEST, ask)).partnerSuggestions;
    // A town nearer Montefranco, given the population at the middle of the range, comes first.
    const nearest = await api.db.query<{ slug: string; population: number | null }>(
      `SELECT t.slug, t.population FROM "Town" t, "Town" m WHERE m.slug = 'montefranco' AND t.id <> m.id
        ORDER BY earth_distance(ll_to_earth(t.latitude, t.longitude), ll_to_earth(m.latitude, m.longitude)) LIMIT 1`,
    );
    expect(first.town.slug).not.toBe(nearest[0].slug);
    await prisma.town.update({ where: { slug: nearest[0].slug }, data: { population: 3000 } });
    try {
      expect((await api.data(SUGGEST, ask)).partnerSuggestions[0].town.slug).toBe(nearest[0].slug);
    } finally {
      await prisma.town.update({ where: { slug: nearest[0].slug }, data: { population: nearest[0].population } });
    }
    expect((await api.data(SUGGEST, ask)).partnerSuggestions[0].town.slug).toBe(first.town.slug);
  });

  it("needs either a partner search or criteria", async () => {
    const result = await api.query(SUGGEST, {});
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
