// Town enrichment from GeoNames, and the filters, ordering and pagination of lists.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

describeDb("towns", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it("enriches every named town with coordinates, population, region and its GeoNames id", async () => {
    const { towns } = await api.data(
      `{ towns(first: 100) { totalCount edges { node { slug latitude longitude population region geonameId timezone sources { source { kind } } } } } }`,
    );
    expect(towns.totalCount).toBe(33);
    for (const { node } of towns.edges) {
      expect(node.geonameId, node.slug).toBeGreaterThan(0);
      expect(Math.abs(node.latitude) + Math.abs(node.longitude), node.slug).toBeGreaterThan(0);
      expect(node.population, node.slug).toBeGreaterThan(0);
      expect(node.region, node.slug).toBeTruthy();
      expect([...new Set(node.sources.map((s: any) => s.source.kind))].sort(), node.slug).toEqual([
        "DOCUMENT",
        "REGISTRY",
      ]);
    }
  });

  it("tells same-named towns apart: Wels (AT) not Wells (GB), Martin (SK), Leszno in Greater Poland", async () => {
    const { wels, martin, leszno, trnava } = await api.data(`{
      wels: town(slug: "wels") { name country { code } region geonameId alternateNames(kinds: [SOURCE_SPELLING]) { name } }
      martin: town(slug: "martin") { country { code } region geonameId }
      leszno: town(slug: "leszno") { region population }
      trnava: town(slug: "trnava") { country { code } population }
    }`);
    expect(wels).toEqual({
      name: "Wels",
      country: { code: "AT" },
      region: "Upper Austria",
      geonameId: 2761524,
      alternateNames: [{ name: "Wells" }],
    });
    expect(martin).toEqual({ country: { code: "SK" }, region: "Žilina Region", geonameId: 3058780 });
    expect(leszno.region).toBe("Greater Poland");
    expect(trnava.country.code).toBe("SK");
    const { towns } = await api.data(`{ towns(filter: { nameStartsWith: "Wells" }) { totalCount } }`);
    expect(towns.totalCount).toBe(0);
  });

  it("keeps the documents' spellings and exonyms as alternate names with their sources", async () => {
    const { passau, nagykanizsa, nyiregyhaza } = await api.data(`{
      passau: town(slug: "passau") { alternateNames(kinds: [EXONYM]) { name lang sources { source { key } quote } } }
      nagykanizsa: town(slug: "nagykanizsa") { alternateNames(kinds: [SOURCE_SPELLING]) { name } }
      nyiregyhaza: town(slug: "nyiregyhaza") { name asciiName alternateNames(kinds: [SOURCE_SPELLING]) { name } }
    }`);
    expect(passau.alternateNames).toEqual([
      {
        name: "Pasov",
        lang: "cs",
        sources: [{ source: { key: "000_f836775315a78a45.txt" }, quote: expect.stringContaining("Pasov") }],
      },
    ]);
    expect(nagykanizsa.alternateNames).toEqual([{ name: "Nagykanisza" }]);
    expect(nyiregyhaza).toMatchObject({
      name: "Nyíregyháza",
      asciiName: "Nyiregyhaza",
      alternateNames: [{ name: "Nyiregyhaza" }],
    });
  });

  it("filters towns by country, population range, network and project, and the filters compose", async () => {
    const q = `query($filter: TownFilter, $order: TownOrder) { towns(filter: $filter, order: $order, first: 100) { totalCount edges { node { slug population } } } }`;
    const slugs = async (filter: object, order = "NAME") =>
      (await api.data(q, { filter, order })).towns.edges.map((e: any) => e.node.slug);
    expect(await slugs({ countries: ["SI"] })).toEqual([
      "gornja-radgona",
      "lenart-v-slovenskih-goricah",
      "lendava",
      "ljutomer",
      "murska-sobota",
      "ormoz",
      "ptuj",
      "radenci",
    ]);
    expect(await slugs({ countries: ["si"], populationMin: 3000, populationMax: 4000 })).toEqual([
      "gornja-radgona",
      "lenart-v-slovenskih-goricah",
      "lendava",
      "ljutomer",
    ]);
    expect(await slugs({ memberOf: "medium-sized-cities", countries: ["CZ"] })).toEqual([
      "brno",
      "ceske-budejovice",
      "opava",
    ]);
    expect(await slugs({ participantIn: "city-cooperation" }, "POPULATION_DESC")).toEqual([
      "ptuj",
      "murska-sobota",
      "ljutomer",
      "lenart-v-slovenskih-goricah",
      "gornja-radgona",
      "lendava",
      "radenci",
      "ormoz",
    ]);
    expect(await slugs({ hasOpenPartnerSearches: true })).toEqual(["lutsk", "montefranco", "wolomin"]);
    expect(await slugs({ region: "Styria" })).toEqual(["furstenfeld", "hartberg", "leoben"]);
  });

  it("pages through a connection with cursors, and totalCount ignores the page", async () => {
    const q = `query($after: String) { towns(first: 10, after: $after, order: POPULATION_DESC) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { towns }: any = await api.data(q, { after });
      expect(towns.totalCount).toBe(33);
      seen.push(...towns.edges.map((e: any) => e.node.slug));
      after = towns.pageInfo.hasNextPage ? towns.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(33);
    expect(seen[0]).toBe("warszawa");
  });

  it("filters events by host country, year range, season and kind", async () => {
    const q = `query($filter: EventFilter) { events(filter: $filter, first: 50, order: DATE_ASC) { totalCount edges { node { slug } } } }`;
    const slugs = async (filter: object) => (await api.data(q, { filter })).events.edges.map((e: any) => e.node.slug);
    expect(await slugs({ hostCountry: "HU" })).toEqual([
      "medium-sized-cities-2007-spring",
      "medium-sized-cities-2009-spring",
      "medium-sized-cities-2014-spring",
    ]);
    api.statements.length = 0;
    expect(await slugs({ network: "medium-sized-cities", yearFrom: 2011, yearTo: 2012, season: "AUTUMN" })).toEqual([
      "medium-sized-cities-2011-autumn",
      "medium-sized-cities-2012-autumn",
    ]);
    // The page and its totalCount share one season lookup.
    expect(api.statements.filter((sql) => sql.includes("extract(month"))).toHaveLength(1);
    expect(await slugs({ kinds: ["CONGRESS", "FORUM"], from: "2020-01-01" })).toEqual([
      "cemr-congress-2020",
      "historic-cities-forum-2020",
    ]);
    expect(await slugs({ online: true, yearFrom: 2022 })).toEqual(["euregionsweek-2022-networking-session"]);
    expect(await slugs({ topic: "drought" })).toEqual(["cemr-congress-2020"]);
    expect(await slugs({ topicText: "odpad" })).toEqual(["medium-sized-cities-2009-autumn"]);
    expect(await slugs({ topicText: "MOBILITY" })).toEqual(["cemr-congress-2020"]);
    expect(await slugs({ topicText: "energeticky efektivni" })).toEqual(["medium-sized-cities-2008-autumn"]);
  });

  it("filters projects, partner searches, funding calls and news", async () => {
    const { erdf, si, open, youth, lateNews } = await api.data(`{
      erdf: projects(filter: { fund: "erdf" }) { totalCount edges { node { slug } } }
      si: projects(filter: { town: "ptuj", country: "SI" }) { edges { node { slug } } }
      open: fundingCalls(filter: { openOn: "2020-02-01" }) { edges { node { slug openOn(date: "2020-02-01") } } }
      youth: fundingCalls(filter: { applicant: YOUNG_PERSON }) { totalCount }
      lateNews: news(filter: { from: "2020-01-01" }) { totalCount }
    }`);
    expect(erdf.totalCount).toBe(2);
    expect(si.edges.map((e: any) => e.node.slug)).toEqual(["city-cooperation"]);
    expect(open.edges.map((e: any) => e.node)).toEqual([
      { slug: "euki-2020-call", openOn: true },
      { slug: "norway-grants-bilateral-fund-second-call", openOn: true },
    ]);
    expect(youth.totalCount).toBe(1);
    expect(lateNews.totalCount).toBe(4);
    const { running, rich } = await api.data(`{
      running: projects(filter: { runningFrom: "2010-01-01", runningTo: "2010-12-31" }) { edges { node { slug } } }
      rich: projects(filter: { budgetMin: "1000000", budgetMax: "2000000.00" }) { edges { node { slug } } }
    }`);
    expect(running.edges.map((e: any) => e.node.slug)).toEqual(["city-cooperation"]);
    expect(rich.edges.map((e: any) => e.node.slug)).toEqual(["city-cooperation"]);
  });

  it("answers in the reader's language from Accept-Language when no lang argument is given", async () => {
    const cs = await api.data(
      `{ country(code: "DE") { name } event(slug: "medium-sized-cities-2008-autumn") { theme date { text } } }`,
      {},
      { "accept-language": "en-GB,en;q=0.8" },
    );
    expect(cs).toEqual({
      country: { name: "Germany" },
      event: { theme: "Energy-efficient cities", date: { text: "autumn 2008" } },
    });
  });
});
