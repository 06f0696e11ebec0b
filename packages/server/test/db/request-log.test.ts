// One JSON line per request for the operator, with the codes of its errors; a client's mistake
// is never logged as a server error with a stack.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { errorEntry } from "../../src/request-log.js";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

describeDb("request log", () => {
  let api: TestApi;
  const lines: Record<string, unknown>[] = [];
  const errors: unknown[] = [];
  beforeAll(async () => {
    api = await startTestApi(
      "documents",
      {},
      { logging: true, log: (entry) => lines.push(entry), logError: (error) => errors.push(error) },
    );
  });
  afterAll(() => api?.close());

  it("writes one line per request: id, operation, status, codes, client, duration", async () => {
    lines.length = 0;
    await api.query(`query TownName { town(slug: "opava") { name } }`, {}, { "x-request-id": "req-1" });
    await api.query(`query Missing { town(slug: "atlantis") { name } }`, {}, { "x-request-id": "req-2" });
    await api.query(`query BadId { node(id: "bm9wZQ==") { id } }`, {}, { "x-request-id": "req-3" });
    const key = await createApiKey(api.db.prisma, { name: "Opava web", role: "TOWN_EDITOR", scope: "opava" });
    await api.query(`{ town(slug: "opava") { name } }`, {}, { authorization: `Bearer ${key.secret}` });
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      level: "info",
      msg: "request",
      requestId: "req-1",
      operation: "TownName",
      status: 200,
      codes: [],
      client: expect.stringMatching(/^anonymous@/),
      durationMs: expect.any(Number),
    });
    expect(lines[1]).toMatchObject({ requestId: "req-2", operation: "Missing", codes: ["NOT_FOUND"] });
    expect(lines[2]).toMatchObject({ requestId: "req-3", operation: "BadId", codes: ["INVALID_ID"] });
    expect(lines[3]).toMatchObject({ operation: "anonymous", client: expect.stringMatching(/^api-key:\d+$/) });
    // Client errors are codes in their request's line, not server errors.
    expect(errors).toEqual([]);
    expect(lines.filter((line) => line.level !== "info")).toEqual([]);
  });

  it("logs an unexpected error with its stack", () => {
    const entry = errorEntry(new TypeError("boom"));
    expect(entry).toMatchObject({ level: "error", msg: "boom", error: "TypeError" });
    expect(String(entry.stack)).toMatch(/\n\s+at /);
  });
});
