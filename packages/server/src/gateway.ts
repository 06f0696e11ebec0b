// The federated deployment: every domain subgraph on a port of its own, composed by Hive
// Gateway from a supergraph that @theguild/federation-composition builds offline, planned by its
// Rust query planner (@graphql-hive/router-runtime). The gateway loads
// @graphql-mesh/transport-http at run time to reach subgraphs, so we depend on it.
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printSubgraphSchema } from "@apollo/subgraph";
import { createGatewayRuntime, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { composeServices } from "@theguild/federation-composition";
import { GraphQLError, type GraphQLSchema, parse } from "graphql";
import { maskError, type Plugin } from "graphql-yoga";
import { createApp } from "./app.js";
import type { AuthConfig, RateLimitConfig, RedisConfig } from "./config.js";
import type { Database } from "./db/database.js";
import { createLive } from "./live/pubsub.js";
import { gatewayMetrics } from "./metrics.js";
import { createRateLimiter, type RateLimiter, useRateLimit } from "./rate-limit.js";
import { SUBGRAPHS, type SubGraph } from "./schema/builder.js";
import { subgraphSchema } from "./schema/federation.js";
import "./schema/index.js";

export const SUPERGRAPH_FILE = path.resolve(fileURLToPath(import.meta.url), "../../../../supergraph.graphql");

/** Subgraph ports: the gateway's port + 1, + 2, … in the order of SUBGRAPHS. */
export function subgraphUrls(host: string, gatewayPort: number): Record<SubGraph, string> {
  return Object.fromEntries(
    SUBGRAPHS.map((name, i) => [name, `http://${host}:${gatewayPort + 1 + i}/graphql`]),
  ) as Record<SubGraph, string>;
}

/** Every domain's subgraph schema, built once for serving and composing alike. */
const buildSubgraphSchemas = () =>
  Object.fromEntries(SUBGRAPHS.map((name) => [name, subgraphSchema(name)])) as Record<SubGraph, GraphQLSchema>;

/**
 * Composes our subgraphs at these URLs: the supergraph the gateway runs and the public API it
 * serves. Throws on composition errors.
 */
export function compose(
  urls: Record<SubGraph, string>,
  schemas = buildSubgraphSchemas(),
): { supergraph: string; publicSdl: string } {
  const services = SUBGRAPHS.map((name) => ({
    name,
    typeDefs: parse(printSubgraphSchema(schemas[name])),
    url: urls[name],
  }));
  const result = composeServices(services);
  if (result.errors?.length || !result.supergraphSdl || !result.publicSdl)
    throw new Error(`supergraph composition failed:\n${(result.errors ?? []).map((e) => e.message).join("\n")}`);
  return { supergraph: `${result.supergraphSdl.trim()}\n`, publicSdl: result.publicSdl };
}

/** The committed supergraph.graphql: our subgraphs at the URLs `pnpm start:federated` uses by default. */
export const localSupergraph = () => compose(subgraphUrls("127.0.0.1", 4000)).supergraph;

// traceparent and tracestate: the subgraphs' spans join the caller's trace.
const FORWARDED_HEADERS = ["accept-language", "authorization", "x-request-id", "traceparent", "tracestate"];

/**
 * A subgraph's own error (FORBIDDEN, NOT_FOUND…, named with its service) reaches the client as
 * the monolith would send it. The Rust planner hands a subscription's refusal on as the plain
 * error object the subgraph sent, which yoga would mask as INTERNAL_SERVER_ERROR. Anything else
 * is masked as before.
 */
const subgraphErrorsAsTheyAre: typeof maskError = (error, message, isDev) => {
  const sent = error as { message?: unknown; path?: (string | number)[]; extensions?: Record<string, unknown> };
  const code = sent?.extensions?.code;
  if (
    typeof sent?.message === "string" &&
    typeof code === "string" &&
    code !== "INTERNAL_SERVER_ERROR" &&
    sent.extensions?.serviceName
  )
    return new GraphQLError(sent.message, { path: sent.path, extensions: sent.extensions });
  return maskError(error, message, isDev);
};

export function createGateway(
  supergraph: string,
  options: {
    logging?: boolean;
    corsOrigins?: "*" | string[];
    /** Prometheus metrics at the gateway's /metrics. */
    metrics?: boolean;
    /** Each client's cost budget, counted at the gateway (the subgraphs do not limit). */
    limiter?: RateLimiter;
    /** How the gateway reaches the subgraphs (default: HTTP). */
    fetch?: typeof fetch;
  } = {},
): GatewayRuntime {
  return createGatewayRuntime({
    ...(options.fetch ? { fetchAPI: { fetch: options.fetch } } : {}),
    plugins: () => [
      ...(options.metrics ? gatewayMetrics() : []),
      ...(options.limiter ? [useRateLimit(options.limiter) as Plugin] : []),
    ],
    supergraph,
    // Hive's Rust query planner: plans a federated operation in a fraction of the JavaScript one's time.
    unifiedGraphHandler,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    maskedErrors: { maskError: subgraphErrorsAsTheyAre },
    // As the monolith: the configured origins (any by default), never with credentials.
    cors: { origin: options.corsOrigins ?? "*", credentials: false },
    logging: options.logging ?? true,
    // Subgraphs answer in the reader's language and for the caller (its key or token), as
    // the monolith does; the request id names the request in their audit entries.
    // The gateway is no browser: it names itself with the subgraphs' CSRF header, which their
    // subscriptions need (the transport opens them with GET and text/event-stream).
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        ...Object.fromEntries(
          FORWARDED_HEADERS.flatMap((name) => {
            const value = request.headers.get(name);
            return value === null ? [] : [[name, value]];
          }),
        ),
        "x-graphql-yoga-csrf": "citynet-gateway",
      }),
    },
  });
}

