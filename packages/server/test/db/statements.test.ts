// N+1-free: the number of SQL statements for a nested query does not grow with the page.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

const NESTED = `query($first: Int!) {
  towns(first: $first, filter: { memberOf: "test-network" }) {
    totalCount
    edges { node {
      name country { code }
      memberships { edges { node { role joined { text } network {
        name
        events(first: 10) { totalCount edges { node { name date { text } hostTown { name country { code } } } } }
      } } } }
      sources { quote }
    } }
  }
}`;

describeDb("SQL statements per request", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    // 60 synthetic towns, each a member of one network with 12 conferences hosted by its members.
    const { prisma } = api.db;
    const network = await prisma.network.create({
      data: { slug: "test-network", names: [{ lang: "en", text: "Test network", original: true }] },
    });
    const towns = await prisma.town.createManyAndReturn({
      data: Array.from({ length: 60 }, (_, i) => ({
        slug: `test-town-${i}`,
        name: `Test Town ${i}`,
        asciiName: `Test Town ${i}`,
        countryCode: "SI",
        latitude: 46,
        longitude: 15 + i / 100,
      })),
    });
    await prisma.membership.createMany({
      data: towns.map((t) => ({ networkId: network.id, townId: t.id, role: "MEMBER" as const })),
    });
    await prisma.event.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        slug: `test-conference-${i}`,
        kind: "CONFERENCE" as const,
        names: [{ lang: "en", text: `Conference ${i}`, original: true }],
        networkId: network.id,
        hostTownId: towns[i].id,
        datePrecision: "YEAR" as const,
        dateStart: new Date(Date.UTC(2000 + i, 0, 1)),
        dateEnd: new Date(Date.UTC(2000 + i, 11, 31)),
      })),
    });
  });
  afterAll(() => api?.close());

  async function statementsFor(first: number) {
    api.statements.length = 0;
    const data = await api.data(NESTED, { first });
    expect(data.towns.edges).toHaveLength(first);
    expect(data.towns.edges[0].node.memberships.edges[0].node.network.events.edges).toHaveLength(10);
    return api.statements.length;
  }

  it("issues the same bounded number of statements for 5 towns and for 50", async () => {
    const few = await statementsFor(5);
    const many = await statementsFor(50);
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(4);
  });
});
