// The SDK's subscriptions against the monolith and through the gateway: a partner search posted
// by one client reaches another's curated subscription, typed; a subscriber without the role is
// refused; a dropped stream is opened again. Servers of their own: these tests write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKey } from "../../server/test/support/processes.js";
import { CityNetGraphQLError, createClient } from "../src/index.js";
import { type Entry, type LiveServer, startLiveServer } from "./support/live-server.js";

/** The first `count` values of an iterator, then closes it (as leaving a for-await loop does). */
async function take<T>(iterator: AsyncIterableIterator<T>, count: number): Promise<T[]> {
  const values: T[] = [];
  for await (const value of iterator) {
    values.push(value);
    if (values.length === count) break;
  }
  return values;
}

/** Waits until the server has had the moment it needs to start listening for the subscription. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe.each<[string, Entry]>([
  ["monolith", "src/bin/main.ts"],
  ["federation", "src/bin/federated.ts"],
])("subscriptions (%s)", (label, entry) => {
  let server: LiveServer;
  let opavaKey: string;
  beforeAll(async () => {
    server = await startLiveServer({}, entry);
    opavaKey = createKey(server.dataDir, `Opava web (${label})`, "TOWN_EDITOR", "opava");
  });
  afterAll(() => server?.stop());

  const post = (text: string) =>
    createClient({ endpoint: server.endpoint, apiKey: opavaKey }).createPartnerSearch({
      input: { town: "opava", kind: "COOPERATION", description: [{ lang: "en", text }], topics: ["culture"] },
    });

  it("delivers a partner search another client posts, typed like the queries", async () => {
    const listener = createClient({ endpoint: server.endpoint, lang: "en" });
    const events = take(listener.partnerSearchPosted({ filter: { countries: ["CZ"], topics: ["culture"] } }), 1);
    await settle();
    const { createPartnerSearch } = await post(`Opava looks for cultural partners (${label}).`);
    const [event] = await events;
    expect(event.partnerSearchPosted).toMatchObject({
      id: createPartnerSearch.partnerSearch.id,
      description: `Opava looks for cultural partners (${label}).`,
      town: { slug: "opava", country: { code: "CZ" } },
      topics: [{ slug: "culture" }],
    });
  });

  it("refuses interests in a search to a subscriber who is not its town's editor", async () => {
    const { createPartnerSearch } = await post(`Opava's private interests (${label}).`);
    const slug = createPartnerSearch.partnerSearch.slug;
    const leoben = createClient({
      endpoint: server.endpoint,
      apiKey: createKey(server.dataDir, `Leoben web (${label})`, "TOWN_EDITOR", "leoben"),
    });
    const refused = await take(leoben.interestExpressed({ partnerSearch: slug }), 1).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CityNetGraphQLError);
    expect((refused as CityNetGraphQLError).code).toBe("FORBIDDEN");
  });

  it("opens a dropped stream again and goes on delivering", async () => {
    let connections = 0;
    // A network that cuts the first subscription stream as soon as its first event has passed.
    const flaky: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(new Headers(init?.headers).get("accept")).includes("text/event-stream") || connections++ > 0)
        return response;
      const reader = response.body!.getReader();
      const cut = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) return controller.close();
          controller.enqueue(value);
          if (new TextDecoder().decode(value).includes("event: next")) {
            await reader.cancel();
            controller.close();
          }
        },
      });
      return new Response(cut, { status: response.status, headers: response.headers });
    };
    const listener = createClient({ endpoint: server.endpoint, fetch: flaky, retry: { delayMs: 50 } });
    const events = take(listener.partnerSearchPosted({ filter: { countries: ["CZ"] } }), 2);
    await settle();
    await post(`First (${label}).`);
    // The client notices the cut, waits its delay and subscribes again before the second write.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await post(`Second (${label}).`);
    const received = await events;
    expect(received.map((e) => e.partnerSearchPosted.description)).toEqual([`First (${label}).`, `Second (${label}).`]);
    expect(connections).toBe(2);
  });
});