export interface Federation {
  close(): Promise<void>;
  servers: Server[];
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}

/**
 * Serves every subgraph from this process over one database, and the gateway in front. Each
 * subgraph is stateless and could as well run alone: the gateway only needs their URLs.
 */
export async function startFederation(
  db: Database,
  options: {
    host: string;
    port: number;
    logging?: boolean;
    auth?: AuthConfig;
    corsOrigins?: "*" | string[];
    metrics?: boolean;
    tracing?: boolean;
    rateLimit?: RateLimitConfig;
    redis?: RedisConfig;
  },
): Promise<Federation> {
  const urls = subgraphUrls(options.host, options.port);
  const schemas = buildSubgraphSchemas();
  const servers: Server[] = [];
  // One for all the subgraphs: a write in one reaches a subscription served by another.
  const live = createLive(options.redis);
  const inProcess = new Map<string, ReturnType<typeof createApp>["yoga"]>();
  for (const [i, name] of SUBGRAPHS.entries()) {
    const app = createApp(db, {
      schema: schemas[name],
      graphiql: false,
      logging: options.logging ?? true,
      auth: options.auth,
      metrics: options.metrics,
      tracing: options.tracing,
      live,
    });
    const server = createServer((req, res) => void app.handle(req, res));
    await listen(server, options.port + 1 + i, options.host);
    servers.push(server);
    inProcess.set(urls[name], app.yoga);
  }
  const limiter = options.rateLimit ? createRateLimiter(options.rateLimit, options.redis) : undefined;
  const gateway = createGateway(compose(urls, schemas).supergraph, {
    logging: options.logging,
    corsOrigins: options.corsOrigins,
    metrics: options.metrics,
    limiter,
    // The subgraphs of this process are answered in it, without a socket and HTTP each way.
    fetch: ((input: string | URL, init: RequestInit = {}) => {
      const url = String(input);
      const subgraph = inProcess.get(url.split("?")[0]);
      return subgraph ? subgraph.fetch(url, init) : fetch(input, init);
    }) as typeof fetch,
  });
  const gatewayServer = createServer(gateway);
  await listen(gatewayServer, options.port, options.host);
  servers.push(gatewayServer);
  return {
    servers,
    async close() {
      await gateway.dispose();
      await limiter?.close();
      await live.close();
      await Promise.all(
        servers.map(
          (server) =>
            new Promise((resolve) => {
              server.closeAllConnections();
              server.close(resolve);
            }),
        ),
      );
    },
  };
}
