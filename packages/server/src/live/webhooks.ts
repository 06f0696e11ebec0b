// Webhooks for partner portals: an outbox row per webhook and committed write, written in the
// write's own transaction (so a write never waits for, nor fails by, a receiver; a rolled-back
// write leaves none; a restart loses none), and a worker that sends them signed, retrying with
// exponential back-off. Any replica may run the worker: claims skip rows another one holds.
import { createHmac } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { Prisma, type PrismaClient, type Role, type WebhookEvent } from "../generated/prisma/index.js";
import { kindsOf } from "./kinds.js";
import type { LiveEvent } from "./pubsub.js";

/** What a receiver gets: which record, of which kind of write, at which version. */
export interface WebhookPayload {
  event: WebhookEvent;
  /** The record's global id: fetch it with `node(id:)`, with the key the webhook belongs to. */
  id: string;
  type: string;
  version: number | null;
  mutation: string;
  occurredAt: string;
}

/** A webhook a write may owe deliveries to: a live key's, listening for some of the write's kinds. */
export interface ListeningWebhook {
  id: number;
  events: WebhookEvent[];
  role: Role;
  townId: number | null;
}

/**
 * The webhooks of live keys listening for any of `kinds`, as a JSON array: a subquery the write's
 * record reads in its own statement (contributions/write.ts).
 */
export function listeningWebhooks(kinds: readonly WebhookEvent[]): Prisma.Sql {
  if (!kinds.length) return Prisma.sql`'[]'::json`;
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object('id', w.id, 'events', w.events, 'role', k.role, 'townId', k."townId")), '[]')
      FROM "Webhook" w JOIN "ApiKey" k ON k.id = w."apiKeyId"
     WHERE w.events && ${kinds}::text[]::"WebhookEvent"[] AND k."revokedAt" IS NULL)`;
}

/**
 * Queues the deliveries a write's record owes to the `listening` webhooks, in one statement of
 * the write's transaction (`run`). Only a search town's editors and admins hear of an interest
 * in it (as interestExpressed).
 */
export async function enqueueDeliveries(
  run: (sql: Prisma.Sql) => Promise<unknown>,
  event: LiveEvent,
  listening: readonly ListeningWebhook[],
): Promise<void> {
  if (!listening.length) return;
  const kinds = kindsOf(event);
  const id = encodeGlobalID(event.recordType, event.recordId);
  const payload = (kind: WebhookEvent): Omit<WebhookPayload, "occurredAt"> => ({
    event: kind,
    id,
    type: event.recordType,
    version: event.version,
    mutation: event.mutation,
  });
  const deliveries = listening.flatMap((webhook) =>
    kinds
      .filter((kind) => webhook.events.includes(kind))
      .map((kind) => ({
        webhookId: webhook.id,
        kind,
        role: webhook.role,
        townId: webhook.townId,
        payload: payload(kind),
      })),
  );
  if (!deliveries.length) return;
  const interestTown =
    kinds.includes("INTEREST_EXPRESSED") &&
    Prisma.sql`(SELECT s."townId" FROM "PartnerSearchInterest" i JOIN "PartnerSearch" s ON s.id = i."partnerSearchId"
                 WHERE i.id = ${event.recordId})`;
  await run(Prisma.sql`
    INSERT INTO "WebhookDelivery" ("webhookId", event, payload)
    SELECT d."webhookId", d.kind::"WebhookEvent",
           d.payload || jsonb_build_object('occurredAt', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      FROM json_to_recordset(${JSON.stringify(deliveries)}::json) AS d("webhookId" int, kind text, role text, "townId" int, payload jsonb)
     WHERE ${interestTown ? Prisma.sql`d.kind <> 'INTEREST_EXPRESSED' OR d.role = 'ADMIN' OR (d.role = 'TOWN_EDITOR' AND d."townId" = ${interestTown})` : Prisma.sql`true`}`);
}

/** The signature header a receiver checks: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function signature(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export interface WebhookWorkerOptions {
  /** Delay before the first retry; doubles with each failed attempt, up to an hour. */
  retryBaseMs: number;
  /** Attempts before a delivery is FAILED (redeliverWebhookDelivery queues it again). */
  maxAttempts?: number;
  /** How often to look for due deliveries. */
  pollMs?: number;
  /** How long a receiver has to answer. */
  timeoutMs?: number;
}

interface Claimed {
  id: number;
  payload: WebhookPayload;
  attempts: number;
  url: string;
  secret: string;
}

/** How long a claimed delivery is held before another worker may take it (a crash mid-send). */
const CLAIM_SECONDS = 60;

export function startWebhookWorker(prisma: PrismaClient, options: WebhookWorkerOptions) {
  const maxAttempts = options.maxAttempts ?? 8;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const claim = () =>
    prisma.$queryRaw<Claimed[]>`
      WITH due AS (
        SELECT id FROM "WebhookDelivery"
         WHERE status = 'PENDING' AND "nextAttemptAt" <= now()
         ORDER BY "nextAttemptAt", id LIMIT 20 FOR UPDATE SKIP LOCKED)
      UPDATE "WebhookDelivery" d
         SET attempts = d.attempts + 1, "nextAttemptAt" = now() + make_interval(secs => ${CLAIM_SECONDS})
        FROM due, "Webhook" w
       WHERE d.id = due.id AND w.id = d."webhookId"
   RETURNING d.id, d.payload, d.attempts, w.url, w.secret`;

  async function send(delivery: Claimed): Promise<void> {
    const body = JSON.stringify(delivery.payload);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "CityNet-Webhooks/1",
          "x-citynet-event": delivery.payload.event,
          "x-citynet-delivery": String(delivery.id),
          "x-citynet-signature": signature(delivery.secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      await response.body?.cancel();
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    const delay = Math.min(options.retryBaseMs * 2 ** (delivery.attempts - 1), 3_600_000);
    await prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data: error
        ? {
            status: delivery.attempts >= maxAttempts ? "FAILED" : "PENDING",
            nextAttemptAt: new Date(Date.now() + delay),
            lastStatus: status,
            lastError: error.slice(0, 500),
          }
        : { status: "DELIVERED", deliveredAt: new Date(), lastStatus: status, lastError: null },
    });
  }

  async function round(): Promise<void> {
    try {
      for (let batch = await claim(); batch.length && !stopped; batch = await claim())
        await Promise.all(batch.map(send));
    } catch {
      // The database is away: the next round tries again; claimed rows come back after their hold.
    }
  }

  const schedule = () => {
    if (!stopped)
      timer = setTimeout(() => {
        running = round().then(schedule);
      }, options.pollMs ?? 1_000);
  };
  schedule();
  return {
    /** Sends what is due now (tests, and a write that wants its deliveries out at once). */
    async drain(): Promise<void> {
      await running;
      running = round();
      await running;
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type WebhookWorker = ReturnType<typeof startWebhookWorker>;
