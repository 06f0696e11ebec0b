// The cooperation graph in memory against the recursive CTEs PostgreSQL answered with before,
// on the benchmark's generated cooperation layer over every European town: the same paths, in
// the same order, with the same evidence, and the same neighbourhoods. Then freshness: a
// committed write to the ties shows at once, a rolled-back one never.
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateCooperationLayer } from "../../../../bench/dataset.js";
import { CooperationGraph, currentGraph, type Link, tieOrder } from "../../src/schema/graph/cooperation-graph.js";
import { LINKS_SQL } from "../../src/schema/graph/links.js";
import { NEIGHBOURHOOD_SQL, PATHS_SQL } from "../support/cooperation-sql.js";
import { describeDb, leg, startTestApi, type TestApi } from "../support/harness.js";

/** A small PRNG, so the sampled towns are the same on every run. */
function sample<T>(items: T[], count: number, seed = 7): T[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => items[Math.floor(next() * items.length)]);
}

describeDb("the cooperation graph in memory", () => {
  let api: TestApi;
  let graph: CooperationGraph;
  let towns: { id: number; slug: string }[];
  beforeAll(async () => {
    api = await startTestApi("europe");
    await generateCooperationLayer(api.db);
    graph = new CooperationGraph(await api.db.query<Link>(LINKS_SQL));
    towns = await api.db.query(
      `SELECT DISTINCT t.id, t.slug FROM "Town" t JOIN (${LINKS_SQL}) l ON l.town = t.id ORDER BY t.slug`,
    );
  }, 300_000);
  afterAll(() => api?.close());

  // About a minute of recursive CTEs: on one leg, as the walk in memory is the same on both.
  it.runIf(leg === "embedded")(
    "finds the same shortest paths as the recursive CTE, in the same order, with the same evidence",
    { timeout: 300_000 },
    async () => {
      let compared = 0;
      let withPaths = 0;
      for (const [from, to] of sample(towns, 60).map((town, i) => [town, sample(towns, 60, 11)[i]])) {
        if (from.id === to.id) continue;
        for (const [maxHops, limit] of [
          [3, 3],
          [2, 20],
        ]) {
          const rows = await api.db.query<{ towns: number[] | null; steps: string[] | null }>(PATHS_SQL, [
            from.slug,
            to.slug,
            maxHops,
            limit,
          ]);
          const expected = rows.flatMap((r) => (r.towns && r.steps ? [{ towns: r.towns, steps: r.steps }] : []));
          expect(graph.paths(from.id, to.id, maxHops, limit), `${from.slug} → ${to.slug}`).toEqual(expected);
          compared++;
          if (expected.length) withPaths++;
        }
      }
      expect(compared).toBeGreaterThan(100);
      expect(withPaths).toBeGreaterThan(10);
    },
  );

  it.runIf(leg === "embedded")("finds the same neighbourhoods, tie for tie", { timeout: 300_000 }, async () => {
    for (const town of sample(towns, 20, 3))
      for (const hops of [1, 2]) {
        // The CTE ordered by context and town only; a town's two ties to one context (member and
        // conference host) came in no defined order. The graph puts them in the order of their names.
        const expected = (await api.db.query<Link>(NEIGHBOURHOOD_SQL, [town.id, hops])).sort(tieOrder);
        expect(graph.neighbourhood(town.id, hops), `${town.slug}, ${hops} hops`).toEqual(expected);
      }
  });

  it("answers from a graph as new as the last committed write, and no newer", async () => {
    const prisma = api.db.prisma;
    const ctx = { prisma, read: api.db.readSql, costly: <T>(run: () => Promise<T>) => run() };
    const [a, b] = await api.db.query<{ id: number; slug: string }>(
      `SELECT id, slug FROM "Town" t WHERE NOT EXISTS (SELECT 1 FROM (${LINKS_SQL}) l WHERE l.town = t.id) ORDER BY slug LIMIT 2`,
    );
    const network = (await api.db.query<{ id: number }>(`SELECT id FROM "Network" ORDER BY id LIMIT 1`))[0].id;
    const pathsNow = async () => (await currentGraph(ctx, [])).graph.paths(a.id, b.id, 1, 1);
    expect(await pathsNow()).toEqual([]);
    // A rolled-back write changes nothing.
    await prisma
      .$transaction(async (tx) => {
        await tx.membership.createMany({
          data: [a, b].map((t) => ({ townId: t.id, networkId: network, role: "MEMBER" })),
        });
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect(await pathsNow()).toEqual([]);
    await prisma.membership.createMany({
      data: [a, b].map((t) => ({ townId: t.id, networkId: network, role: "MEMBER" })),
    });
    expect((await pathsNow()).map((p) => p.towns)).toEqual([[a.id, b.id]]);
    // And through the API, at once.
    const { connection } = await api.data(
      `query($from: String!, $to: String!) { connection(from: $from, to: $to, maxHops: 1) { towns { slug } } }`,
      {
        from: a.slug,
        to: b.slug,
      },
    );
    expect(connection).toEqual([{ towns: [{ slug: a.slug }, { slug: b.slug }] }]);
    await prisma.membership.deleteMany({ where: { townId: { in: [a.id, b.id] }, networkId: network } });
    expect(await pathsNow()).toEqual([]);
  });
});
