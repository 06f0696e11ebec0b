// The SDK's typed mutations against the monolith, with keys made by the CLI beside it. A server
// of its own: the writes must not change what the other files read from the shared one.
import { afterAll, beforeAll, it } from "vitest";
import { type LiveServer, startLiveServer } from "./support/live-server.js";
import { runWriteScenario } from "./support/write-scenario.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server?.stop());

it("posts a partner search, expresses interest, keeps interests private and refuses a stale update", async () => {
  await runWriteScenario(server.endpoint, server.dataDir, "monolith");
}, 60_000);
