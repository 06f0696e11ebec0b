import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 180_000,
    globalSetup: ["test/support/global-setup.ts"],
  },
});
