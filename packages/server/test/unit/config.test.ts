// Settings read from the environment: what an operator sets, and the defaults when unset.
import { describe, expect, it } from "vitest";
import { configFromEnv } from "../../src/config.js";

describe("configFromEnv", () => {
  it("warms the search index at start unless told not to", () => {
    expect(configFromEnv({}).warmSearchIndex).toBe(true);
    expect(configFromEnv({ CITYNET_WARM_SEARCH_INDEX: "true" }).warmSearchIndex).toBe(true);
    expect(configFromEnv({ CITYNET_WARM_SEARCH_INDEX: "false" }).warmSearchIndex).toBe(false);
  });
});
