// `pnpm start`: CityNet as one server (the default): open the database, prepare it, serve.
import { createServer } from "node:http";
import { createApp } from "../app.js";
import { configFromEnv } from "../config.js";
import { startWebhookWorker } from "../live/webhooks.js";
import { warmSearchIndex } from "../schema/search/search-index.js";
import { closeOnSignal, openPreparedDatabase, publicHost, readPersistedDocuments } from "../startup.js";
import { startTracing } from "../tracing.js";

const config = configFromEnv();
const tracing = config.tracing ? startTracing(config.tracing) : null;
const db = await openPreparedDatabase(config);
const persistedDocuments = readPersistedDocuments(config);
const app = createApp(db, {
  graphiql: config.graphiql,
  explorerDir: config.explorerDir,
  persistedDocuments,
  persistedOnly: config.persistedOnly,
  responseCacheTtlMs: config.responseCacheTtlMs,
  sqlPlans: config.sqlPlans,
  auth: config.auth,
  redis: config.redis,
  corsOrigins: config.corsOrigins,
  introspection: config.introspection,
  rateLimit: config.rateLimit,
  metrics: config.metrics,
  tracing: Boolean(tracing),
});
// The first searches need not wait for the index in memory (PostgreSQL answers them meanwhile).
if (config.warmSearchIndex)
  void warmSearchIndex({ prisma: db.prisma, snapshot: db.snapshot }).then(
    () => console.log("citynet: the search index is in memory"),
    (error: Error) => console.error(`citynet: search index: ${error.message}`),
  );
const webhooks = config.webhooks ? startWebhookWorker(db.prisma, config.webhooks) : null;
const server = createServer((req, res) => void app.handle(req, res));
server.listen(config.port, config.host, () => {
  const origin = `http://${publicHost(config.host)}:${config.port}`;
  console.log(`citynet: GraphQL and GraphiQL on ${origin}/graphql`);
  if (config.explorerDir)
    console.log(`citynet: the explorer on ${origin}/explore/, exports on ${origin}/rest/openapi.json`);
});
closeOnSignal([server], db, config.shutdownGraceMs, async () => {
  await webhooks?.stop();
  await app.close();
  await tracing?.shutdown();
});
