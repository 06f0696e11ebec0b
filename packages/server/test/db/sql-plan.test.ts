// The SQL planner (src/sql-plan): an operation it covers is answered by one statement, with
// exactly the response the resolvers give; anything it does not cover, or an argument the
// resolvers refuse, is answered by the resolvers, errors included. Every case runs twice on
// the same database: planner on, planner off. The SQL of each planned case is snapshotted in
// __snapshots__/sql-plan/.
import { print } from "graphql";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REFERENCE_OPERATIONS, SDK_OPERATIONS } from "../../../../bench/operations.js";
import { createApp } from "../../src/app.js";
import { createApiKey } from "../../src/auth/api-keys.js";
import type { SubGraph } from "../../src/schema/builder.js";
import { subgraphSchema } from "../../src/schema/federation.js";
import { LINKS_SQL } from "../../src/schema/graph/links.js";
import { keptStatementStats } from "../../src/sql-plan/statement.js";
import { describeDb, type GraphQLResponse, querier, startTestApi, type TestApi } from "../support/harness.js";
import { SEEDED_SUBJECTS } from "../support/subjects.js";

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** The planner's statement runs, and only its answer tells that the resolvers must answer. */
  triedFirst?: boolean;
}

const TOWN_FIELDS = /* GraphQL */ `
  fragment TownFields on Town {
    __typename id slug name asciiName population latitude longitude elevation timezone geonameId region subregion
    country { __typename id code alpha3 name nameCs: name(lang: "cs") }
    memberships(first: 3) {
      __typename totalCount
      pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        __typename cursor
        node {
          __typename id role note
          joined { __typename precision start end year month day }
          network { slug name nameSl: name(lang: "sl") description(lang: "cs") foundedYear declaredMemberCount meetingPattern initiatorTown { slug } homeCountry { code } }
        }
      }
    }
    hostedEvents(first: 2) { totalCount edges { node { slug name date { start end precision year month day } } } }
    projects { totalCount edges { node { project { slug name(lang: "en") } } } }
  }`;

