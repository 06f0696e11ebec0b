// The budget of issue #6: every reference operation of the benchmark (bench/operations.ts)
// costs at most 4 SQL statements, however large the page it asks for. Counted once warm: the
// cooperation graph (connection) and a neighbourhood's records load in one more statement each,
// once per version, and the search index in memory is loaded first (until it is, PostgreSQL
// answers searches).
import { afterAll, beforeAll, expect, it } from "vitest";
import { REFERENCE_OPERATIONS } from "../../../../bench/operations.js";
import { warmSearchIndex } from "../../src/schema/search/search-index.js";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";
import { SEEDED_SUBJECTS } from "../support/subjects.js";

const BUDGET = 4;

describeDb("reference operations' SQL statements", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi("europe");
    await warmSearchIndex(api.db);
  }, 120_000);
  afterAll(() => api?.close());

  async function statementsFor(query: string, variables: Record<string, unknown>) {
    api.statements.length = 0;
    const data = await api.data(query, variables);
    expect(JSON.stringify(data)).not.toMatch(/^\{"\w+":(null|\[\])\}$/);
    return [...api.statements];
  }

  for (const operation of REFERENCE_OPERATIONS) {
    it(`${operation.name}: at most ${BUDGET} statements, the same for a small and a large page`, async () => {
      // Twice: a neighbourhood's set of columns gets its copy of the graph's records when asked again.
      for (let warm = 0; warm < 2; warm++)
        await statementsFor(operation.citynet.query, operation.citynet.variables(SEEDED_SUBJECTS, 2));
      const small = await statementsFor(operation.citynet.query, operation.citynet.variables(SEEDED_SUBJECTS, 2));
      const large = await statementsFor(operation.citynet.query, operation.citynet.variables(SEEDED_SUBJECTS, 20));
      expect(small.length, small.join("\n---\n")).toBeLessThanOrEqual(BUDGET);
      expect(large.length).toBe(small.length);
    });
  }
});
