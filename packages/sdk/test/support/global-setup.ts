import type { TestProject } from "vitest/node";
import { startLiveServer } from "./live-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    endpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startLiveServer();
  project.provide("endpoint", server.endpoint);
  return () => server.stop();
}