const PLANNED: Case[] = [
  ...REFERENCE_OPERATIONS.filter((op) => ["town page", "network page", "filtered towns"].includes(op.name)).map(
    (op) => ({
      name: `reference ${op.name}`,
      query: op.citynet.query,
      variables: op.citynet.variables(SEEDED_SUBJECTS),
    }),
  ),
  // The SDK's curated pages (packages/sdk/operations), as member towns' pages send them.
  ...SDK_OPERATIONS.filter((op) => op.name !== "SDK search").map((op) => ({
    name: op.name,
    query: print(op.document),
    variables: op.variables(SEEDED_SUBJECTS),
  })),
  {
    name: "a town's searches with their countries, topics, shown status and contributed sources",
    query: `query ($lang: String) { town(slug: "opava") {
      alternateNames { name kind lang } exonyms: alternateNames(kinds: [EXONYM]) { name }
      populationFigures { value qualifier year statedOn quantity { value } source { key } sources { quote } }
      partnerSearches(first: 5) { totalCount edges { node { slug status validUntil postedOn description(lang: $lang)
        wantedCountries { __typename code name(lang: "de") } topics { slug name(lang: $lang) }
        sources { quote field source { kind url title contribution { __typename contributor role at actingFor { slug } } } } } } }
      sources { __typename quote field source { key kind contribution { contributor } } }
    } }`,
    variables: { lang: "cs" },
  },
  {
    name: "events by host town, network, country, kind, dates and topic, with their dates' labels",
    query: `query ($from: Date!, $to: Date!) {
      hosted: events(filter: { hostTown: "opava" }, order: DATE_ASC) { totalCount edges { node { slug date { text start } } } }
      network: events(filter: { network: "medium-sized-cities", from: $from, to: $to }) { totalCount edges { node { slug } } }
      country: events(filter: { hostCountry: "at", kinds: [CONFERENCE, FORUM], yearFrom: 2010, yearTo: 2030 }, first: 5) {
        totalCount edges { node { slug kind hostTown { slug country { code } } } } }
      online: events(filter: { online: true }, first: 3) { totalCount edges { node { slug platform theme(lang: "de") } } }
      topic: events(filter: { topic: "culture" }, first: 3) { totalCount edges { node { slug } } }
      dated: events(order: DATE_ASC, first: 30) { edges { node { slug
        registeredParticipants { value qualifier } sessionCount { value } partnerCount { __typename value qualifier }
        date { __typename precision start end year month day dateTime timeZone text cs: text(lang: "cs") pl: text(lang: "pl") } } } }
    }`,
    variables: { from: "2015-01-01", to: "2021-12-31" },
  },
  {
    name: "towns by membership, project and open partner searches",
    query: `{
      members: towns(filter: { memberOf: "medium-sized-cities" }, first: 5) { totalCount edges { node { slug } } }
      partners: towns(filter: { participantIn: "city-cooperation" }) { totalCount edges { node { slug } } }
      searching: towns(filter: { hasOpenPartnerSearches: true }, first: 5) { totalCount edges { node { slug } } }
      quiet: towns(filter: { hasOpenPartnerSearches: false, countries: ["SI"] }, first: 5) { totalCount edges { node { slug } } }
    }`,
  },
  {
    name: "a project's budget, period, goals and towns",
    query: `query ($slug: String!) { project(slug: $slug) {
      slug budget { __typename amount currency } period { text en: text(lang: "en") de: text(lang: "de") } declaredTownCount
      goals goalsDe: goals(lang: "de") towns(first: 3) { totalCount edges { node { town { slug } } } }
    } }`,
    variables: { slug: SEEDED_SUBJECTS.project },
  },
  {
    name: "every planned Town field, with fragments and aliases",
    query: `query { opava: town(slug: "opava") { ...TownFields } leoben: town(slug: "leoben") { ...TownFields otherName: name } } ${TOWN_FIELDS}`,
  },
  {
    name: "the reader's language from Accept-Language",
    query: `{ town(slug: "opava") { ...TownFields } } ${TOWN_FIELDS}`,
    headers: { "accept-language": "pl-PL,pl;q=0.9" },
  },
  {
    name: "a network's events both ways, an empty first page and the default page size",
    query: `query ($slug: String!) { network(slug: $slug) {
      slug __typename
      latest: events { totalCount pageInfo { hasNextPage endCursor } edges { node { slug date { start } hostTown { slug name } } } }
      earliest: events(order: DATE_ASC, first: 2) { edges { cursor node { slug name(lang: "de") } } }
      none: memberships(first: 0) { totalCount pageInfo { hasNextPage startCursor endCursor } edges { cursor } }
    } }`,
    variables: { slug: SEEDED_SUBJECTS.network },
  },
  { name: "a root __typename beside a lookup", query: `{ __typename town(slug: "leoben") { slug } }` },
  {
    name: "towns by region, by population range and by name",
    query: `query ($region: String!) {
      region: towns(filter: { region: $region }, first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug name region } } }
      range: towns(filter: { countries: ["cz", "AT"], populationMin: 10000, populationMax: 60000 }, order: POPULATION_DESC) { totalCount edges { node { slug population country { code } } } }
      all: towns(first: 3) { totalCount edges { node { slug country { __typename id } } } }
    }`,
    variables: { region: "Styria" },
  },
];

