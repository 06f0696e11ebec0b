// The query-plan cache (src/db/plan-cache.ts): one compilation per query shape, each request's
// own values in the SQL. The whole suite also runs with CITYNET_PLAN_CACHE_VERIFY, which
// compares every cached plan with Prisma's own compilation of the same query.
import { afterAll, beforeAll, expect, it } from "vitest";
import { planCacheStats } from "../../src/db/plan-cache.js";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

describeDb("query-plan cache", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  // descriptionTranslations keeps the SQL planner (src/sql-plan) out: this page goes through Prisma.
  const townPage = `query ($slug: String!) { town(slug: $slug) { slug name country { code } memberships(first: 5) { totalCount } alternateNames { name } descriptionTranslations { lang } } }`;

  it("compiles a town page once, then answers other towns from the same plan with their own data", async () => {
    await api.data(townPage, { slug: "opava" });
    const before = planCacheStats();
    const leoben = await api.data(townPage, { slug: "leoben" });
    const wels = await api.data(townPage, { slug: "wels" });
    const after = planCacheStats();
    expect(after.compiled - before.compiled).toBe(0);
    expect(after.reused - before.reused).toBeGreaterThanOrEqual(2);
    expect(leoben.town).toMatchObject({ slug: "leoben", name: "Leoben", country: { code: "AT" } });
    expect(wels.town).toMatchObject({ slug: "wels", name: "Wels", country: { code: "AT" } });
    const missing = await api.query(townPage, { slug: "no-such-town" });
    expect(missing.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("compiles a batch of findUniques (one tick's relation loads) once per shape, each with its own rows", async () => {
    const { prisma } = api.db;
    const towns = (slugs: string[]) =>
      Promise.all(
        slugs.map((slug) =>
          prisma.town.findUniqueOrThrow({
            where: { slug },
            select: { name: true, country: { select: { code: true } } },
          }),
        ),
      );
    await towns(["opava", "leoben"]);
    const before = planCacheStats();
    const [opava, leoben] = await towns(["opava", "leoben"]);
    const [wels, again] = await towns(["wels", "opava"]);
    const after = planCacheStats();
    expect(after.compiled - before.compiled).toBe(0);
    expect(after.reused - before.reused).toBe(2);
    expect([opava, leoben, wels, again].map((town) => `${town.name} ${town.country.code}`)).toEqual([
      "Opava CZ",
      "Leoben AT",
      "Wels AT",
      "Opava CZ",
    ]);
    await expect(towns(["wels", "no-such-town"])).rejects.toThrow();
  });

  it("leaves Prisma's own placeholders alone: a cursor page whose relations load in a second query", async () => {
    const page = `query ($after: String) { towns(first: 3, after: $after) { pageInfo { endCursor } edges { node { slug country { code name } } } } }`;
    const first = await api.data(page);
    const second = await api.data(page, { after: first.towns.pageInfo.endCursor });
    const all = await api.data(`{ towns(first: 6) { edges { node { slug country { code name } } } } }`);
    expect([...first.towns.edges, ...second.towns.edges]).toEqual(all.towns.edges);
    for (const { node } of second.towns.edges) expect(node.country.name, node.slug).toBeTruthy();
  });

  it("keeps values that shape the SQL literal: patterns, enums and list lengths", async () => {
    const { prisma } = api.db;
    const startingWith = async (prefix: string) =>
      (await prisma.town.findMany({ where: { name: { startsWith: prefix } }, select: { slug: true } })).map(
        (t) => t.slug,
      );
    expect(await startingWith("Opav")).toEqual(["opava"]);
    expect(await startingWith("Leob")).toEqual(["leoben"]);

    const eventsOfKind = (kind: "CONGRESS" | "FORUM") => prisma.event.count({ where: { kind } });
    const [congresses, forums] = await Promise.all([eventsOfKind("CONGRESS"), eventsOfKind("FORUM")]);
    expect(congresses).toBeGreaterThan(0);
    expect(forums).toBeGreaterThan(0);
    expect(await prisma.event.count({ where: { kind: { in: ["CONGRESS", "FORUM"] } } })).toBe(congresses + forums);

    const inCountries = async (codes: string[]) => prisma.town.count({ where: { countryCode: { in: codes } } });
    const [czech, austrian, both] = await Promise.all([
      inCountries(["CZ"]),
      inCountries(["AT"]),
      inCountries(["CZ", "AT"]),
    ]);
    expect(czech).toBeGreaterThan(0);
    expect(austrian).toBeGreaterThan(0);
    expect(both).toBe(czech + austrian);
  });
});
