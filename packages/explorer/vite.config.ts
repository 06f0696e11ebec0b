import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Served by the CityNet server at /explore. The SDK comes from its source, so that `pnpm start`
// on a fresh clone builds the explorer without building the SDK's package first.
export default defineConfig({
  base: "/explore/",
  resolve: { alias: { "@citynet/sdk": fileURLToPath(new URL("../sdk/src/index.ts", import.meta.url)) } },
  build: { outDir: "dist", emptyOutDir: true, reportCompressedSize: false },
  logLevel: "warn",
});
