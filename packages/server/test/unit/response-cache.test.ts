// The in-memory response cache holds at most its size in bytes, whatever the answers weigh.
import { expect, it } from "vitest";
import { boundedMemoryCache } from "../../src/cache/response-cache.js";

it("keeps its answers within its byte bound, dropping the least recently used", async () => {
  const cache = boundedMemoryCache(2_000_000);
  const answer = (i: number) => ({ data: { search: { results: "x".repeat(20_000), i } } });
  for (let i = 0; i < 500; i++) cache.set(`op-${i}`, answer(i), [], 60_000);
  expect(cache.bytes()).toBeLessThanOrEqual(2_000_000);
  expect(cache.bytes()).toBeGreaterThan(1_800_000);
  expect(await cache.get("op-0")).toBeUndefined();
  expect(await cache.get("op-499")).toEqual(answer(499));
  // An answer larger than a tenth of the cache is not kept at all.
  cache.set("huge", { data: { text: "y".repeat(150_000) } }, [], 60_000);
  expect(await cache.get("huge")).toBeUndefined();
});