const ANSWERED_BY_RESOLVERS: Case[] = [
  { name: "introspection", query: `{ __typename __schema { queryType { name } } __type(name: "Town") { name } }` },
  { name: "an unknown town (NOT_FOUND)", query: `{ town(slug: "no-such-town") { slug } }`, triedFirst: true },
  {
    name: "a language that is not a code, which only a field finished in Node checks",
    query: `{ project(slug: "city-cooperation") { slug goals(lang: "english") } }`,
    triedFirst: true,
  },
  { name: "a page larger than allowed", query: `{ town(slug: "opava") { memberships(first: 101) { totalCount } } }` },
  { name: "a language that is not a code", query: `{ town(slug: "opava") { country { name(lang: "czech") } } }` },
  {
    name: "populationMin above populationMax",
    query: `{ towns(filter: { populationMin: 5, populationMax: 1 }) { totalCount } }`,
  },
  { name: "a cursor", query: `{ towns(first: 2, after: "R1BDOk46MQ==") { edges { node { slug } } } }` },
  {
    name: "a directive",
    query: `query ($all: Boolean!) { town(slug: "opava") { slug population @include(if: $all) } }`,
    variables: { all: false },
  },
  { name: "a field the planner does not know", query: `{ town(slug: "opava") { slug initiatedNetworks { slug } } }` },
  {
    name: "events of a season or about words",
    query: `{ spring: events(filter: { season: SPRING }) { totalCount } waste: events(filter: { topicText: "waste" }) { totalCount } }`,
  },
  { name: "yearFrom above yearTo", query: `{ events(filter: { yearFrom: 2020, yearTo: 2010 }) { totalCount } }` },
  {
    name: "a radius filter",
    query: `{ towns(filter: { near: { town: "opava", km: 30 } }, order: DISTANCE, first: 3) { totalCount edges { node { slug } } } }`,
  },
];

/** A case's name as a file name: "reference town page" → "reference-town-page". */
const fileNameOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

