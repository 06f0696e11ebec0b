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

/** Who may hear of an interest: its search town's editors and admins (as interestExpressed). */
async function mayHearOfInterest(
  tx: Prisma.TransactionClient,
  key: { role: string; townId: number | null },
  interestId: number,
): Promise<boolean> {
  if (key.role === "ADMIN") return true;
  const interest = await tx.partnerSearchInterest.findUnique({
    where: { id: interestId },
    select: { partnerSearch: { select: { townId: true } } },
  });
  return key.role === "TOWN_EDITOR" && key.townId === interest?.partnerSearch.townId;
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

/** Queues the deliveries a write's record owes to the `listening` webhooks, inside the write's transaction. */
export async function enqueueDeliveries(
  tx: Prisma.TransactionClient,
  event: LiveEvent,
  listening: readonly ListeningWebhook[],
): Promise<void> {
  if (!listening.length) return;
  const kinds = kindsOf(event);
  const occurredAt = new Date().toISOString();
  const id = encodeGlobalID(event.recordType, event.recordId);
  const deliveries: Prisma.WebhookDeliveryCreateManyInput[] = [];
  for (const webhook of listening)
    for (const kind of kinds.filter((k) => webhook.events.includes(k))) {
      if (kind === "INTEREST_EXPRESSED" && !(await mayHearOfInterest(tx, webhook, event.recordId))) continue;
      const payload: WebhookPayload = {
        event: kind,
        id,
        type: event.recordType,
        version: event.version,
        mutation: event.mutation,
        occurredAt,
      };
      deliveries.push({ webhookId: webhook.id, event: kind, payload: payload as unknown as Prisma.InputJsonValue });
    }
  if (deliveries.length) await tx.webhookDelivery.createMany({ data: deliveries });
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
