// Prometheus metrics at /metrics: requests and latency per operation, errors by code, the
// database pool, the response cache's hits and the SQL planner's share.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

describeDb("metrics", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi("documents", {}, { metrics: true, responseCacheTtlMs: 60_000 });
  });
  afterAll(() => api?.close());

  const scrape = async () => {
    const response = await api.app.yoga.fetch("http://citynet.test/metrics");
    expect(response.status).toBe(200);
    return response.text();
  };
  /** The value of one series, by its name and labels as they appear in the exposition. */
  const value = (text: string, series: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line ? Number(line.split(" ").pop()) : 0;
  };

  it("counts requests, errors by code, cache hits and planned answers", async () => {
    const before = await scrape();
    await api.query(`query TownPage { town(slug: "opava") { name } }`);
    await api.query(`query TownPage { town(slug: "opava") { name } }`);
    await api.query(`query Missing { town(slug: "atlantis") { name } }`);
    const after = await scrape();
    expect(after).toMatch(/graphql_yoga_http_duration_bucket\{[^}]*operationName="TownPage"/);
    expect(after).toMatch(/graphql_envelop_request_duration_bucket\{[^}]*operationName="TownPage"/);
    const delta = (series: string) => value(after, series) - value(before, series);
    expect(delta(`citynet_graphql_errors_total{code="NOT_FOUND"}`)).toBe(1);
    expect(delta(`citynet_response_cache_lookups_total{result="hit"}`)).toBe(1);
    expect(delta(`citynet_response_cache_lookups_total{result="miss"}`)).toBeGreaterThanOrEqual(2);
    expect(delta(`citynet_sql_planner_operations_total{outcome="planned"}`)).toBeGreaterThanOrEqual(1);
    expect(value(after, `citynet_db_pool_connections{state="max"}`)).toBeGreaterThan(0);
    expect(after).toMatch(/^citynet_process_resident_memory_bytes \d+/m);
  });
});
