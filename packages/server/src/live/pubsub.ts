// What committed writes announce, and how the announcements reach every replica's subscribers:
// through Redis when the replicas share one (REDIS_URL), else in this process's memory.
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub, filter, pipe } from "@graphql-yoga/subscription";
import { Redis } from "ioredis";
import type { RedisConfig } from "../config.js";

/** A committed write of one record, as the audit log names it. */
export interface LiveEvent {
  /** The mutation that wrote it ("createPartnerSearch"). */
  mutation: string;
  /** Its Prisma model ("PartnerSearch"). */
  recordType: string;
  recordId: number;
  /** Its version after the write, where it has one. */
  version: number | null;
}

/** The one channel every write is announced on (prefixed per deployment in Redis). */
const CHANNEL = "written";

export interface Live {
  /** Announces writes that have committed (never call it for a write that may still roll back). */
  publish(events: readonly LiveEvent[]): void;
  /** Every announced write from now on that `accept` accepts, from any replica. */
  subscribe(accept: (event: LiveEvent) => boolean | Promise<boolean>): AsyncIterable<LiveEvent>;
  close(): Promise<void>;
}

export function createLive(redis?: RedisConfig): Live {
  // Subscriber mode takes a connection of its own; publishing uses the other.
  const clients = redis ? [new Redis(redis.url), new Redis(redis.url)] : [];
  const pubsub = createPubSub<{ [CHANNEL]: [LiveEvent] }>(
    redis
      ? {
          eventTarget: createRedisEventTarget({ publishClient: clients[0], subscribeClient: clients[1] }),
        }
      : undefined,
  );
  const channel = redis ? (`${redis.keyPrefix}${CHANNEL}` as typeof CHANNEL) : CHANNEL;
  return {
    publish(events) {
      for (const event of events) pubsub.publish(channel, event);
    },
    subscribe: (accept) => pipe(pubsub.subscribe(channel), filter(accept)),
    async close() {
      await Promise.all(clients.map((client) => client.quit()));
    },
  };
}