describeDb("SQL planner", () => {
  let api: TestApi;
  let resolversOnly: (c: Case) => Promise<GraphQLResponse>;
  let editorKey: string;
  beforeAll(async () => {
    api = await startTestApi("europe");
    // A search written through the API (a contribution source), and one open past its validUntil.
    const { secret } = await createApiKey(api.db.prisma, { name: "Opava web", role: "TOWN_EDITOR", scope: "opava" });
    const created = await api.query(
      `mutation ($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { slug } } }`,
      {
        input: {
          town: "opava",
          kind: "COOPERATION",
          description: [{ lang: "en", text: "Opava looks for partners in culture." }],
          wantedCountries: ["si", "at"],
          topics: ["culture", "historic-heritage"],
          validUntil: new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10),
          citation: { url: "https://www.opava.cz/partners", quote: "hledáme partnery" },
        },
      },
      { authorization: `Bearer ${secret}` },
    );
    expect(created.errors).toBeUndefined();
    editorKey = secret;
    await api.db.prisma.partnerSearch.create({
      data: {
        slug: "opava-expired-search",
        town: { connect: { slug: "opava" } },
        kind: "TWINNING",
        description: [{ lang: "cs", text: "Starší hledání." }],
        postedOn: new Date("2020-01-01"),
        status: "OPEN",
        statusAsOf: new Date("2020-01-01"),
        validUntil: new Date("2021-01-01"),
      },
    });
    const query = querier(createApp(api.db, { logging: false, sqlPlans: false }));
    resolversOnly = (c) => query(c.query, c.variables, c.headers);
  });
  afterAll(() => api?.close());

  async function planned(c: Case) {
    api.statements.length = 0;
    const response = await api.query(c.query, c.variables, c.headers);
    return { response, statements: [...api.statements] };
  }

  for (const c of PLANNED) {
    it(`answers ${c.name} in one statement, as the resolvers do`, async () => {
      const { response, statements } = await planned(c);
      expect(response.errors).toBeUndefined();
      expect(response).toEqual(await resolversOnly(c));
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/^SELECT json_build_object/);
      // The statement is kept beside the test, so that a change to the planner's SQL shows in review.
      await expect(statements[0]).toMatchFileSnapshot(`__snapshots__/sql-plan/${fileNameOf(c.name)}.sql`);
    });
  }

  for (const c of ANSWERED_BY_RESOLVERS) {
    it(`leaves ${c.name} to the resolvers`, async () => {
      const { response, statements } = await planned(c);
      expect(response).toEqual(await resolversOnly(c));
      const plannedStatements = statements.filter((s) => s.startsWith("SELECT json_build_object"));
      expect(plannedStatements).toHaveLength(c.triedFirst ? 1 : 0);
    });
  }

  it("keeps a statement per variables and language, never another town's, and reads the last write through it", async () => {
    const widget = SDK_OPERATIONS.find((op) => op.name === "SDK townWidget")!;
    const asked = (slug: string, headers?: Record<string, string>): Case => ({
      name: widget.name,
      query: print(widget.document),
      variables: { ...widget.variables(SEEDED_SUBJECTS), slug, lang: null },
      headers,
    });
    const opava = asked("opava");
    const first = await planned(opava);
    const before = keptStatementStats();
    const again = await planned(opava);
    expect(keptStatementStats().reused).toBe(before.reused + 1);
    expect(again.response).toEqual(first.response);
    expect(again.statements).toHaveLength(1);
    for (const other of [
      asked("leoben"),
      asked("opava", { "accept-language": "de" }),
      asked("opava", { "accept-language": "pl" }),
    ]) {
      const { response } = await planned(other);
      expect(response).toEqual(await resolversOnly(other));
      expect(response).not.toEqual(first.response);
    }
    const written = await api.query(
      `mutation ($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { slug } } }`,
      { input: { town: "opava", kind: "TWINNING", description: [{ lang: "en", text: "Opava looks for a twin." }] } },
      { authorization: `Bearer ${editorKey}` },
    );
    expect(written.errors).toBeUndefined();
    const kept = keptStatementStats();
    const after = await planned(opava);
    expect(keptStatementStats().reused).toBe(kept.reused + 1);
    expect(after.response).toEqual(await resolversOnly(opava));
    expect(JSON.stringify(after.response)).toContain(written.data.createPartnerSearch.partnerSearch.slug);
  });

  it("answers a subgraph's _entities in one statement, by global id and by slug, as the resolvers do", async () => {
    // What the gateway sends for the federated town and network pages: one type's fields, in order.
    const subgraph = (name: SubGraph, sqlPlans: boolean) =>
      querier(createApp(api.db, { logging: false, schema: subgraphSchema(name), sqlPlans }));
    const opava = await api.db.prisma.town.findUniqueOrThrow({ where: { slug: "opava" } });
    const networks = await api.db.prisma.network.findMany({ orderBy: { id: "asc" }, take: 2 });
    const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");
    const cases: {
      name: string;
      subgraph: SubGraph;
      query: string;
      representations: unknown[];
      planned: boolean;
      /** The code of the resolvers' error, where the representations are not valid. */
      code?: string;
    }[] = [
      {
        name: "a subgraph's entities by global id",
        subgraph: "networks",
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on Network { slug name(lang: "en") foundedYear memberships(first: 3) { totalCount edges { node { role town { slug } } } } } } }`,
        representations: [
          { __typename: "Network", id: globalId("Network", networks[1].id) },
          { __typename: "Network", id: globalId("Network", 2_000_000_000) },
          { __typename: "Network", id: globalId("Network", networks[0].id) },
        ],
        planned: true,
      },
      {
        name: "a subgraph's entities by slug",
        subgraph: "places",
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Town { slug name population country { code } } } }`,
        representations: [
          { __typename: "Town", slug: "leoben" },
          { __typename: "Town", slug: "no-such-town" },
          { __typename: "Town", slug: "opava" },
        ],
        planned: true,
      },
      {
        name: "a subgraph's entities by both keys",
        subgraph: "places",
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Town { slug } } }`,
        representations: [
          { __typename: "Town", slug: "leoben" },
          { __typename: "Town", id: globalId("Town", opava.id) },
        ],
        planned: false,
      },
      {
        name: "a subgraph's entities by a malformed id",
        subgraph: "places",
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Town { slug } } }`,
        representations: [{ __typename: "Town", id: "not a global id" }],
        planned: false,
        code: "INVALID_ID",
      },
    ];
    for (const c of cases) {
      const variables = { representations: c.representations };
      api.statements.length = 0;
      const response = await subgraph(c.subgraph, true)(c.query, variables);
      const statements = [...api.statements];
      expect(
        response.errors?.map((error) => error.extensions?.code),
        c.name,
      ).toEqual(c.code ? [c.code] : undefined);
      expect(response, c.name).toEqual(await subgraph(c.subgraph, false)(c.query, variables));
      const plannedStatements = statements.filter((sql) => sql.startsWith("SELECT json_build_object"));
      expect(plannedStatements, c.name).toHaveLength(c.planned ? 1 : 0);
      if (!c.planned) continue;
      expect(statements).toHaveLength(1);
      await expect(statements[0]).toMatchFileSnapshot(`__snapshots__/sql-plan/${fileNameOf(c.name)}.sql`);
    }
  });

  it("fills the page it was asked for: cursors continue where the planned page ended", async () => {
    const page = `query ($after: String) { towns(filter: { countries: ["PL"] }, order: POPULATION_DESC, first: 4, after: $after) { pageInfo { endCursor } edges { node { slug } } } }`;
    const first = await api.data(page);
    const second = await api.data(page, { after: first.towns.pageInfo.endCursor });
    const both = await api.data(
      `{ towns(filter: { countries: ["PL"] }, order: POPULATION_DESC, first: 8) { edges { node { slug } } } }`,
    );
    expect([...first.towns.edges, ...second.towns.edges]).toEqual(both.towns.edges);
  });

  it("answers a town's neighbourhood from the graph and its records in memory, as the resolvers do", async () => {
    const reference = REFERENCE_OPERATIONS.find((op) => op.name === "neighbourhood")!;
    const [{ slug: alone }] = await api.db.read<{ slug: string }>(
      `SELECT slug FROM "Town" WHERE id NOT IN (SELECT town FROM (${LINKS_SQL}) l) ORDER BY id LIMIT 1`,
      [],
    );
    const answered: Case[] = [
      {
        name: "the reference neighbourhood",
        query: reference.citynet.query,
        variables: reference.citynet.variables(SEEDED_SUBJECTS),
      },
      {
        name: "a neighbourhood's nodes and edges at two hops, with ids, aliases and fragments",
        query: /* GraphQL */ `query ($town: String!) {
          __typename
          around: neighbourhood(town: $town, hops: 2) {
            __typename
            nodes { __typename ...Place ... on Network { id slug foundedYear } ... on GraphNode { ... on Event { id kind } } }
            edges { __typename how: tie town { ...Place } context { __typename ... on Project { slug title: name } ... on Agreement { id kind } } }
          }
        }
        fragment Place on Town { id slug name population latitude region }`,
        variables: { town: "lendava" },
      },
      {
        name: "a neighbourhood in the reader's language and in another",
        query: `{ neighbourhood(town: "opava") { edges { context { ... on Network { name nameDe: name(lang: "de") } ... on Event { name } } } } }`,
        headers: { "accept-language": "cs" },
      },
      {
        name: "a town without ties",
        query: `{ neighbourhood(town: "${alone}") { nodes { ... on Town { slug } } edges { tie } } }`,
      },
    ];
    // The planner's counter tells the answer from the resolvers' (which take two statements too).
    const counted = createApp(api.db, { logging: false, metrics: true });
    const plannerCounts = async () => {
      const metrics = await (await counted.yoga.fetch("http://citynet.test/metrics")).text();
      const counter = (outcome: string) =>
        Number(
          metrics.match(
            new RegExp(`^citynet_sql_planner_operations_total\\{outcome="${outcome}"\\} (\\d+)`, "m"),
          )?.[1] ?? 0,
        );
      return { planned: counter("planned"), declined: counter("declined") };
    };
    const outcomes = async (c: Case) => {
      const before = await plannerCounts();
      api.statements.length = 0;
      const response = await querier(counted)(c.query, c.variables, c.headers);
      const statements = [...api.statements];
      const after = await plannerCounts();
      return {
        response,
        statements,
        planned: after.planned - before.planned,
        declined: after.declined - before.declined,
      };
    };
    for (const c of answered) {
      // The resolvers first: they load the graph, which the answer then finds in memory.
      const expected = await resolversOnly(c);
      // The first loads its records by id, the second all the graph's with the columns asked,
      // and the third finds them in memory.
      const byId = await outcomes(c);
      const first = await outcomes(c);
      const again = await outcomes(c);
      expect(byId.statements.slice(1).join(), c.name).not.toContain(`SELECT 'VERSION'`);
      for (const run of [byId, first, again]) {
        expect(run.planned, c.name).toBe(1);
        expect(run.response.errors, c.name).toBeUndefined();
        expect(run.response, c.name).toEqual(expected);
      }
      // The graph's and the records' versions with the town's id; a town without ties by its id.
      expect(again.statements, c.name).toHaveLength(c.name === "a town without ties" ? 2 : 1);
      const load = first.statements.find((sql) => sql.startsWith(`SELECT 'VERSION'`));
      expect(load, c.name).not.toMatch(/to_jsonb\(r\)/);
      await expect(load).toMatchFileSnapshot(`__snapshots__/sql-plan/neighbourhood-${fileNameOf(c.name)}.sql`);
    }
    expect(JSON.stringify((await planned(answered[0])).response)).toMatch(/"tie":"MEMBER"/);
    // A committed rename shows at once; a rolled-back one never does.
    const [, town] = /"town":\{"slug":"([^"]+)"/.exec(JSON.stringify((await planned(answered[0])).response))!;
    const { name } = await api.db.prisma.town.findUniqueOrThrow({ where: { slug: town } });
    const renamed = async (to: string, commit: boolean) =>
      api.db.prisma
        .$transaction(async (tx) => {
          await tx.town.update({ where: { slug: town }, data: { name: to } });
          if (!commit) throw new Error("rolled back");
        })
        .catch(() => {});
    await renamed("Rolled Back", false);
    expect(JSON.stringify((await planned(answered[0])).response)).not.toContain("Rolled Back");
    await renamed("Renamed Town", true);
    try {
      const after = await planned(answered[0]);
      expect(JSON.stringify(after.response)).toContain(`"slug":"${town}","name":"Renamed Town"`);
      expect(after.response).toEqual(await resolversOnly(answered[0]));
    } finally {
      await renamed(name, true);
    }
    const declined: Case[] = [
      // A town's country is a related row: the resolvers load it with the town.
      {
        name: "a related row",
        query: `{ neighbourhood(town: "lendava") { edges { town { slug country { code } } } } }`,
      },
      { name: "three hops", query: `{ neighbourhood(town: "lendava", hops: 3) { edges { tie } } }` },
      { name: "an unknown town", query: `{ neighbourhood(town: "no-such-town") { edges { tie } } }` },
      {
        name: "a language that is not a code",
        query: `{ neighbourhood(town: "lendava") { edges { context { ... on Project { name(lang: "slovene") } } } } }`,
      },
      {
        name: "another root beside it",
        query: `{ town(slug: "opava") { slug } neighbourhood(town: "opava") { edges { tie } } }`,
      },
    ];
    for (const c of declined) {
      const { response, statements, declined: declinedHere } = await outcomes(c);
      expect(declinedHere, c.name).toBe(1);
      expect(response, c.name).toEqual(await resolversOnly(c));
      if (c.name === "a related row") expect(statements.at(-1)).toMatch(/to_jsonb\(x\) FROM "Country"/);
    }
    expect((await planned(declined[1])).response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await planned(declined[2])).response.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });
});
