// Two server processes on one PostgreSQL and one Redis, as replicas behind a load balancer run:
// they share the response cache, and a write through one is seen by the next read through the
// other, for an operation the SQL planner answers and for one the resolvers answer; a
// subscriber of one hears the writes made through the other.
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "graphql";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { openDatabase } from "../../src/db/database.js";
import { schema } from "../../src/schema/index.js";
import { planOperation } from "../../src/sql-plan/plan.js";
import { copyTemplate, describeDb } from "../support/harness.js";
import { freePort, waitForOutput } from "../support/processes.js";
import { subscribe } from "../support/sse.js";

const SERVER_DIR = path.resolve(fileURLToPath(import.meta.url), "../../..");
const REDIS_URL = "redis://127.0.0.1:6379";
const SLUG = "montefranco-2019-partner-town";
const PLANNED = `{ partnerSearch(slug: "${SLUG}") { slug wantedPopulationMax version } }`;
const RESOLVED = `{ partnerSearch(slug: "${SLUG}") { descriptionTranslations { lang } wantedPopulationMax } }`;

describeDb("replicas sharing PostgreSQL and Redis", () => {
  let copy: Awaited<ReturnType<typeof copyTemplate>>;
  const prefix = `citynet-test-${randomBytes(4).toString("hex")}:`;
  const replicas: { child: ChildProcess; url: string }[] = [];
  let editorKey: string;
  let adminKey: string;
  let editorKeyId: number;
  let searchId: string;
  // A partner portal's webhook receiver: what both replicas' workers deliver to.
  const deliveries: { headers: Record<string, unknown>; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });

  beforeAll(async () => {
    copy = await copyTemplate();
    const db = await openDatabase(copy.target);
    const editor = await createApiKey(db.prisma, {
      name: "Montefranco web",
      role: "TOWN_EDITOR",
      scope: "montefranco",
    });
    editorKey = editor.secret;
    editorKeyId = editor.id;
    adminKey = (await createApiKey(db.prisma, { name: "Operations", role: "ADMIN" })).secret;
    await db.close();
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const env = {
        ...process.env,
        DATABASE_URL: copy.target.url,
        REDIS_URL,
        CITYNET_REDIS_KEY_PREFIX: prefix,
        CITYNET_IMPORT_TOWNS: "false",
        CITYNET_WEBHOOK_POLL_MS: "50",
        PORT: String(port),
        HOST: "127.0.0.1",
      };
      const child = spawn(process.execPath, ["--import", "tsx", "src/bin/main.ts"], {
        cwd: SERVER_DIR,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      replicas.push({ child, url: `http://127.0.0.1:${port}/graphql` });
      await waitForOutput(child, /GraphiQL on/);
    }
    searchId = (await query(0, `{ partnerSearch(slug: "${SLUG}") { id } }`)).data.partnerSearch.id;
  });
  afterAll(async () => {
    for (const { child } of replicas) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        await exited;
      }
    }
    receiver.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await copy?.remove();
  });

  async function query(replica: number, text: string, variables?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(replicas[replica].url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: text, variables }),
    });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  }

  it("plans the one operation and leaves the other to the resolvers", () => {
    expect(planOperation(schema, parse(PLANNED), undefined)).not.toBeNull();
    expect(planOperation(schema, parse(RESOLVED), undefined)).toBeNull();
  });

  it("shares cached answers, and serves a write made through one replica at the next read through the other", async () => {
    const before = { planned: await query(0, PLANNED), resolved: await query(0, RESOLVED) };
    // Changed behind the API's back (no write generation): the other replica still answers from
    // the cache the first one filled, so the cache is shared.
    const db = await openDatabase(copy.target);
    await db.exec(`UPDATE "PartnerSearch" SET "wantedPopulationMax" = 7777 WHERE slug = '${SLUG}'`);
    expect(await query(1, PLANNED)).toEqual(before.planned);
    expect(await query(1, RESOLVED)).toEqual(before.resolved);

    // A write through the API on replica 0 …
    const written = await query(
      0,
      `mutation($input: UpdatePartnerSearchInput!) { updatePartnerSearch(input: $input) { partnerSearch { version } } }`,
      {
        input: {
          id: searchId,
          expectedVersion: before.planned.data.partnerSearch.version,
          wantedPopulationMax: 12_345,
        },
      },
      { authorization: `Bearer ${editorKey}` },
    );
    expect(written.errors).toBeUndefined();
    // … is what replica 1 answers next, planned or resolved.
    expect((await query(1, PLANNED)).data.partnerSearch).toEqual({
      slug: SLUG,
      wantedPopulationMax: 12_345,
      version: before.planned.data.partnerSearch.version + 1,
    });
    expect((await query(1, RESOLVED)).data.partnerSearch.wantedPopulationMax).toBe(12_345);
    await db.close();
  });

  it("delivers a partner search posted through one replica to a subscriber of the other within a second, and to a webhook once, signed", async () => {
    const registered = await query(
      0,
      `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`,
      {
        input: {
          apiKey: editorKeyId,
          url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
          events: ["PARTNER_SEARCH_POSTED"],
        },
      },
      { authorization: `Bearer ${adminKey}` },
    );
    expect(registered.errors).toBeUndefined();
    const secret = registered.data.registerWebhook.secret as string;
    const subscription = await subscribe(
      fetch,
      replicas[1].url,
      `subscription { partnerSearchPosted(filter: { countries: ["IT"] }) { slug town { slug } } }`,
    );
    try {
      // The subscriber's SSE stream is open once its first bytes arrive; give the replica's
      // Redis subscription the same moment to settle.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const posted = Date.now();
      const created = await query(
        0,
        `mutation($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { slug } } }`,
        {
          input: {
            town: "montefranco",
            kind: "COOPERATION",
            description: [{ lang: "it", text: "Montefranco cerca partner per la cultura." }],
          },
        },
        { authorization: `Bearer ${editorKey}` },
      );
      expect(created.errors).toBeUndefined();
      const event = await subscription.next(1_000);
      expect(Date.now() - posted).toBeLessThan(1_000);
      expect(event.data).toEqual({
        partnerSearchPosted: {
          slug: created.data.createPartnerSearch.partnerSearch.slug,
          town: { slug: "montefranco" },
        },
      });
      // Both replicas run a delivery worker; the receiver gets the write once, signed.
      for (const started = Date.now(); !deliveries.length && Date.now() - started < 5_000; )
        await new Promise((resolve) => setTimeout(resolve, 25));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(deliveries).toHaveLength(1);
      const [{ headers, body }] = deliveries;
      const [, timestamp, signature] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers["x-citynet-signature"]))!;
      expect(createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")).toBe(signature);
      expect(JSON.parse(body)).toMatchObject({ event: "PARTNER_SEARCH_POSTED", type: "PartnerSearch", version: 1 });
    } finally {
      subscription.close();
    }
  });
});
