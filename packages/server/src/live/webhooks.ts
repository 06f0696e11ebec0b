// Webhooks for partner portals: an outbox row per webhook and committed write, written in the
// write's own transaction (so a write never waits for, nor fails by, a receiver; a rolled-back
// write leaves none; a restart loses none), and a worker that sends them signed, retrying with
// exponential back-off. Any replica may run the worker: claims skip rows another one holds.
import { createHmac } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { Prisma, type PrismaClient, type WebhookEvent } from "../generated/prisma/index.js";
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

/**
 * The deliveries a write owes to the webhooks of live keys listening for any of `kinds`, each
 * with its WebhookPayload: an INSERT the write's record runs in its own statement
 * (contributions/write.ts), so that they exist exactly when the write does. `version` is the
 * record's version after the write, and `written` whether the statement wrote it (SQL). Only a
 * search town's editors and admins hear of an interest in it (as interestExpressed).
 */
export function deliveriesOwed(
  event: Omit<LiveEvent, "version">,
  kinds: readonly WebhookEvent[],
  { version, written }: { version: Prisma.Sql; written: Prisma.Sql },
): Prisma.Sql | null {
  if (!kinds.length) return null;
  const interestTown = Prisma.sql`(SELECT s."townId" FROM "PartnerSearchInterest" i JOIN "PartnerSearch" s ON s.id = i."partnerSearchId"
                                    WHERE i.id = ${event.recordId})`;
  return Prisma.sql`
    INSERT INTO "WebhookDelivery" ("webhookId", event, payload)
    SELECT w.id, kind::"WebhookEvent",
           jsonb_build_object('event', kind, 'id', ${encodeGlobalID(event.recordType, event.recordId)}::text,
             'type', ${event.recordType}::text, 'version', ${version}, 'mutation', ${event.mutation}::text,
             'occurredAt', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      FROM "Webhook" w JOIN "ApiKey" k ON k.id = w."apiKeyId", unnest(${kinds}::text[]) AS kind
     WHERE ${written} AND k."revokedAt" IS NULL AND kind::"WebhookEvent" = ANY(w.events)
       AND (kind <> 'INTEREST_EXPRESSED' OR k.role = 'ADMIN' OR (k.role = 'TOWN_EDITOR' AND k."townId" = ${interestTown}))`;
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
