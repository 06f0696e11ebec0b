// Composes a supergraph from running subgraphs, as a partner does with CityNet's: each
// subgraph's SDL comes from its own `_service { sdl }`, so nobody ships schema files around.
//   pnpm -s compose places=http://127.0.0.1:4001/graphql … tourism=http://127.0.0.1:4200/graphql > supergraph.graphql
import { composeServices } from "@theguild/federation-composition";
import { parse } from "graphql";

export interface Subgraph {
  name: string;
  url: string;
}

async function fetchSdl(url: string): Promise<string> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ _service { sdl } }" }),
  });
  const { data, errors } = (await response.json()) as { data?: { _service: { sdl: string } }; errors?: unknown[] };
  if (!data) throw new Error(`${url} is no federation subgraph: ${JSON.stringify(errors)}`);
  return data._service.sdl;
}

export async function composeSupergraph(subgraphs: Subgraph[]): Promise<string> {
  const services = await Promise.all(
    subgraphs.map(async ({ name, url }) => ({ name, url, typeDefs: parse(await fetchSdl(url)) })),
  );
  const result = composeServices(services);
  if (result.errors?.length || !result.supergraphSdl)
    throw new Error(`composition failed:\n${(result.errors ?? []).map((e) => e.message).join("\n")}`);
  return result.supergraphSdl;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const subgraphs = process.argv.slice(2).map((arg) => {
    const [name, url] = arg.split("=");
    return { name, url };
  });
  process.stdout.write(`${await composeSupergraph(subgraphs)}\n`);
}
