// The SDK's typed mutations against the monolith, with keys made by the CLI beside it.
import { inject, it } from "vitest";
import { runWriteScenario } from "./support/write-scenario.js";

it("posts a partner search, expresses interest, keeps interests private and refuses a stale update", async () => {
  await runWriteScenario(inject("endpoint"), inject("dataDir"), "monolith");
}, 60_000);
