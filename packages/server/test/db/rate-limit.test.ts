// Each client's cost budget: spent by what an operation can select, reported in headers and by
// rateLimit, refused with 429 RATE_LIMITED once spent, kept per client, and shared through
// Redis by replicas.

import { parse } from "graphql";
import { Redis } from "ioredis";
import { afterAll, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { operationCost } from "../../src/rate-limit.js";
import { schema } from "../../src/schema/index.js";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

const REDIS_URL = "redis://127.0.0.1:6379";
const post = async (api: TestApi, query: string, headers: Record<string, string> = {}) => {
  const response = await api.app.yoga.fetch("http://citynet.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return { response, body: (await response.json()) as { data?: any; errors?: any[] } };
};

it("costs an operation by what it can select: fields times the page sizes above them", () => {
  const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), variables);
  expect(cost(`{ town(slug: "opava") { name } }`)).toBe(2);
  // towns (1) + edges ×5 + node ×5 + name ×5
  expect(cost(`{ towns(first: 5) { edges { node { name } } } }`)).toBe(16);
  expect(cost(`query($n: Int) { towns(first: $n) { edges { node { name } } } }`, { n: 50 })).toBe(151);
  // A connection without first: its default page of 20.
  expect(cost(`{ towns { edges { node { name } } } }`)).toBe(61);
});

describeDb("rate limit", () => {
  const apis: TestApi[] = [];
  const prefix = `citynet-test-ratelimit-${process.pid}-${Date.now()}:`;
  afterAll(async () => {
    for (const api of apis) await api.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });
  const start = async (redis?: boolean) => {
    const api = await startTestApi(
      "documents",
      {},
      {
        rateLimit: { points: 10, windowSeconds: 60 },
        ...(redis ? { redis: { url: REDIS_URL, keyPrefix: prefix } } : {}),
      },
    );
    apis.push(api);
    return api;
  };

  it("reports the budget, refuses with 429 RATE_LIMITED once it is spent, and keeps clients apart", async () => {
    const api = await start();
    const first = await post(api, `{ rateLimit { limit cost remaining } }`);
    expect(first.body.data.rateLimit).toEqual({ limit: 10, cost: 4, remaining: 6 });
    expect(first.response.headers.get("x-ratelimit-limit")).toBe("10");
    expect(first.response.headers.get("x-ratelimit-remaining")).toBe("6");
    expect(Number(first.response.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    expect((await post(api, `{ town(slug: "opava") { name } }`)).response.headers.get("x-ratelimit-remaining")).toBe(
      "4",
    );
    api.statements.length = 0;
    const refused = await post(api, `{ towns(first: 3) { edges { node { name } } } }`);
    expect(refused.response.status).toBe(429);
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: "RATE_LIMITED", cost: 10 });
    expect(refused.body.data).toBeUndefined();
    expect(api.statements).toEqual([]);
    // Another client (an API key) has its own budget.
    const key = await createApiKey(api.db.prisma, { name: "Portal", role: "TOWN_EDITOR", scope: "opava" });
    const other = await post(api, `{ town(slug: "opava") { name } }`, { authorization: `Bearer ${key.secret}` });
    expect(other.body.data).toEqual({ town: { name: "Opava" } });
    expect(other.response.headers.get("x-ratelimit-remaining")).toBe("8");
  });

  it("shares the budget between replicas through Redis", async () => {
    const [one, two] = [await start(true), await start(true)];
    expect((await post(one, `{ town(slug: "opava") { name } }`)).response.headers.get("x-ratelimit-remaining")).toBe(
      "8",
    );
    expect((await post(two, `{ town(slug: "ptuj") { name } }`)).response.headers.get("x-ratelimit-remaining")).toBe(
      "6",
    );
  });
});
