// A mixed soak: concurrent clients send distinct operations (every town's page, searches for
// prefixes and misspellings, filtered pages) to a running server for a while, and the
// server's resident memory is sampled; it must level off, not climb. Run by hand:
//   tsx soak.ts <graphql URL> <server pid> [seconds=120] [clients=20]
import { readFileSync } from "node:fs";

const [url, pidText, secondsText = "120", clientsText = "20"] = process.argv.slice(2);
if (!url || !pidText) throw new Error("usage: tsx soak.ts <graphql URL> <server pid> [seconds] [clients]");
const pid = Number(pidText);
const until = Date.now() + Number(secondsText) * 1000;

const rssMb = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024);

async function post(query: string, variables: Record<string, unknown>, n = 0) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": ["en", "cs", "de", "pl"][n % 4] },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

const { data } = await post(`{ towns(first: 100, order: POPULATION_DESC) { edges { node { slug name } } } }`, {});
const towns: { slug: string; name: string }[] = data.towns.edges.map(
  (e: { node: { slug: string; name: string } }) => e.node,
);

// Each operation with the n-th of its variable values: distinct answers, as real traffic has.
const OPERATIONS: ((n: number) => [string, Record<string, unknown>])[] = [
  (n) => [
    `query($slug: String!) { town(slug: $slug) { name population country { name } alternateNames { name kind }
       memberships(first: 20) { edges { node { role joined { text } network { name } } } }
       twinnings { kind towns { slug } } sources { quote source { title } } } }`,
    { slug: towns[n % towns.length].slug },
  ],
  (n) => [
    `query($text: String!) { search(text: $text, first: 50) { totalCount results { matchedName match entity { __typename ... on Town { slug name population } } } } }`,
    { text: `${towns[n % towns.length].name.slice(0, 2 + (n % 5))}${n % 3 ? "" : "x"}` },
  ],
  (n) => [
    `query($min: Int) { towns(first: 100, filter: { populationMin: $min }) { totalCount edges { node { slug name population latitude longitude } } } }`,
    { min: 1000 + (n % 5000) * 37 },
  ],
];

let requests = 0;
let errors = 0;
const samples: string[] = [];
const sampler = setInterval(
  () => samples.push(`${Math.round((until - Date.now()) / 1000)}s left: ${rssMb()} MB`),
  10_000,
);
const startRss = rssMb();
await Promise.all(
  Array.from({ length: Number(clientsText) }, async (_, client) => {
    for (let n = client; Date.now() < until; n += Number(clientsText)) {
      const [query, variables] = OPERATIONS[n % OPERATIONS.length](n);
      const result = await post(query, variables, n).catch(() => ({ errors: [1] }));
      requests++;
      if (result.errors) errors++;
    }
  }),
);
clearInterval(sampler);
console.log(`RSS ${startRss} MB at the start; ${samples.join("; ")}; ${rssMb()} MB at the end`);
console.log(`${requests} requests, ${errors} with errors`);
