// Writes the repository's supergraph.graphql: our subgraphs composed at their default local
// URLs (`pnpm start:federated` on port 4000). CI fails when it drifts from the code.
import { writeFileSync } from "node:fs";
import { localSupergraph, SUPERGRAPH_FILE } from "../gateway.js";

writeFileSync(SUPERGRAPH_FILE, localSupergraph());
console.log(`wrote ${SUPERGRAPH_FILE}`);
