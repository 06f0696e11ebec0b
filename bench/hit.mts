// npx tsx hit.mts <port> <operation name> <seconds> [connections]
import autocannon from "autocannon";
import { print } from "graphql";
import { SDK_OPERATIONS, REFERENCE_OPERATIONS } from "./operations.js";
const [port, name, seconds, conns] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 5), Number(process.argv[5] ?? 10)];
const s = { town: "ceadir-lunga", network: "generated-network-001", project: "city-cooperation", search: "Pasov", country: "PL", populationMin: 20000, partnerSearch: "montefranco-2019-partner-town", from: "ceadir-lunga", to: "aabenraa" } as never;
const sdk = SDK_OPERATIONS.find((o) => o.name === name);
const ref = REFERENCE_OPERATIONS.find((o) => o.name === name);
const body = sdk ? JSON.stringify({ query: print(sdk.document), variables: sdk.variables(s) }) : JSON.stringify({ query: ref!.citynet.query, variables: ref!.citynet.variables(s) });
const first = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
const text = await first.text(); console.log(text.length, text.slice(0, 150));
const r = await autocannon({ url: `http://127.0.0.1:${port}/graphql`, method: "POST", headers: { "content-type": "application/json" }, body, connections: conns, duration: seconds });
console.log(name, "req/s", r.requests.average, "p50", r.latency.p50, "p99", r.latency.p99, "non2xx", r.non2xx);
