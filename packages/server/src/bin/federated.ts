// `pnpm start:federated`: every domain subgraph on its own port (PORT + 1, + 2, …) and Hive
// Gateway on PORT serving the composed graph, which equals the monolith's.
import { configFromEnv } from "../config.js";
import { startFederation, subgraphUrls } from "../gateway.js";
import { startWebhookWorker } from "../live/webhooks.js";
import { closeOnSignal, openPreparedDatabase, publicHost } from "../startup.js";
import { startTracing } from "../tracing.js";

const config = configFromEnv();
const tracing = config.tracing ? startTracing(config.tracing) : null;
const db = await openPreparedDatabase(config);
const federation = await startFederation(db, {
  host: config.host,
  port: config.port,
  auth: config.auth,
  corsOrigins: config.corsOrigins,
  metrics: config.metrics,
  tracing: Boolean(tracing),
  rateLimit: config.rateLimit,
  redis: config.redis,
});
const webhooks = config.webhooks ? startWebhookWorker(db.prisma, config.webhooks) : null;
const host = publicHost(config.host);
console.log(
  `citynet: subgraphs ${Object.entries(subgraphUrls(host, config.port))
    .map(([name, url]) => `${name} ${url}`)
    .join(", ")}`,
);
console.log(`citynet: gateway (federated GraphQL) on http://${host}:${config.port}/graphql`);
closeOnSignal(federation.servers, db, config.shutdownGraceMs, async () => {
  await webhooks?.stop();
  await federation.close();
  await tracing?.shutdown();
});
