// The costliest statements hold at most their slots of the pool; the others wait their turn.
import { expect, it } from "vitest";
import { createBulkhead } from "../../src/db/bulkhead.js";

it("runs at most its slots at once, the rest in order as slots free up, failures included", async () => {
  const costly = createBulkhead(2);
  let running = 0;
  let most = 0;
  const order: number[] = [];
  const job = (i: number) =>
    costly(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running--;
      order.push(i);
      if (i === 1) throw new Error("failed");
      return i;
    });
  const results = await Promise.allSettled(Array.from({ length: 7 }, (_, i) => job(i)));
  expect(most).toBe(2);
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(6);
  expect(order.slice(2)).toEqual([2, 3, 4, 5, 6]);
  // Every slot came back: two more run at once again.
  most = 0;
  await Promise.all([job(10), job(11), job(12)]);
  expect(most).toBe(2);
});
