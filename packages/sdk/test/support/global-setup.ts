import type { TestProject } from "vitest/node";
import { startLiveServer } from "./live-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    endpoint: string;
    /** The live server's embedded PostgreSQL data directory (for `pnpm citynet keys`). */
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startLiveServer();
  project.provide("endpoint", server.endpoint);
  project.provide("dataDir", server.dataDir);
  return () => server.stop();
}
