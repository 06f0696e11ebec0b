// All European towns as reference data, searched and filtered by distance.
import { afterAll, beforeAll, expect, it } from "vitest";
import { importEuropeanTowns } from "../../src/seed/import-towns.js";
import { describeDb, openTestDatabase, startTestApi, type TestApi } from "../support/harness.js";

describeDb("European towns", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi("europe");
  });
  afterAll(() => api?.close());

  it("imports every European town once, keeping the documents' towns and their provenance", async () => {
    const { prisma } = api.db;
    const towns = await prisma.town.count();
    // 66,654 European towns (the named ones among them) plus Ryazan, named by a document.
    expect(towns).toBe(66_655);
    expect(await prisma.townName.count()).toBeGreaterThan(250_000);
    const again = await importEuropeanTowns(api.db);
    expect(again.inserted).toBe(0);
    expect(await prisma.town.count()).toBe(towns);
    const { town } = await api.data(
      `{ town(slug: "montefranco") { populationFigures { value qualifier source { key } } sources { source { kind } } } }`,
    );
    expect(town.populationFigures.map((f: any) => f.value).sort()).toEqual([1300, 573]);
    expect(new Set(town.sources.map((s: any) => s.source.kind))).toEqual(new Set(["DOCUMENT", "REGISTRY"]));
    const { towns: imported } = await api.data(
      `{ towns(filter: { countries: ["IT"], nameStartsWith: "Terni" }) { edges { node { name region sources { source { key licence } } } } } }`,
    );
    expect(imported.edges[0].node).toMatchObject({ name: "Terni", region: "Umbria" });
    expect(imported.edges[0].node.sources[0].source.licence).toMatch(/CC BY 4\.0/);
  });

  it("counts the towns after its first batch, so that the search index's triggers plan for their real number", async () => {
    const scratch = await openTestDatabase("documents");
    try {
      const tables = ["Town", "TownName", "search_entry"];
      // Without autovacuum, which would count them at a moment of its own choosing.
      for (const table of tables) await scratch.db.exec(`ALTER TABLE "${table}" SET (autovacuum_enabled = false)`);
      const counted = () =>
        scratch.db.query<{ relname: string; reltuples: number }>(
          `SELECT relname, reltuples FROM pg_class WHERE relname = ANY($1) ORDER BY relname`,
          [tables],
        );
      const before = new Map((await counted()).map((row) => [row.relname, row.reltuples]));
      const { inserted } = await importEuropeanTowns(scratch.db, { countries: ["LI"], batchSize: 4 });
      expect(inserted).toBeGreaterThan(4);
      for (const { relname, reltuples } of await counted())
        expect(reltuples, relname).toBeGreaterThan(before.get(relname)!);
    } finally {
      await scratch.close();
    }
  });

  const SEARCH = `query($text: String!, $types: [SearchType!], $countries: [String!], $first: Int, $lang: String) {
    search(text: $text, types: $types, countries: $countries, first: $first, lang: $lang) {
      totalCount results { match matchedName entity { __typename ... on Town { slug name country { code } } ... on Project { slug } ... on Organisation { slug } } }
    }
  }`;
  const top = async (text: string, variables: Record<string, unknown> = {}) =>
    (await api.data(SEARCH, { text, ...variables })).search.results;

  it("finds towns by exonym, source spelling or without diacritics", async () => {
    expect((await top("Pasov"))[0]).toMatchObject({ match: "EXACT", entity: { slug: "passau" } });
    expect((await top("Luck"))[0]).toMatchObject({ match: "EXACT", entity: { slug: "lutsk" } });
    expect((await top("Wolomin"))[0].entity.slug).toBe("wolomin");
    expect((await top("Ceske Budejovice"))[0].entity.slug).toBe("ceske-budejovice");
    expect((await top("Nagykanisza"))[0].entity.slug).toBe("nagykanizsa");
  });

  it("names the same match every time when names tie: the byte-first of the best", async () => {
    const matched = async (text: string) =>
      (
        await api.data(
          `query($text: String!) { search(text: $text, types: [TOWN], first: 1) { results { matchedName } } }`,
          {
            text,
          },
        )
      ).search.results[0].matchedName;
    const names = async (slug: string) =>
      (
        await api.db.query<{ name: string }>(
          `SELECT n.name FROM "TownName" n JOIN "Town" t ON t.id = n."townId" WHERE t.slug = $1
           UNION SELECT name FROM "Town" WHERE slug = $1`,
          [slug],
        )
      ).map((row) => row.name);
    for (const [text, slug] of [["Brasov", "brasov"]]) {
      const ties = (await names(slug))
        .filter((name) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase() === text.toLowerCase())
        .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      expect(ties.length, `${slug}: ${ties}`).toBeGreaterThan(1);
      expect(await matched(text)).toBe(ties[0]);
    }
  });

  it("tolerates typos, and ranks exact > prefix > fuzzy, then by population", async () => {
    const fuzzy = await top("Nyiregyhza", { types: ["TOWN"] });
    expect(fuzzy[0]).toMatchObject({ match: "FUZZY", entity: { slug: "nyiregyhaza" } });
    const martins = await top("Martin", { types: ["TOWN"], first: 10 });
    expect(martins[0]).toMatchObject({ match: "EXACT", entity: { slug: "martin", country: { code: "SK" } } });
    const tiers = martins.map((r: any) => ["EXACT", "PREFIX", "FUZZY"].indexOf(r.match));
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
  });

  it("searches every kind of record, filtered by type and country", async () => {
    const projects = await top("City Cooperation", { types: ["PROJECT"] });
    expect(projects.map((r: any) => r.entity.slug).sort()).toEqual(["city-cooperation", "city-cooperation-ii"]);
    expect((await top("CEMR"))[0].entity).toEqual({ __typename: "Organisation", slug: "cemr" });
    const union = (lang: string) => top("Union of Towns and Municipalities", { types: ["ORGANISATION"], lang });
    expect((await union("en"))[0].entity.slug).toBe("smo-cr");
    expect((await union("cs")).map((r: any) => r.entity.slug)).not.toContain("smo-cr");
    const polish = await top("Leszno", { countries: ["PL"], types: ["TOWN"] });
    expect(polish.every((r: any) => r.entity.country.code === "PL")).toBe(true);
    expect(polish[0].entity.slug).toBe("leszno");
  });

  it("filters towns within a radius and orders them by distance", async () => {
    const q = `query($first: Int, $after: String) { towns(filter: { near: { town: "murska-sobota", km: 15 } }, order: DISTANCE, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } }`;
    const all = (await api.data(q, { first: 100 })).towns;
    const slugs = all.edges.map((e: any) => e.node.slug);
    expect(slugs[0]).toBe("murska-sobota");
    expect(slugs).toContain("radenci");
    expect(slugs).not.toContain("ptuj");
    expect(all.totalCount).toBe(slugs.length);
    const first = (await api.data(q, { first: 3 })).towns;
    const second = (await api.data(q, { first: 3, after: first.pageInfo.endCursor })).towns;
    expect([...first.edges, ...second.edges].map((e: any) => e.node.slug)).toEqual(slugs.slice(0, 6));
    api.statements.length = 0;
    await api.data(
      `{ towns(filter: { near: { town: "murska-sobota", km: 15 } }, order: DISTANCE, first: 3) { totalCount edges { node { slug } } } }`,
    );
    expect(api.statements.filter((sql) => sql.includes("earth_box"))).toHaveLength(1);
    const far = await api.data(
      `{ towns(filter: { near: { latitude: 46.6625, longitude: 16.16639, km: 15 }, countries: ["IT"] }) { totalCount } }`,
    );
    expect(far.towns.totalCount).toBe(0);
  });

  it("uses the indexes: no sequential scan of towns or of the search index's table", async () => {
    const plan = async (sql: string) => JSON.stringify(await api.db.query(`EXPLAIN (FORMAT JSON) ${sql}`));
    const search = await plan(
      `SELECT entity_id FROM search_entry WHERE folded % citynet_fold('Pasov') OR folded LIKE 'pasov%'`,
    );
    expect(search).toContain("search_entry_folded_trgm");
    expect(search).not.toContain('"Seq Scan"');
    const radius = await plan(
      `SELECT id FROM "Town" WHERE earth_box(ll_to_earth(46.66, 16.17), 15000) @> ll_to_earth(latitude, longitude)`,
    );
    expect(radius).toContain("Town_earth_idx");
    expect(radius).not.toContain('"Seq Scan"');
  });
});
