// A domain subgraph resolves the entities the gateway asks it for in batches, with what the
// gateway asks of them: `_entities` with 20 representations is one statement, relations
// included, and an unknown id is a null, not an error.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { startFederation } from "../../src/gateway.js";
import { freePortRange } from "../../src/lib/ports.js";
import { SUBGRAPHS } from "../../src/schema/builder.js";
import { subgraphSchema } from "../../src/schema/federation.js";
import { describeDb, querier, startTestApi, type TestApi } from "../support/harness.js";

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Town { name country { name } memberships(first: 5) { totalCount } } }
}`;

describeDb("federation subgraphs", () => {
  let places: TestApi;
  let townIds: string[];
  beforeAll(async () => {
    places = await startTestApi("documents", {}, { schema: subgraphSchema("places") });
    const { towns } = await places.data(`{ towns(first: 20, order: NAME) { edges { node { id name } } } }`);
    townIds = towns.edges.map((edge: { node: { id: string } }) => edge.node.id);
  });
  afterAll(() => places?.close());

  async function resolve(ids: string[]) {
    places.statements.length = 0;
    const data = await places.data(ENTITIES, { representations: ids.map((id) => ({ __typename: "Town", id })) });
    return { entities: data._entities, statements: places.statements.length };
  }

  it("resolves 20 towns, with their countries and counts, in one statement", async () => {
    expect(townIds).toHaveLength(20);
    const few = await resolve(townIds.slice(0, 2));
    const many = await resolve(townIds);
    expect(many.entities).toHaveLength(20);
    expect(
      many.entities.every((town: { name: string; country: { name: string } }) => town.name && town.country.name),
    ).toBe(true);
    expect(many.statements).toBe(few.statements);
    expect(many.statements).toBe(1);
  });

  it("refuses a non-public field of an entity to a caller without the role, and leaks nothing", async () => {
    const [, id] = Buffer.from(townIds[0], "base64").toString().split(":");
    await places.db.exec(`UPDATE "Town" SET "privateContact" = 'mayor-only-7731' WHERE id = ${Number(id)}`);
    const result = await places.query(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Town { name privateContact } } }`,
      { representations: [{ __typename: "Town", id: townIds[0] }] },
    );
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [["_entities", 0, "privateContact"], "UNAUTHENTICATED"],
    ]);
    expect(result.data?._entities).toEqual([{ name: expect.any(String), privateContact: null }]);
    expect(JSON.stringify(result)).not.toContain("mayor-only-7731");
  });

  it("answers null for an id of another type or of no record", async () => {
    const otherType = Buffer.from("Network:1").toString("base64");
    const noRecord = Buffer.from("Town:999999999").toString("base64");
    const { entities } = await resolve([townIds[0], otherType, noRecord]);
    expect(entities[0].name).toBeTruthy();
    expect(entities.slice(1)).toEqual([null, null]);
  });

  it("answers the gateway's subgraph requests in its own process, without a socket, as the monolith does", async () => {
    const port = await freePortRange(1 + SUBGRAPHS.length);
    const federation = await startFederation(places.db, { host: "127.0.0.1", port, logging: false });
    let subgraphConnections = 0;
    for (const server of federation.servers.slice(0, -1)) server.on("connection", () => subgraphConnections++);
    try {
      const page = `{ network(slug: "medium-sized-cities") { name memberships(first: 5) { totalCount edges { node { role town { name country { name } } } } } } }`;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: page }),
      });
      const monolith = querier(createApp(places.db, { logging: false }));
      expect(await response.json()).toEqual(await monolith(page));
      expect(subgraphConnections).toBe(0);
    } finally {
      await federation.close();
    }
  });

  it("answers a network page's member and host towns from the networks and events subgraphs, not the places one", async () => {
    const port = await freePortRange(1 + SUBGRAPHS.length);
    const federation = await startFederation(places.db, { host: "127.0.0.1", port, logging: false });
    try {
      const page = `{ network(slug: "medium-sized-cities") {
        name(lang: "en")
        memberships(first: 25) { totalCount edges { node { role town { slug name population country { code } } } } }
        events(first: 25, order: DATE_DESC) { totalCount edges { node { slug name(lang: "en") hostTown { slug name } } } }
      } }`;
      const monolith = querier(createApp(places.db, { logging: false }));
      const expected = await monolith(page);
      expect(expected.data.network.memberships.totalCount).toBeGreaterThan(0);
      expect(expected.data.network.events.edges.some((edge: any) => edge.node.hostTown)).toBe(true);
      places.statements.length = 0;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: page }),
      });
      expect(await response.json()).toEqual(expected);
      // One fetch of the networks subgraph and one of the events subgraph: each one planned statement.
      expect(places.statements).toHaveLength(2);
    } finally {
      await federation.close();
    }
  });
});
