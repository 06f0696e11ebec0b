// The client's contract: typed errors, headers, timeouts, retries, persisted documents.
import { createServer, type Server } from "node:http";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { afterEach, expect, inject, it } from "vitest";
import { freePort } from "../../server/test/support/processes.js";
import { CityNetGraphQLError, CityNetHttpError, CityNetNetworkError, createClient, graphql } from "../src/index.js";

const endpoint = inject("endpoint");
let stub: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (stub ? stub.close(() => resolve()) : resolve())));

/** A local HTTP server answering with `handler`; returns its endpoint. */
async function stubServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const port = await freePort();
  stub = createServer(handler);
  await new Promise<void>((resolve) => stub!.listen(port, "127.0.0.1", resolve));
  return `http://127.0.0.1:${port}/graphql`;
}

it("raises CityNetGraphQLError with the stable code for an unknown slug", async () => {
  const error = await createClient({ endpoint })
    .projectPage({ slug: "atlantis" })
    .catch((e) => e);
  expect(error).toBeInstanceOf(CityNetGraphQLError);
  expect(error.code).toBe("NOT_FOUND");
});

it("raises CityNetHttpError for a non-GraphQL HTTP failure", async () => {
  const url = await stubServer((_req, res) => res.writeHead(502).end("bad gateway"));
  const error = await createClient({ endpoint: url })
    .news()
    .catch((e) => e);
  expect(error).toBeInstanceOf(CityNetHttpError);
  expect(error.status).toBe(502);
});

it("raises CityNetNetworkError when nothing listens, and marks its own timeouts", async () => {
  const closed = `http://127.0.0.1:${await freePort()}/graphql`;
  expect(
    await createClient({ endpoint: closed })
      .news()
      .catch((e) => e),
  ).toBeInstanceOf(CityNetNetworkError);
  const silent = await stubServer(() => {});
  const timeout = await createClient({ endpoint: silent, timeoutMs: 200 })
    .news()
    .catch((e) => e);
  expect(timeout).toBeInstanceOf(CityNetNetworkError);
  expect(timeout.timedOut).toBe(true);
});

it("retries transient failures (503) and then succeeds", async () => {
  let calls = 0;
  const url = await stubServer((_req, res) => {
    calls++;
    if (calls < 3) return res.writeHead(503).end("busy");
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        data: { news: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
      }),
    );
  });
  const result = await createClient({ endpoint: url, retry: { retries: 2, delayMs: 10 } }).news();
  expect(result.news.totalCount).toBe(0);
  expect(calls).toBe(3);
});

it("sends the language, API key and custom headers", async () => {
  const seen: Record<string, string | undefined> = {};
  const url = await stubServer((req, res) => {
    Object.assign(seen, {
      lang: req.headers["accept-language"],
      auth: req.headers.authorization,
      custom: req.headers["x-town"],
    });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: {} }));
  });
  await createClient({ endpoint: url, lang: "sl", apiKey: "k3y", headers: { "x-town": "ptuj" } }).news();
  expect(seen).toEqual({ lang: "sl", auth: "Bearer k3y", custom: "ptuj" });
});

it("sends persisted documents by hash only, and the server runs them from its manifest", async () => {
  let body: { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } } = {};
  const recording: typeof fetch = async (input, init) => {
    body = JSON.parse(String(init?.body));
    return fetch(input, init);
  };
  const { town } = await createClient({ endpoint, fetch: recording, persisted: "hash-only" }).townWidget({
    slug: "lutsk",
    today: "2020-01-01",
  });
  expect(town.name).toBe("Lutsk");
  expect(body.query).toBeUndefined();
  expect(body.extensions?.persistedQuery?.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
});

it("runs a custom document written with graphql(), typed by its author's codegen", async () => {
  // What the author's graphql-codegen (client preset, against @citynet/sdk/schema.graphql) types.
  type TownNames = { towns: { edges: { node: { name: string; population: number | null } }[] } };
  const TownNames = graphql(`
    query CustomTownNames($country: String!) {
      towns(filter: { countries: [$country] }, first: 3, order: POPULATION_DESC) { edges { node { name population } } }
    }
  `) as TypedDocumentNode<TownNames, { country: string }>;
  const result = await createClient({ endpoint }).request(TownNames, { country: "SI" });
  expect(result.towns.edges.map((e) => e.node.name)).toEqual(["Ptuj", "Murska Sobota", "Ljutomer"]);
});

it("asks the token provider before each request, its token taking precedence over the API key", async () => {
  const seen: (string | undefined)[] = [];
  const url = await stubServer((req, res) => {
    seen.push(req.headers.authorization);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: {} }));
  });
  let generation = 0;
  const client = createClient({ endpoint: url, apiKey: "portal-key", token: async () => `token-${++generation}` });
  await client.news();
  await client.news();
  await createClient({ endpoint: url, apiKey: "portal-key", token: () => null }).news();
  expect(seen).toEqual(["Bearer token-1", "Bearer token-2", "Bearer portal-key"]);
});

it("retries SERVICE_UNAVAILABLE, the server's answer while its database is down, then reports it", async () => {
  let calls = 0;
  const unavailable = JSON.stringify({
    errors: [{ message: "The database cannot be reached right now", extensions: { code: "SERVICE_UNAVAILABLE" } }],
  });
  const url = await stubServer((_req, res) => {
    calls++;
    if (calls < 3)
      return res.writeHead(503, { "content-type": "application/json", "retry-after": "5" }).end(unavailable);
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        data: { news: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
      }),
    );
  });
  const client = createClient({ endpoint: url, retry: { retries: 2, delayMs: 10 } });
  expect((await client.news()).news.totalCount).toBe(0);
  expect(calls).toBe(3);
  calls = -10; // unavailable for longer than the retries last
  const error = await client.news().catch((e) => e);
  expect(error).toBeInstanceOf(CityNetGraphQLError);
  expect(error.code).toBe("SERVICE_UNAVAILABLE");
  expect(calls).toBe(-7);
});

it("retries a mutation only when a replay cannot write twice", async () => {
  let calls = 0;
  const url = await stubServer((_req, res) => {
    calls++;
    res.writeHead(503).end("busy");
  });
  const client = createClient({ endpoint: url, retry: { retries: 2, delayMs: 5 } });
  const input = { town: "opava", kind: "TWINNING" as const, description: [{ lang: "en", text: "x" }] };
  await client.createPartnerSearch({ input }).catch(() => {});
  expect(calls).toBe(1);
  calls = 0;
  await client.createPartnerSearch({ input: { ...input, idempotencyKey: "form-1" } }).catch(() => {});
  expect(calls).toBe(3);
  calls = 0;
  await client.updatePartnerSearch({ input: { id: "x", expectedVersion: 4 } }).catch(() => {});
  expect(calls).toBe(3);
});
