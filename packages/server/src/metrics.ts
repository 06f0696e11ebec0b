// Prometheus metrics at /metrics: requests and their latency per operation (yoga's plugin),
// errors by code, the database pool, the response cache's hits and the SQL planner's share,
// and the process itself (memory, CPU, event loop). One registry per app, so that the
// federation's subgraphs in one process each report their own.
import { usePrometheus } from "@graphql-yoga/plugin-prometheus";
import type { Plugin } from "graphql-yoga";
import { Counter, collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { Database } from "./db/database.js";
import { errorCodesOf } from "./request-log.js";

export interface Metrics {
  registry: Registry;
  /** Operations the SQL planner answered with one statement, or declined to the resolvers. */
  planner: Counter<"outcome">;
  /** Response cache lookups: hit or miss. */
  cache: Counter<"result">;
}

export function createMetrics(db: Database): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "citynet_" });
  new Gauge({
    name: "citynet_db_pool_connections",
    help: "Connections of the API's PostgreSQL pool: in use, idle, the maximum, and requests waiting for one.",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = db.poolStats();
      this.set({ state: "in_use" }, pool.total - pool.idle);
      this.set({ state: "idle" }, pool.idle);
      this.set({ state: "max" }, pool.max);
      this.set({ state: "waiting" }, pool.waiting);
    },
  });
  return {
    registry,
    planner: new Counter({
      name: "citynet_sql_planner_operations_total",
      help: "Operations the SQL planner answered with one statement (planned) or left to the resolvers (declined).",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    cache: new Counter({
      name: "citynet_response_cache_lookups_total",
      help: "Response cache lookups, by result (hit or miss).",
      labelNames: ["result"],
      registers: [registry],
    }),
  };
}

/** The gateway's metrics: its requests, latency and errors, and its process (it has no database). */
export function gatewayMetrics(): Plugin[] {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "citynet_gateway_" });
  return useMetrics(registry);
}

export function useMetrics(registry: Registry): Plugin[] {
  const errors = new Counter({
    name: "citynet_graphql_errors_total",
    help: "Errors in GraphQL answers, by extensions.code.",
    labelNames: ["code"],
    registers: [registry],
  });
  return [
    usePrometheus({
      registry,
      endpoint: "/metrics",
      metrics: {
        graphql_yoga_http_duration: true,
        graphql_envelop_request: true,
        graphql_envelop_request_duration: true,
        graphql_envelop_phase_parse: true,
        graphql_envelop_phase_validate: true,
        graphql_envelop_phase_execute: true,
        graphql_envelop_error_result: true,
        // The plugin's other defaults cost every request without answering a question we ask:
        // the deprecated-field counter walks each document with its TypeInfo, and the summary
        // keeps a quantile sketch per operation beside the duration histogram.
        graphql_envelop_deprecated_field: false,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_phase_subscribe: false,
        graphql_envelop_schema_change: false,
      },
      labels: { operationName: true, operationType: true, statusCode: true, method: true },
    }),
    {
      onResultProcess({ result }) {
        for (const code of errorCodesOf(result)) errors.inc({ code });
      },
    },
  ];
}
