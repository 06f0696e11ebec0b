import { describe, expect, it } from "vitest";
import { fetchable } from "../../src/lib/ports.js";

describe("ports picked for servers", () => {
  // A test server once drew 10080 and every fetch to it failed with "bad port".
  it("are ports fetch() connects to", async () => {
    await expect(fetch("http://127.0.0.1:10080/")).rejects.toMatchObject({ cause: { message: "bad port" } });
    expect(fetchable(10_080)).toBe(false);
    for (const port of [10_000, 10_079, 10_081, 32_767]) expect(fetchable(port)).toBe(true);
  });
});
