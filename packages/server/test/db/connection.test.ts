// Paths of cooperation between towns, with evidence, computed in PostgreSQL.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

const CONNECTION = `query($from: String!, $to: String!, $maxHops: Int, $first: Int) {
  connection(from: $from, to: $to, maxHops: $maxHops, first: $first) {
    hops
    towns { slug }
    steps {
      from { town { slug } kind sources { source { key } quote } }
      to { town { slug } kind sources { source { key } quote } }
      via { __typename ... on Network { slug } ... on Project { slug } ... on Event { slug } ... on Agreement { slug } }
    }
  }
}`;

describeDb("connection between towns", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it("links two members of a network in one hop, with both memberships as evidence", async () => {
    const { connection } = await api.data(CONNECTION, { from: "opava", to: "brno", maxHops: 1 });
    expect(connection).toHaveLength(1);
    const [step] = connection[0].steps;
    expect(connection[0].towns).toEqual([{ slug: "opava" }, { slug: "brno" }]);
    expect(step.via).toEqual({ __typename: "Network", slug: "medium-sized-cities" });
    expect(step.from).toMatchObject({ town: { slug: "opava" }, kind: "MEMBER" });
    expect(step.from.sources[0].quote).toContain("Zastupitelstvo města Opavy");
    expect(step.to).toMatchObject({ town: { slug: "brno" }, kind: "MEMBER" });
    expect(step.to.sources[0].source.key).toBe("000_f836775315a78a45.txt");
  });

  it("links a conference host to a member through the network", async () => {
    const { connection } = await api.data(CONNECTION, { from: "leoben", to: "opava", maxHops: 1 });
    expect(connection[0].steps[0]).toMatchObject({
      via: { slug: "medium-sized-cities" },
      from: { kind: "CONFERENCE_HOST" },
      to: { kind: "MEMBER" },
    });
  });

  it("finds the shortest paths across projects, events and agreements, and nothing beyond maxHops", async () => {
    const { connection } = await api.data(CONNECTION, { from: "furstenfeld", to: "ptuj", maxHops: 2, first: 5 });
    expect(connection).toHaveLength(1);
    expect(connection[0].steps[0]).toMatchObject({
      via: { __typename: "Project", slug: "city-cooperation" },
      from: { kind: "PROJECT_EVENT_HOST" },
      to: { kind: "PROJECT_PARTICIPANT" },
    });
    const twoHops = await api.data(CONNECTION, { from: "hartberg", to: "ptuj", maxHops: 3, first: 5 });
    expect(twoHops.connection).toEqual([]);
    const viaLenart = await api.data(CONNECTION, {
      from: "furstenfeld",
      to: "lenart-v-slovenskih-goricah",
      maxHops: 2,
      first: 5,
    });
    expect(viaLenart.connection.map((p: any) => p.steps[0].via.__typename).sort()).toEqual(["Event", "Project"]);
    const none = await api.data(CONNECTION, { from: "opava", to: "ptuj", maxHops: 4 });
    expect(none.connection).toEqual([]);
  });

  it("rejects bad bounds with BAD_USER_INPUT and unknown towns with NOT_FOUND", async () => {
    expect((await api.query(CONNECTION, { from: "opava", to: "brno", maxHops: 9 })).errors?.[0].extensions?.code).toBe(
      "BAD_USER_INPUT",
    );
    expect((await api.query(CONNECTION, { from: "opava", to: "atlantis" })).errors?.[0].extensions?.code).toBe(
      "NOT_FOUND",
    );
  });
});

describeDb("neighbourhood and common ground", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it("returns a town's neighbourhood as nodes and typed edges", async () => {
    const { neighbourhood } = await api.data(`{ neighbourhood(town: "lendava", hops: 1) {
      nodes { __typename ... on Town { slug } ... on Project { slug } ... on Agreement { slug } ... on Network { slug } ... on Event { slug } }
      edges { town { slug } tie context { __typename ... on Project { slug } ... on Agreement { slug } } }
    } }`);
    const nodes = neighbourhood.nodes.map((n: any) => `${n.__typename}:${n.slug}`);
    expect(nodes).toContain("Project:city-cooperation");
    expect(nodes).toContain("Agreement:city-cooperation-declaration-2009");
    expect(nodes).toContain("Town:furstenfeld");
    expect(nodes.filter((n: string) => n.startsWith("Town:"))).toHaveLength(9);
    expect(neighbourhood.edges).toContainEqual({
      town: { slug: "furstenfeld" },
      tie: "PROJECT_EVENT_HOST",
      context: { __typename: "Project", slug: "city-cooperation" },
    });
    const wider = await api.data(`{ neighbourhood(town: "lendava", hops: 2) { nodes { __typename } } }`);
    expect(wider.neighbourhood.nodes.length).toBeGreaterThanOrEqual(neighbourhood.nodes.length);
  });

  it("loads the columns and related rows a document asks of a neighbourhood's records, as Prisma would", async () => {
    // `sources`, a list, is what no loaded row holds: with it every town and network comes
    // through Prisma's own query, the reference. An event's host asked with its country is
    // deeper than a loaded row holds too.
    const document = (extra: string, host: string) => `{ neighbourhood(town: "lendava", hops: 2) {
      nodes { __typename
        ... on Town { slug name population country { code name } ${extra} }
        ... on Network { slug name(lang: "en") foundedYear ${extra} }
        ... on Event { slug name(lang: "en") date { text } hostTown { slug } }
        ... on Agreement { slug kind } }
      edges { tie town { slug name latitude ${extra} }
        context { __typename ... on Network { slug } ... on Project { slug name(lang: "en") } ... on Event { hostTown { ${host} } } ... on Agreement { kind } } }
    } }`;
    const withoutSources = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(withoutSources)
        : value && typeof value === "object"
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([key]) => key !== "sources")
                .map(([key, inner]) => [key, withoutSources(inner)]),
            )
          : value;
    for (const host of ["slug", "slug country { code }"]) {
      const shaped = await api.data(document("", host));
      expect(shaped).toEqual(withoutSources(await api.data(document("sources { quote }", host))));
      expect(shaped.neighbourhood.edges.length).toBeGreaterThan(10);
    }
    // Every record asked within what a loaded row holds: the graph's version with the town's id,
    // then the records, each type with the columns and related rows asked of it.
    api.statements.length = 0;
    await api.data(document("", "slug"));
    expect(api.statements).toHaveLength(2);
    expect(api.statements[1]).toMatch(/jsonb_build_object\('id', r\."id", 'slug', r\."slug"/);
    expect(api.statements[1]).not.toMatch(/to_jsonb\(r\)/);
  });

  it("tells what two towns have in common", async () => {
    const { slovenian, themes } = await api.data(`{
      slovenian: commonGround(townA: "lendava", townB: "ptuj") { networks { slug } projects { slug } agreements { slug } events { slug } themes { slug } }
      themes: commonGround(townA: "wolomin", townB: "lutsk") { projects { slug } themes { slug } }
    }`);
    expect(slovenian).toEqual({
      networks: [],
      projects: [{ slug: "city-cooperation" }],
      agreements: [{ slug: "city-cooperation-declaration-2009" }],
      events: [],
      themes: [],
    });
    expect(themes).toEqual({ projects: [], themes: [{ slug: "culture" }] });
  });
});
