// Persisted documents: operations sent by hash run from the manifest; in persisted-only
// mode anything else is refused.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { describeDb, openTestDatabase, type TestDatabase } from "../support/harness.js";

const OPERATION = `query TownName($slug: String!) { town(slug: $slug) { name } }`;
const HASH = createHash("sha256").update(OPERATION).digest("hex");

describeDb("persisted documents", () => {
  let database: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await openTestDatabase();
    app = createApp(database.db, {
      logging: false,
      persistedDocuments: { [`sha256:${HASH}`]: OPERATION },
      persistedOnly: true,
    });
  });
  afterAll(() => database?.close());

  const post = async (body: object) =>
    (
      await app.yoga.fetch("http://citynet.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      })
    ).json();

  it("runs a known operation sent by its hash", async () => {
    expect(
      await post({ variables: { slug: "ptuj" }, extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } }),
    ).toEqual({ data: { town: { name: "Ptuj" } } });
  });

  it("refuses unknown hashes and arbitrary operations", async () => {
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect(unknown.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    const arbitrary = await post({ query: OPERATION, variables: { slug: "ptuj" } });
    expect(arbitrary.data).toBeUndefined();
    expect(arbitrary.errors[0]).toMatchObject({
      message: expect.stringMatching(/^This server runs only the operations it knows/),
      extensions: { code: "PERSISTED_QUERY_ONLY" },
    });
  });
});
