// The response cache answers a repeated operation without touching the database, keeps
// languages apart, and never keeps errors.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

const NETWORK = `query($slug: String!) { network(slug: $slug) { name description } }`;

describeDb("response cache", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi("documents", {}, { responseCacheTtlMs: 60_000 });
  });
  afterAll(() => api?.close());

  it("serves a repeated operation from memory, per language", async () => {
    const czech = await api.data(NETWORK, { slug: "medium-sized-cities" }, { "accept-language": "cs" });
    api.statements.length = 0;
    expect(await api.data(NETWORK, { slug: "medium-sized-cities" }, { "accept-language": "cs" })).toEqual(czech);
    expect(api.statements).toHaveLength(0);

    const english = await api.data(NETWORK, { slug: "medium-sized-cities" }, { "accept-language": "en" });
    expect(api.statements.length).toBeGreaterThan(0);
    expect(english.network.name).not.toBe(czech.network.name);
  });

  it("does not keep errors", async () => {
    const missing = { slug: "no-such-network" };
    expect((await api.query(NETWORK, missing)).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    api.statements.length = 0;
    expect((await api.query(NETWORK, missing)).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(api.statements.length).toBeGreaterThan(0);
  });
});
