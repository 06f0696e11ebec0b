// Typed aggregates over the documents' data.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

describeDb("statistics", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it("counts events per year, season and host country", async () => {
    const { statistics } = await api.data(`{ statistics {
      eventsPerYear(network: "medium-sized-cities") { year count }
      eventsPerSeason { season count }
      eventsPerHostCountry { country { code } count }
    } }`);
    expect(statistics.eventsPerYear).toEqual(
      [
        [2006, 2],
        [2007, 2],
        [2008, 2],
        [2009, 2],
        [2010, 1],
        [2011, 1],
        [2012, 2],
        [2013, 1],
        [2014, 1],
        [2015, 1],
        [2016, 1],
      ].map(([year, count]) => ({ year, count })),
    );
    expect(statistics.eventsPerSeason).toEqual([
      { season: "SPRING", count: 10 },
      { season: "AUTUMN", count: 6 },
    ]);
    expect(statistics.eventsPerHostCountry[0]).toEqual({ country: { code: "AT" }, count: 8 });
  });

  it("counts a network's members per country, projects and budgets per fund, towns per band, searches per topic", async () => {
    const { statistics } = await api.data(`{ statistics {
      networkMembersPerCountry(network: "medium-sized-cities") { country { code } count }
      projectsBy(grouping: FUND) { programme { acronym } projects budgets { currency amount } }
      projectsPerCountry { country { code } count }
      townsPerCountry(countries: ["SI"]) { country { code } towns bands { band min max count } }
      partnerSearchesByTopic { topic { slug } count }
    } }`);
    expect(statistics.networkMembersPerCountry).toEqual([
      { country: { code: "CZ" }, count: 3 },
      { country: { code: "DE" }, count: 2 },
      { country: { code: "AT" }, count: 1 },
      { country: { code: "HU" }, count: 1 },
      { country: { code: "SK" }, count: 1 },
    ]);
    expect(statistics.projectsBy).toEqual([
      { programme: { acronym: "ERDF" }, projects: 2, budgets: [{ currency: "EUR", amount: "1800000.00" }] },
      { programme: null, projects: 1, budgets: [] },
    ]);
    expect(statistics.projectsPerCountry).toEqual(["AT", "HU", "SI"].map((code) => ({ country: { code }, count: 2 })));
    const [slovenia] = statistics.townsPerCountry;
    expect(slovenia.towns).toBe(8);
    expect(slovenia.bands.map((b: any) => b.count)).toEqual([0, 6, 2, 0, 0]);
    expect(statistics.partnerSearchesByTopic[0]).toEqual({ topic: { slug: "culture" }, count: 2 });
  });
});
