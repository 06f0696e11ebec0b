// Webhooks for partner portals against a receiver on loopback: signed deliveries of committed
// writes, retries with back-off, nothing for a rolled-back write, nothing lost while no worker
// runs, deliveries visible to (and redeliverable by) their key's owner only.
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import type { Role } from "../../src/generated/prisma/index.js";
import { createLive } from "../../src/live/pubsub.js";
import { startWebhookWorker, type WebhookWorker } from "../../src/live/webhooks.js";
import { adminWriter, record, write } from "../../src/schema/contributions/write.js";
import { adminWriteContext, describeDb, type GraphQLResponse, startTestApi, type TestApi } from "../support/harness.js";

const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret webhook { id url events } } }`;
const CREATE = `mutation($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { id slug } } }`;
const EXPRESS = `mutation($input: ExpressInterestInput!) { expressInterest(input: $input) { interest { id } } }`;
const DELIVERIES = `{ webhooks { id url deliveries(first: 20) { edges { node { id event status attempts lastStatus lastError payload } } } } }`;
const REDELIVER = `mutation($input: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $input) { id status attempts } }`;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

describeDb("webhooks", () => {
  const live = createLive();
  let api: TestApi;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  /** The receiver's answers, in order; 200 once they run out. */
  const answers: number[] = [];
  let worker: WebhookWorker;
  const keys: Record<string, { id: number; secret: string }> = {};
  const bearer = (name: string) => ({ authorization: `Bearer ${keys[name].secret}` });

  beforeAll(async () => {
    api = await startTestApi("documents", {}, { live });
    for (const [name, role, scope] of [
      ["Operations", "ADMIN", undefined],
      ["Opava web", "TOWN_EDITOR", "opava"],
      ["Leoben portal", "TOWN_EDITOR", "leoben"],
    ] as [string, Role, string | undefined][])
      keys[name] = await createApiKey(api.db.prisma, { name, role, scope });
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        received.push({ headers: req.headers, body, at: Date.now() });
        res.writeHead(answers.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    worker = startWebhookWorker(api.db.prisma, { retryBaseMs: 100, pollMs: 25 });
  });
  afterAll(async () => {
    await worker?.stop();
    receiver?.close();
    await api?.close();
    await live.close();
  });

  /** Waits until the receiver holds `count` requests (or fails after 5 s). */
  const receivedCount = async (count: number) => {
    for (const started = Date.now(); received.length < count; ) {
      if (Date.now() - started > 5_000) throw new Error(`${received.length} deliveries, not ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const register = (key: string, events: string[], as = "Operations") =>
    api.query(REGISTER, { input: { apiKey: keys[key].id, url: receiverUrl, events } }, bearer(as));
  const post = async (town = "opava") =>
    (
      await api.data(
        CREATE,
        { input: { town, kind: "COOPERATION", description: [{ lang: "en", text: `${town} seeks partners.` }] } },
        bearer(town === "opava" ? "Opava web" : "Leoben portal"),
      )
    ).createPartnerSearch.partnerSearch as { id: string; slug: string };

  let portalSecret: string;

  it("registers a webhook for a key: only an admin may, and the secret is shown once", async () => {
    const input = { apiKey: keys["Leoben portal"].id, url: receiverUrl, events: ["PARTNER_SEARCH_POSTED"] };
    expect(codeOf(await api.query(REGISTER, { input }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await api.query(REGISTER, { input }, bearer("Opava web")))).toBe("FORBIDDEN");
    expect(
      codeOf(await api.query(REGISTER, { input: { ...input, url: "ftp://example.org" } }, bearer("Operations"))),
    ).toBe("BAD_USER_INPUT");
    const registered = await register("Leoben portal", ["PARTNER_SEARCH_POSTED", "INTEREST_EXPRESSED"]);
    expect(registered.errors).toBeUndefined();
    portalSecret = registered.data.registerWebhook.secret;
    expect(portalSecret).toMatch(/^whsec_/);
    expect(JSON.stringify(await api.data(DELIVERIES, {}, bearer("Leoben portal")))).not.toContain(portalSecret);
    // Audited like any write, without the secret.
    const audited = await api.db.prisma.auditEntry.findFirstOrThrow({ where: { mutation: "registerWebhook" } });
    expect(audited).toMatchObject({ recordType: "Webhook", actorName: "Operations" });
    expect(JSON.stringify(audited.after)).toContain(receiverUrl);
    expect(JSON.stringify(audited.after)).not.toContain(portalSecret);
  });

  it("sends each committed write signed, with the record's global id and version", async () => {
    const before = received.length;
    const search = await post();
    await receivedCount(before + 1);
    const { headers, body } = received[before];
    const payload = JSON.parse(body);
    expect(payload).toMatchObject({
      event: "PARTNER_SEARCH_POSTED",
      id: search.id,
      type: "PartnerSearch",
      version: 1,
      mutation: "createPartnerSearch",
    });
    expect(headers["x-citynet-event"]).toBe("PARTNER_SEARCH_POSTED");
    // What a receiver checks: the signature over "<timestamp>.<body>" with the secret.
    const [, timestamp, signature] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers["x-citynet-signature"]))!;
    expect(createHmac("sha256", portalSecret).update(`${timestamp}.${body}`).digest("hex")).toBe(signature);
    expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(30);
  });

  it("retries a failing receiver with growing delays, and records each attempt", async () => {
    const before = received.length;
    answers.push(500, 503);
    await post();
    await receivedCount(before + 3);
    const [first, second, third] = received.slice(before);
    expect(second.at - first.at).toBeGreaterThanOrEqual(90);
    expect(third.at - second.at).toBeGreaterThanOrEqual(190);
    expect(new Set([first.body, second.body, third.body]).size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { webhooks } = await api.data(DELIVERIES, {}, bearer("Leoben portal"));
    expect(webhooks[0].deliveries.edges[0].node).toMatchObject({ status: "DELIVERED", attempts: 3, lastStatus: 200 });
  });

  it("tells of interests only a key that may see them", async () => {
    await register("Opava web", ["INTEREST_EXPRESSED"]);
    const search = await post("opava");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = received.length;
    await api.data(
      EXPRESS,
      {
        input: {
          partnerSearch: search.id,
          town: "leoben",
          message: [{ lang: "de", text: "Leoben ist interessiert." }],
        },
      },
      bearer("Leoben portal"),
    );
    await receivedCount(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Opava's webhook hears of the interest in its search; Leoben's portal, subscribed to
    // interests too, does not: the search is not its town's.
    expect(received.slice(before).map((r) => JSON.parse(r.body).event)).toEqual(["INTEREST_EXPRESSED"]);
    const opava = await api.data(DELIVERIES, {}, bearer("Opava web"));
    expect(opava.webhooks[0].deliveries.edges.map((e: any) => e.node.event)).toEqual(["INTEREST_EXPRESSED"]);
  });

  it("queues nothing for a write that rolls back", async () => {
    const ctx = adminWriteContext(api.db.prisma, live, "webhook-test");
    const before = await api.db.prisma.webhookDelivery.count();
    const search = await api.db.prisma.partnerSearch.findFirstOrThrow({ select: { id: true } });
    await expect(
      write(ctx, async (tx) => {
        await record(tx, ctx, adminWriter(ctx), {
          mutation: "createPartnerSearch",
          recordType: "PartnerSearch",
          recordId: search.id,
          before: null,
          after: { version: 1 },
        });
        expect(await tx.webhookDelivery.count()).toBeGreaterThan(before);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await api.db.prisma.webhookDelivery.count()).toBe(before);
  });

  it("loses no delivery while no worker runs: the next one sends it", async () => {
    await worker.stop();
    const before = received.length;
    await post();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received.length).toBe(before);
    worker = startWebhookWorker(api.db.prisma, { retryBaseMs: 100, pollMs: 25 });
    await receivedCount(before + 1);
  });

  it("shows deliveries to their key's owner only, who may queue one again", async () => {
    const { webhooks } = await api.data(DELIVERIES, {}, bearer("Leoben portal"));
    const delivery = webhooks[0].deliveries.edges[0].node;
    const own = await api.data(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: delivery.id },
      bearer("Leoben portal"),
    );
    expect(own.node.id).toBe(delivery.id);
    expect(
      codeOf(await api.query(`query($id: ID!) { node(id: $id) { id } }`, { id: delivery.id }, bearer("Opava web"))),
    ).toBe("FORBIDDEN");
    // The webhook itself (its URL and events) is its key's owner's alone too.
    expect(
      codeOf(await api.query(`query($id: ID!) { node(id: $id) { id } }`, { id: webhooks[0].id }, bearer("Opava web"))),
    ).toBe("FORBIDDEN");
    const input = { id: delivery.id };
    expect(codeOf(await api.query(REDELIVER, { input }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await api.query(REDELIVER, { input }, bearer("Opava web")))).toBe("FORBIDDEN");
    const before = received.length;
    const again = await api.data(REDELIVER, { input }, bearer("Leoben portal"));
    expect(again.redeliverWebhookDelivery).toMatchObject({ status: "PENDING", attempts: 0 });
    await receivedCount(before + 1);
    expect(received[before].body).toBe(delivery.payload);
  });
});
