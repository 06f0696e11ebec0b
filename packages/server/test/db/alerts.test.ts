// Saved searches and alerts: what matches a saved search is kept for its owner until read —
// delivered live to an open alertRaised, still there for a client that was away — and nobody
// else sees it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { createLive } from "../../src/live/pubsub.js";
import { describeDb, type GraphQLResponse, startTestApi, type TestApi } from "../support/harness.js";
import { type Subscription, subscribe } from "../support/sse.js";

const SAVE = `mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id kind criteria } }`;
const CREATE = `mutation($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { id slug } } }`;
const PROFILE = `mutation($input: UpdateTownProfileInput!) { updateTownProfile(input: $input) { town { profileVersion } } }`;
const ALERTS = `{ alerts { totalCount edges { node { id mutation recordId savedSearch { name } record { id ... on PartnerSearch { town { slug } } } } } } }`;
const MARK_READ = `mutation($input: MarkAlertsReadInput!) { markAlertsRead(input: $input) }`;

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

describeDb("saved searches and alerts", () => {
  const live = createLive();
  let api: TestApi;
  const keys: Record<string, string> = {};
  const bearer = (town: string) => ({ authorization: `Bearer ${keys[town]}` });
  const open: Subscription[] = [];

  beforeAll(async () => {
    api = await startTestApi("documents", {}, { live });
    for (const town of ["opava", "leoben", "montefranco"])
      keys[town] = (
        await createApiKey(api.db.prisma, { name: `${town} web`, role: "TOWN_EDITOR", scope: town })
      ).secret;
  });
  afterAll(async () => {
    for (const subscription of open) subscription.close();
    await api?.close();
    await live.close();
  });

  const post = (town: string) =>
    api.data(
      CREATE,
      { input: { town, kind: "COOPERATION", description: [{ lang: "en", text: `${town} seeks partners.` }] } },
      bearer(town),
    );

  it("saves searches for the caller: signed-in callers only, one thing to follow each", async () => {
    const input = { name: "Italian partners", partnerSearches: { countries: ["IT"] } };
    expect(codeOf(await api.query(SAVE, { input }))).toBe("UNAUTHENTICATED");
    expect(
      codeOf(await api.query(SAVE, { input: { name: "Two", town: "leoben", network: "eurotowns" } }, bearer("opava"))),
    ).toBe("BAD_USER_INPUT");
    expect((await api.data(SAVE, { input }, bearer("opava"))).saveSearch.kind).toBe("PARTNER_SEARCHES");
    expect(
      (await api.data(SAVE, { input: { name: "Leoben", town: "leoben" } }, bearer("opava"))).saveSearch,
    ).toMatchObject({ kind: "TOWN" });
    expect((await api.data(`{ savedSearches { name } }`, {}, bearer("leoben"))).savedSearches).toEqual([]);
    // Nor through node(id:): a saved search is its owner's alone.
    const [saved] = (await api.data(`{ savedSearches { id } }`, {}, bearer("opava"))).savedSearches;
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    expect((await api.data(NODE, { id: saved.id }, bearer("opava"))).node.id).toBe(saved.id);
    expect(codeOf(await api.query(NODE, { id: saved.id }, bearer("leoben")))).toBe("FORBIDDEN");
    expect(codeOf(await api.query(NODE, { id: saved.id }))).toBe("UNAUTHENTICATED");
  });

  it("keeps what matched for a client that was away, and shows it to its owner only", async () => {
    await post("montefranco"); // Italian: matches the partner-search filter
    await post("leoben"); // Leoben's: matches the followed town
    await post("opava"); // neither
    const { alerts } = await api.data(ALERTS, {}, bearer("opava"));
    expect(alerts.totalCount).toBe(2);
    expect(alerts.edges.map((e: any) => [e.node.savedSearch.name, e.node.record.town.slug])).toEqual([
      ["Leoben", "leoben"],
      ["Italian partners", "montefranco"],
    ]);
    expect((await api.data(ALERTS, {}, bearer("leoben"))).alerts.totalCount).toBe(0);
    const alertId = alerts.edges[0].node.id;
    expect(codeOf(await api.query(`query($id: ID!) { node(id: $id) { id } }`, { id: alertId }, bearer("leoben")))).toBe(
      "FORBIDDEN",
    );
    expect(codeOf(await api.query(MARK_READ, { input: { ids: [alertId] } }, bearer("leoben")))).toBe("FORBIDDEN");
    expect((await api.data(MARK_READ, { input: {} }, bearer("opava"))).markAlertsRead).toBe(2);
    expect((await api.data(ALERTS, {}, bearer("opava"))).alerts.totalCount).toBe(0);
  });

  it("delivers alerts live to their owner's alertRaised", async () => {
    const query = `subscription { alertRaised { mutation savedSearch { name } record { id } } }`;
    const anonymous = await subscribe(
      (url, init) => Promise.resolve(api.app.yoga.fetch(url, init)),
      "http://citynet.test/graphql",
      query,
    );
    open.push(anonymous);
    const owner = await subscribe(
      (url, init) => Promise.resolve(api.app.yoga.fetch(url, init)),
      "http://citynet.test/graphql",
      query,
      {},
      bearer("opava"),
    );
    open.push(owner);
    expect(codeOf(await anonymous.next())).toBe("UNAUTHENTICATED");
    const { town } = await api.data(`{ town(slug: "leoben") { profileVersion } }`);
    await api.data(
      PROFILE,
      { input: { town: "leoben", expectedVersion: town.profileVersion, website: "https://www.leoben.at/" } },
      bearer("leoben"),
    );
    expect((await owner.next()).data).toMatchObject({
      alertRaised: [{ mutation: "updateTownProfile", savedSearch: { name: "Leoben" } }],
    });
  });
});
