// Bad input gets a clear error with a stable extensions.code, never a stack trace.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

describeDb("errors", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const codeOf = async (query: string, variables?: Record<string, unknown>) => {
    const result = await api.query(query, variables);
    expect(JSON.stringify(result)).not.toMatch(/\n\s+at |stack/);
    return result.errors?.map((e) => e.extensions?.code);
  };

  it("NOT_FOUND for an unknown slug or id", async () => {
    expect(await codeOf(`{ town(slug: "atlantis") { name } }`)).toEqual(["NOT_FOUND"]);
    expect(await codeOf(`{ network(slug: "nope") { name } }`)).toEqual(["NOT_FOUND"]);
    expect(await codeOf(`{ country(code: "QQ") { name } }`)).toEqual(["NOT_FOUND"]);
    const unknownTown = Buffer.from("Town:999999").toString("base64");
    expect(await codeOf(`query($id: ID!) { node(id: $id) { id } }`, { id: unknownTown })).toEqual(["NOT_FOUND"]);
  });

  it("INVALID_ID for a malformed global id or one of the wrong type", async () => {
    expect(await codeOf(`{ node(id: "not-a-global-id") { id } }`)).toEqual(["INVALID_ID"]);
    const { town } = await api.data(`{ town(slug: "opava") { id } }`);
    expect(town.id).toBeTruthy();
    const node = await api.data(`query($id: ID!) { node(id: $id) { ... on Town { slug } } }`, { id: town.id });
    expect(node.node).toEqual({ slug: "opava" });
  });

  it("BAD_USER_INPUT for out-of-range arguments; INVALID_CURSOR for a bad cursor", async () => {
    expect(await codeOf(`{ towns(first: 1000) { totalCount } }`)).toEqual(["BAD_USER_INPUT"]);
    expect(await codeOf(`{ towns(first: -1) { totalCount } }`)).toEqual(["BAD_USER_INPUT"]);
    expect(await codeOf(`{ towns(filter: { populationMin: 10, populationMax: 5 }) { totalCount } }`)).toEqual([
      "BAD_USER_INPUT",
    ]);
    expect(await codeOf(`{ town(slug: "opava") { name country { name(lang: "Czech") } } }`)).toEqual([
      "BAD_USER_INPUT",
    ]);
    expect(await codeOf(`{ fundingCalls(filter: { openOn: "2020-02-30" }) { totalCount } }`)).toEqual([
      "BAD_USER_INPUT",
    ]);
    expect(await codeOf(`{ towns(after: "garbage") { totalCount } }`)).toEqual(["INVALID_CURSOR"]);
  });

  it("GRAPHQL_VALIDATION_FAILED and GRAPHQL_PARSE_FAILED for malformed operations", async () => {
    expect(await codeOf(`{ townz { name } }`)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(await codeOf(`{ towns(first: "ten") { totalCount } }`)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(await codeOf(`{ towns( { totalCount } }`)).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });

  it("OPERATION_LIMIT_EXCEEDED for abusive operations: depth, aliases, cost", async () => {
    const deep = `{ town(slug: "opava") { ${"country { towns(first: 1) { edges { node { ".repeat(5)} name ${"} } } }".repeat(5)} } }`;
    const depth = await api.query(deep);
    expect(depth.errors?.map((e) => e.extensions?.code)).toContain("OPERATION_LIMIT_EXCEEDED");
    expect(depth.errors?.map((e) => e.message).join()).toMatch(/depth limit/i);
    const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: town(slug: "opava") { name }`).join(" ")} }`;
    expect((await api.query(aliases)).errors?.[0]).toMatchObject({
      message: expect.stringMatching(/aliases limit/i),
      extensions: { code: "OPERATION_LIMIT_EXCEEDED" },
    });
  });
});
