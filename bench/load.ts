// Load helpers shared by the soak and the reliability suite: GraphQL over HTTP, and the mixed
// traffic of distinct operations real readers send.
import { rssMb } from "./process-usage.js";

export interface Answer {
  status: number;
  body: string;
  json?: { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] };
}

/** Posts an operation; network failures are answers with status 0. */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.text();
    let json: Answer["json"];
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    return { status: response.status, body, json };
  } catch (error) {
    return { status: 0, body: String(error) };
  }
}

/** The 100 largest towns, whose pages and names the mixed traffic asks for. */
export async function largestTowns(url: string): Promise<{ slug: string; name: string }[]> {
  const answer = await post(url, `{ towns(first: 100, order: POPULATION_DESC) { edges { node { slug name } } } }`);
  const data = answer.json?.data as { towns: { edges: { node: { slug: string; name: string } }[] } };
  return data.towns.edges.map((edge) => edge.node);
}

/** The n-th operation of the mixed traffic: distinct town pages, searches and filtered pages. */
export function mixedOperation(
  towns: { slug: string; name: string }[],
  n: number,
): [string, Record<string, unknown>, Record<string, string>] {
  const town = towns[n % towns.length];
  const language = { "accept-language": ["en", "cs", "de", "pl"][n % 4] };
  switch (n % 3) {
    case 0:
      return [
        `query($slug: String!) { town(slug: $slug) { name population country { name } alternateNames { name kind }
           memberships(first: 20) { edges { node { role joined { text } network { name } } } }
           twinnings { kind towns { slug } } sources { quote source { title } } } }`,
        { slug: town.slug },
        language,
      ];
    case 1:
      return [
        `query($text: String!) { search(text: $text, first: 50) { totalCount results { matchedName match entity { __typename ... on Town { slug name population } } } } }`,
        { text: `${town.name.slice(0, 2 + (n % 5))}${n % 3 ? "" : "x"}` },
        language,
      ];
    default:
      return [
        `query($min: Int) { towns(first: 100, filter: { populationMin: $min }) { totalCount edges { node { slug name population latitude longitude } } } }`,
        { min: 1000 + (n % 5000) * 37 },
        language,
      ];
  }
}

/**
 * Runs the mixed traffic from `clients` concurrent clients for `seconds`, sampling the server's
 * RSS every 10 s; returns the samples (MB) and the request and error counts.
 */
export async function mixedSoak(url: string, pid: number, seconds: number, clients: number) {
  const towns = await largestTowns(url);
  const until = Date.now() + seconds * 1000;
  const samples = [rssMb(pid)];
  const sampler = setInterval(() => samples.push(rssMb(pid)), 10_000);
  let requests = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = client; Date.now() < until; n += clients) {
        const [query, variables, headers] = mixedOperation(towns, n);
        const answer = await post(url, query, variables, headers);
        requests++;
        if (answer.status !== 200 || answer.json?.errors) errors++;
      }
    }),
  );
  clearInterval(sampler);
  samples.push(rssMb(pid));
  return { samples, requests, errors };
}
