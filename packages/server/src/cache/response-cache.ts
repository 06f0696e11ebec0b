// Where the response cache keeps its entries, and the write generation that keeps them true.
// Every committed write advances the generation, which is part of every cache key: nothing
// cached before a write is served after it. With REDIS_URL both live in Redis, so replicas
// share them (a write through one is seen by the next read through any); without, in memory
// for a single process.
import { createRedisCache } from "@envelop/response-cache-redis";
import { type Cache, createInMemoryCache } from "@graphql-yoga/plugin-response-cache";
import { Redis } from "ioredis";

export interface ResponseCacheStore {
  cache: Cache;
  /** The current write generation, part of every cache key. */
  generation(): Promise<string>;
  /** Called after a write commits. */
  advance(): Promise<void>;
  close(): Promise<void>;
}

/** Entries in memory: least recently used out past this many. */
const MEMORY_ENTRIES = 5000;

export function responseCacheStore(redis?: { url: string; keyPrefix: string }): ResponseCacheStore {
  if (!redis) {
    let generation = 0;
    return {
      cache: createInMemoryCache({ max: MEMORY_ENTRIES }),
      generation: async () => String(generation),
      advance: async () => void generation++,
      close: async () => {},
    };
  }
  // ioredis' keyPrefix scopes every key (the Redis cache has no prefix option of its own).
  const client = new Redis(redis.url, { keyPrefix: redis.keyPrefix, lazyConnect: false, maxRetriesPerRequest: 2 });
  return {
    cache: createRedisCache({ redis: client }),
    generation: async () => (await client.get("generation")) ?? "0",
    advance: async () => void (await client.incr("generation")),
    close: async () => void (await client.quit()),
  };
}
