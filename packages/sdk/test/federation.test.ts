// The federated deployment (Hive Gateway over the domain subgraphs) is the same API as the
// monolith: the same schema, and every curated operation answers the same data through both.
import { readdirSync, readFileSync } from "node:fs";
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from "graphql";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { type CityNetClient, createClient } from "../src/index.js";
import { type LiveServer, startLiveServer } from "./support/live-server.js";
import { runWriteScenario } from "./support/write-scenario.js";

const SCHEMA_FILE = new URL("../../../schema.graphql", import.meta.url);

let federated: LiveServer;
let monolith: CityNetClient;
let gateway: CityNetClient;
beforeAll(async () => {
  federated = await startLiveServer({}, "src/bin/federated.ts");
  monolith = createClient({ endpoint: inject("endpoint"), lang: "en" });
  gateway = createClient({ endpoint: federated.endpoint, lang: "en" });
});
afterAll(() => federated?.stop());

it("serves through the gateway exactly the schema of schema.graphql", async () => {
  const response = await fetch(federated.endpoint, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const { data } = await response.json();
  expect(`${printSchema(lexicographicSortSchema(buildClientSchema(data)))}\n`).toBe(readFileSync(SCHEMA_FILE, "utf8"));
});

it("limits each client's budget and reports metrics at the gateway, as the monolith does", async () => {
  const response = await fetch(federated.endpoint, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `query GatewayTown { town(slug: "opava") { name } }` }),
  });
  expect(await response.json()).toEqual({ data: { town: { name: "Opava" } } });
  expect(Number(response.headers.get("x-ratelimit-limit"))).toBeGreaterThan(0);
  expect(Number(response.headers.get("x-ratelimit-remaining"))).toBeLessThan(
    Number(response.headers.get("x-ratelimit-limit")),
  );
  const metrics = await (await fetch(new URL("/metrics", federated.endpoint))).text();
  expect(metrics).toMatch(/graphql_yoga_http_duration_bucket\{[^}]*operationName="GatewayTown"/);
  expect(metrics).toMatch(/^citynet_gateway_process_resident_memory_bytes \d+/m);
});

// One call of each curated operation, with the variables the curated tests use.
const CALLS: [string, (client: CityNetClient) => Promise<unknown>][] = [
  ["townPage", (c) => c.townPage({ slug: "opava", today: "2026-11-21" })],
  ["townWidget", (c) => c.townWidget({ slug: "montefranco", today: "2019-01-01" })],
  ["networkPage", (c) => c.networkPage({ slug: "medium-sized-cities" })],
  ["eventList", (c) => c.eventList({ filter: { yearFrom: 2020, yearTo: 2020 }, order: "DATE_ASC" })],
  ["projectPage", (c) => c.projectPage({ slug: "city-cooperation" })],
  ["partnerSearches", (c) => c.partnerSearches({ filter: { kind: "TWINNING" } })],
  ["fundingCallsOpen", (c) => c.fundingCallsOpen({ today: "2020-01-02" })],
  ["news", (c) => c.news({ first: 2 })],
  ["towns", (c) => c.towns({ filter: { countries: ["AT"] }, order: "POPULATION_DESC", first: 3 })],
  ["search", (c) => c.search({ text: "Pasov" })],
  ["partnerSuggestions", (c) => c.partnerSuggestions({ partnerSearch: "montefranco-2019-partner-town", first: 3 })],
  ["connection", (c) => c.connection({ from: "opava", to: "brno" })],
];

it.each(CALLS)("%s answers the same through the gateway as from the monolith", async (_name, call) => {
  const [direct, composed] = await Promise.all([call(monolith), call(gateway)]);
  expect(JSON.stringify(direct)).not.toMatch(/^\{"\w+":(null|\[\])\}$/);
  expect(composed).toEqual(direct);
});

it("calls every curated operation", () => {
  const operations = new URL("../operations/", import.meta.url);
  const curated = readdirSync(operations).flatMap((file) =>
    [...readFileSync(new URL(file, operations), "utf8").matchAll(/^query (\w+)/gm)].map((m) => m[1]),
  );
  expect(CALLS.map(([name]) => name).sort()).toEqual(
    curated.map((name) => name[0].toLowerCase() + name.slice(1)).sort(),
  );
});

it("runs the writes through the gateway, which forwards the caller's key to the subgraphs", async () => {
  await runWriteScenario(federated.endpoint, federated.dataDir, "gateway");
}, 60_000);
