// Partner matching for real partner searches, against all European towns.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

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

  it("needs either a partner search or criteria", async () => {
    const result = await api.query(SUGGEST, {});
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
