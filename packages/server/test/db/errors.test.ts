// Bad input gets a clear error with a stable extensions.code, never a stack trace.
import { createServer, request } from "node:http";
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
    expect(depth.errors?.map((e) => e.message).join()).toMatch(/^Query depth limit of 15 exceeded/);
    const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: town(slug: "opava") { name }`).join(" ")} }`;
    expect((await api.query(aliases)).errors?.[0]).toMatchObject({
      message: "Aliases limit of 20 exceeded, found 30.",
      extensions: { code: "OPERATION_LIMIT_EXCEEDED" },
    });
    const tokens = `{ ${Array.from({ length: 4100 }, () => "__typename").join(" ")} }`;
    expect((await api.query(tokens)).errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Token limit of 4000 exceeded/),
      extensions: { code: "OPERATION_LIMIT_EXCEEDED" },
    });
  });

  it("nulls a missing id's position in nodes(ids:), with its error, and answers the rest", async () => {
    const { town } = await api.data(`{ town(slug: "opava") { id } }`);
    const missing = Buffer.from("Town:999999").toString("base64");
    const result = await api.query(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Town { slug } } }`, {
      ids: [town.id, missing, town.id],
    });
    expect(result.data).toEqual({ nodes: [{ slug: "opava" }, null, { slug: "opava" }] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ path: ["nodes", 1], extensions: { code: "NOT_FOUND" } });
  });

  it("refuses global ids whose key their type could not have, instead of reading a neighbour", async () => {
    const id = (text: string) => Buffer.from(text).toString("base64");
    for (const key of [
      "Town:opava",
      "Town:99999999999999999999",
      "Event:abc",
      "Town:1:2",
      "Town:1.5",
      "Town:0",
      "Country:cz",
    ])
      expect(await codeOf(`query($id: ID!) { node(id: $id) { id } }`, { id: id(key) }), key).toEqual(["INVALID_ID"]);
    expect(await codeOf(`{ node(id: "${id("Town:1:2")}") { id } }`)).toEqual(["INVALID_ID"]);
    const { country } = await api.data(`{ country(code: "CZ") { id } }`);
    expect((await api.data(`query($id: ID!) { node(id: $id) { id } }`, { id: country.id })).node).toEqual(country);
  });

  it("answers a request whose variables or extensions are not JSON with BAD_REQUEST (HTTP 400)", async () => {
    for (const parameter of ["variables=notjson", "extensions=%7Bbroken"]) {
      const response = await api.app.yoga.fetch(`http://citynet.test/graphql?query={__typename}&${parameter}`, {
        headers: { accept: "application/json", "x-graphql-yoga-csrf": "1" },
      });
      expect(response.status, parameter).toBe(400);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors.map((e) => e.extensions.code)).toEqual(["BAD_REQUEST"]);
    }
  });

  it("refuses a request body or operation text too large to be honest (HTTP 413), before parsing it", async () => {
    const big = await api.app.yoga.fetch("http://citynet.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }", variables: { padding: "x".repeat(1_100_000) } }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      "BAD_REQUEST",
    );
    const longText = await api.query(`{ __typename ${" ".repeat(100_001)}}`);
    expect(longText.errors?.[0].extensions?.code).toBe("BAD_REQUEST");
  });

  it("refuses a body that does not state its length (HTTP 411), and reads one that does", async () => {
    const server = createServer((req, res) => void api.app.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const post = (headers: Record<string, string | number>, chunks: string[]) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          { port: (server.address() as { port: number }).port, host: "127.0.0.1", path: "/graphql", method: "POST" },
          (res) => {
            let body = "";
            res.on("data", (chunk) => (body += chunk)).on("end", () => resolve({ status: res.statusCode!, body }));
          },
        );
        req.on("error", reject);
        for (const [name, value] of Object.entries({ "content-type": "application/json", ...headers }))
          req.setHeader(name, value);
        for (const chunk of chunks) req.write(chunk);
        req.end();
      });
    try {
      const body = JSON.stringify({ query: "{ __typename }" });
      const chunked = await post({ "transfer-encoding": "chunked" }, [body.slice(0, 5), body.slice(5)]);
      expect(chunked.status).toBe(411);
      expect(JSON.parse(chunked.body).errors[0].extensions.code).toBe("BAD_REQUEST");
      const measured = await post({ "content-length": Buffer.byteLength(body) }, [body.slice(0, 5), body.slice(5)]);
      expect(measured.status).toBe(200);
      expect(JSON.parse(measured.body)).toEqual({ data: { __typename: "Query" } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("refuses over-long, NUL-bearing or broken text with BAD_USER_INPUT before any SQL", async () => {
    const refused = async (query: string, variables?: Record<string, unknown>) => {
      api.statements.length = 0;
      const result = await api.query(query, variables);
      expect(api.statements, query).toEqual([]);
      return result.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
    };
    const search = `query($text: String!) { search(text: $text) { totalCount } }`;
    // Two megabytes are not even read (the body limit); a few hundred characters are read and refused.
    expect(await refused(search, { text: "x".repeat(2_000_000) })).toEqual([["BAD_REQUEST", undefined]]);
    expect(await refused(search, { text: "x".repeat(100_000) })).toEqual([["BAD_USER_INPUT", "text"]]);
    expect(await refused(search, { text: "x".repeat(201) })).toEqual([["BAD_USER_INPUT", "text"]]);
    expect(await refused(`{ town(slug: "${"a".repeat(300)}") { name } }`)).toEqual([["BAD_USER_INPUT", "slug"]]);
    expect(await refused(`{ town(slug: "\\u0000") { name } }`)).toEqual([["BAD_USER_INPUT", "slug"]]);
    expect(await refused(`query($slug: String!) { town(slug: $slug) { name } }`, { slug: "op\u0000ava" })).toEqual([
      ["BAD_USER_INPUT", "slug"],
    ]);
    // A lone surrogate: JSON.stringify writes it escaped, as a client's broken string would arrive.
    expect(await refused(`query($slug: String!) { town(slug: $slug) { name } }`, { slug: "op\ud800ava" })).toEqual([
      ["BAD_USER_INPUT", "slug"],
    ]);
    expect(
      await refused(`query($filter: TownFilter) { towns(filter: $filter) { totalCount } }`, {
        filter: { countries: ["CZ", "x".repeat(500)] },
      }),
    ).toEqual([["BAD_USER_INPUT", "filter.countries.1"]]);
    // Within its limit, a text is searched as before.
    expect((await api.data(search, { text: "Opava" })).search.totalCount).toBeGreaterThan(0);
  });
});
