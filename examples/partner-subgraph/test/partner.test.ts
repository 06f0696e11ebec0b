// A partner portal composes its own subgraph with CityNet's running subgraphs into its own
// supergraph, without any change on CityNet's side, and Hive Gateway answers queries that
// cross both: CityNet's towns gain a touristOffice, the portal's offices resolve their towns.
import type { Server } from "node:http";
import { createGatewayRuntime, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../packages/sdk/test/support/live-server.js";
import { SUBGRAPHS } from "../../../packages/server/src/schema/subgraphs.js";
import { freePort } from "../../../packages/server/test/support/processes.js";
import { composeSupergraph } from "../src/compose.js";
import { createPartnerServer } from "../src/server.js";

let citynet: LiveServer;
let partner: Server;
let gateway: GatewayRuntime;
let supergraph: string;

beforeAll(async () => {
  citynet = await startLiveServer({}, "src/bin/federated.ts");
  const partnerPort = await freePort();
  partner = createPartnerServer();
  await new Promise<void>((resolve) => partner.listen(partnerPort, "127.0.0.1", resolve));
  const gatewayPort = Number(new URL(citynet.origin).port);
  supergraph = await composeSupergraph([
    ...SUBGRAPHS.map((name, i) => ({ name, url: `http://127.0.0.1:${gatewayPort + 1 + i}/graphql` })),
    { name: "tourism", url: `http://127.0.0.1:${partnerPort}/graphql` },
  ]);
  gateway = createGatewayRuntime({ supergraph, logging: false });
});
afterAll(async () => {
  await gateway?.dispose();
  partner?.close();
  await citynet?.stop();
});

async function query(document: string) {
  const response = await gateway.fetch("http://gateway.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "en" },
    body: JSON.stringify({ query: document }),
  });
  return response.json();
}

it("composes the portal's subgraph with CityNet's", () => {
  expect(supergraph).toMatch(/touristOffice: TouristOffice @join__field\(graph: TOURISM\)/);
  expect(supergraph).toMatch(/type Town implements Node[^{]*@join__type\(graph: TOURISM, key: "slug"/);
});

it("adds the portal's tourist office to CityNet's town", async () => {
  const result = await query(`{ town(slug: "opava") { name country { code } touristOffice { name } } }`);
  expect(result).toEqual({
    data: {
      town: { name: "Opava", country: { code: "CZ" }, touristOffice: { name: "Example tourist office of Opava" } },
    },
  });
});

it("resolves the portal's offices' towns, and their ties, from CityNet", async () => {
  const result = await query(
    `{ touristOffices { name town { name population memberships(first: 1) { totalCount } } } }`,
  );
  expect(result.errors).toBeUndefined();
  const opava = result.data.touristOffices.find((office: { name: string }) => office.name.includes("Opava"));
  expect(opava.town).toMatchObject({ name: "Opava", memberships: { totalCount: 1 } });
  expect(opava.town.population).toBeGreaterThan(50_000);
});
