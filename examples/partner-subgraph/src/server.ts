// Serves the partner subgraph (PORT, default 4200) for a gateway to compose.
import { createServer } from "node:http";
import { createYoga } from "graphql-yoga";
import { schema } from "./schema.js";

export const createPartnerServer = () =>
  createServer(createYoga({ schema, graphqlEndpoint: "/graphql", logging: false }));

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT || 4200);
  createPartnerServer().listen(port, "127.0.0.1", () =>
    console.log(`tourism portal subgraph on http://127.0.0.1:${port}/graphql`),
  );
}
