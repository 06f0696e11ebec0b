// Subscriptions over Server-Sent Events: each committed write reaches the subscribers whose
// filter accepts it, resolved like a query with the subscriber's rights; a write that rolls back
// announces nothing; a subscriber without the right role is refused.
import { createClient as createSseClient } from "graphql-sse";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import type { Role } from "../../src/generated/prisma/index.js";
import { createLive, type LiveEvent } from "../../src/live/pubsub.js";
import { adminWriter, record, write } from "../../src/schema/contributions/write.js";
import { adminWriteContext, describeDb, type GraphQLResponse, startTestApi, type TestApi } from "../support/harness.js";
import { type Subscription, subscribe } from "../support/sse.js";

const CREATE = `mutation($input: CreatePartnerSearchInput!) {
  createPartnerSearch(input: $input) { partnerSearch { id slug version } }
}`;
const EXPRESS = `mutation($input: ExpressInterestInput!) { expressInterest(input: $input) { interest { id } } }`;
const UPDATE = `mutation($input: UpdatePartnerSearchInput!) { updatePartnerSearch(input: $input) { partnerSearch { id version } } }`;

const search = (town: string, extra: Record<string, unknown> = {}) => ({
  town,
  kind: "COOPERATION",
  description: [{ lang: "en", text: `${town} looks for partners in culture.` }],
  topics: ["culture"],
  ...extra,
});

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

describeDb("live subscriptions", () => {
  const live = createLive();
  let api: TestApi;
  const open: Subscription[] = [];
  const keys: Record<string, string> = {};
  const bearer = (town: string) => ({ authorization: `Bearer ${keys[town]}` });

  beforeAll(async () => {
    api = await startTestApi("documents", {}, { live });
    for (const [town, role] of [
      ["opava", "TOWN_EDITOR"],
      ["leoben", "TOWN_EDITOR"],
      ["murska-sobota", "TOWN_EDITOR"],
    ] as [string, Role][])
      keys[town] = (await createApiKey(api.db.prisma, { name: `${town} web`, role, scope: town })).secret;
  });
  afterAll(async () => {
    for (const subscription of open) subscription.close();
    await api?.close();
    await live.close();
  });

  const listen = async (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => {
    const subscription = await subscribe(
      (url, init) => Promise.resolve(api.app.yoga.fetch(url, init)),
      "http://citynet.test/graphql",
      query,
      variables,
      headers,
    );
    open.push(subscription);
    return subscription;
  };
  const post = async (town: string, extra?: Record<string, unknown>) => {
    const { createPartnerSearch } = await api.data(CREATE, { input: search(town, extra) }, bearer(town));
    return createPartnerSearch.partnerSearch as { id: string; slug: string; version: number };
  };

  it("announces a posted partner search to the subscribers whose filter accepts it, resolved like a query", async () => {
    const czech = await listen(
      `subscription { partnerSearchPosted(filter: { countries: ["cz"], topics: ["culture"] }) { id slug version town { slug country { code } } } }`,
    );
    const large = await listen(`subscription { partnerSearchPosted(filter: { populationMin: 1000000 }) { slug } }`);
    const leoben = await post("leoben");
    const opava = await post("opava");
    expect((await czech.next()).data).toEqual({
      partnerSearchPosted: {
        id: opava.id,
        slug: opava.slug,
        version: 1,
        town: { slug: "opava", country: { code: "CZ" } },
      },
    });
    await czech.nothingWithin(300);
    await large.nothingWithin(300);
    expect(leoben.slug).not.toBe(opava.slug);
  });

  it("tells only the requesting town's editor of interests in its search, with the private contact", async () => {
    const opava = await post("opava");
    const query = `subscription($s: String!) { interestExpressed(partnerSearch: $s) { town { slug } contactEmail } }`;
    const anonymous = await listen(query, { s: opava.slug });
    expect(codeOf(await anonymous.next())).toBe("UNAUTHENTICATED");
    const otherTown = await listen(query, { s: opava.slug }, bearer("leoben"));
    expect(codeOf(await otherTown.next())).toBe("FORBIDDEN");
    const owner = await listen(query, { s: opava.slug }, bearer("opava"));
    await api.data(
      EXPRESS,
      {
        input: {
          partnerSearch: opava.id,
          town: "murska-sobota",
          message: [{ lang: "en", text: "Murska Sobota is interested." }],
          contactEmail: "ana.novak@murska-sobota.si",
        },
      },
      bearer("murska-sobota"),
    );
    expect((await owner.next()).data).toEqual({
      interestExpressed: { town: { slug: "murska-sobota" }, contactEmail: "ana.novak@murska-sobota.si" },
    });
  });

  it("follows a public record's changes by global id, and refuses a record that may be private", async () => {
    const opava = await post("opava");
    const changes = await listen(
      `subscription($id: ID!) { recordChanged(id: $id) { id ... on PartnerSearch { version wantedPopulationMax } } }`,
      { id: opava.id },
    );
    await api.data(
      UPDATE,
      { input: { id: opava.id, expectedVersion: 1, wantedPopulationMax: 50_000 } },
      bearer("opava"),
    );
    expect((await changes.next()).data).toEqual({
      recordChanged: { id: opava.id, version: 2, wantedPopulationMax: 50_000 },
    });
    const interestId = Buffer.from("PartnerSearchInterest:1").toString("base64");
    const refused = await listen(`subscription($id: ID!) { recordChanged(id: $id) { id } }`, { id: interestId });
    expect(codeOf(await refused.next())).toBe("FORBIDDEN");
  });

  it("announces a write only once it commits: a rolled-back one announces nothing", async () => {
    const heard: LiveEvent[] = [];
    const iterator = live.subscribe(() => true)[Symbol.asyncIterator]();
    const listening = (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) heard.push(next.value);
    })();
    const ctx = adminWriteContext(api.db.prisma, live, "live-test");
    const town = await api.db.prisma.town.findUniqueOrThrow({ where: { slug: "opava" }, select: { id: true } });
    const audited = (tx: Parameters<Parameters<typeof write>[1]>[0]) =>
      record(tx, ctx, adminWriter(ctx), {
        mutation: "updateTownProfile",
        recordType: "Town",
        recordId: town.id,
        before: null,
        after: { version: 7 },
      });
    await expect(
      write(ctx, async (tx) => {
        await audited(tx);
        throw new Error("rolled back after the audit entry");
      }),
    ).rejects.toThrow("rolled back");
    await write(ctx, audited);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await iterator.return?.();
    await listening;
    expect(heard).toEqual([{ mutation: "updateTownProfile", recordType: "Town", recordId: town.id, version: 7 }]);
  });

  it("serves the graphql-sse protocol's single-connection mode at /graphql/stream too", async () => {
    const client = createSseClient({
      url: "http://citynet.test/graphql/stream",
      singleConnection: true,
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) =>
        Promise.resolve(api.app.yoga.fetch(String(input), init as never)),
      retryAttempts: 0,
    });
    const events = client.iterate<{ partnerSearchPosted: { slug: string } }>({
      query: `subscription { partnerSearchPosted(filter: { countries: ["AT"] }) { slug } }`,
    });
    const first = events.next();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const leoben = await post("leoben");
    expect((await first).value).toEqual({ data: { partnerSearchPosted: { slug: leoben.slug } } });
    await events.return?.();
    client.dispose();
  });
});
