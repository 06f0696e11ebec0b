// The SQL planner (src/sql-plan): an operation it covers is answered by one statement, with
// exactly the response the resolvers give; anything it does not cover, or an argument the
// resolvers refuse, is answered by the resolvers, errors included. Every case runs twice on
// the same database: planner on, planner off. The SQL of each planned case is snapshotted in
// __snapshots__/sql-plan/.
import { afterAll, beforeAll, expect, it } from "vitest";
import { REFERENCE_OPERATIONS } from "../../../../bench/operations.js";
import { createApp } from "../../src/app.js";
import { describeDb, type GraphQLResponse, querier, startTestApi, type TestApi } from "../support/harness.js";
import { SEEDED_SUBJECTS } from "../support/subjects.js";

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
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
  { name: "an unknown town (NOT_FOUND)", query: `{ town(slug: "no-such-town") { slug } }` },
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
  { name: "a field the planner does not know", query: `{ town(slug: "opava") { slug alternateNames { name kind } } }` },
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
  beforeAll(async () => {
    api = await startTestApi("europe");
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
      const [first] = statements;
      // An unknown town is looked up by the planner first; nothing else reaches it.
      if (c.name.startsWith("an unknown town")) expect(first).toMatch(/^SELECT json_build_object/);
      else expect(statements.filter((s) => s.startsWith("SELECT json_build_object"))).toEqual([]);
    });
  }

  it("fills the page it was asked for: cursors continue where the planned page ended", async () => {
    const page = `query ($after: String) { towns(filter: { countries: ["PL"] }, order: POPULATION_DESC, first: 4, after: $after) { pageInfo { endCursor } edges { node { slug } } } }`;
    const first = await api.data(page);
    const second = await api.data(page, { after: first.towns.pageInfo.endCursor });
    const both = await api.data(
      `{ towns(filter: { countries: ["PL"] }, order: POPULATION_DESC, first: 8) { edges { node { slug } } } }`,
    );
    expect([...first.towns.edges, ...second.towns.edges]).toEqual(both.towns.edges);
  });
});
