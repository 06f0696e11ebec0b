// Starts CityNet as a federation: every domain subgraph on its own port (PORT + 1, + 2, …)
// and Hive Gateway on PORT serving the composed graph, which equals the monolith's.
import { configFromEnv } from "./config.js";
import { startFederation } from "./gateway.js";
import { SUBGRAPHS } from "./schema/builder.js";
import { closeOnSignal, openPreparedDatabase, publicHost } from "./startup.js";

const config = configFromEnv();
const db = await openPreparedDatabase(config);
const federation = await startFederation(db, { host: config.host, port: config.port });
const host = publicHost(config.host);
console.log(`citynet: subgraphs ${SUBGRAPHS.map((name, i) => `${name} :${config.port + 1 + i}`).join(", ")}`);
console.log(`citynet: gateway (federated GraphQL) on http://${host}:${config.port}/graphql`);
closeOnSignal(federation.servers, db, () => federation.close());
