// An API statement that runs past the statement timeout is cancelled and the
// client gets OPERATION_LIMIT_EXCEEDED, not a masked internal error; the next request works.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

describeDb("statement timeout", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi("europe", { statementTimeoutMs: 20 });
  });
  afterAll(() => api?.close());

  it("cancels a slow statement with OPERATION_LIMIT_EXCEEDED", async () => {
    // Scoring every European town takes far longer than 20 ms.
    const slow = await api.query(`{ partnerSuggestions(criteria: { town: "opava" }, first: 5) { score } }`);
    expect(slow.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/longer than the server allows/),
      extensions: { code: "OPERATION_LIMIT_EXCEEDED" },
    });
    expect(await api.data(`{ town(slug: "opava") { name } }`)).toEqual({ town: { name: "Opava" } });
  });

  it("cancels a slow planned statement (src/sql-plan) the same way", async () => {
    // Counting and sorting every European town by name takes over 10 ms; this API allows 1.
    const tight = await startTestApi("europe", { statementTimeoutMs: 1 });
    try {
      const slow = await tight.query(`{ towns(first: 100) { totalCount edges { node { slug } } } }`);
      expect(slow.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/longer than the server allows/),
        extensions: { code: "OPERATION_LIMIT_EXCEEDED" },
      });
      expect(tight.statements).toHaveLength(1);
      expect(tight.statements[0]).toMatch(/^SELECT json_build_object/);
    } finally {
      await tight.close();
    }
  });
});
