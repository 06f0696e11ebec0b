// Where the response cache keeps its entries, and the write generation that keeps them true.
// Every committed write advances the generation, which is part of every cache key: nothing
// cached before a write is served after it. With REDIS_URL both live in Redis, so replicas
// share them (a write through one is seen by the next read through any); without, in memory
// for a single process.
import { createRedisCache } from "@envelop/response-cache-redis";
import type { Cache } from "@graphql-yoga/plugin-response-cache";
import type { ExecutionResult } from "graphql";
import { Redis } from "ioredis";
import { LRUCache } from "lru-cache";

export interface ResponseCacheStore {
  cache: Cache;
  /** The current write generation, part of every cache key. */
  generation(): Promise<string>;
  /** Called after a write commits. */
  advance(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The in-memory cache's bound, in bytes of JSON: least recently used answers go first. It
 * counted entries before (5,000), and 5,000 large answers (a search page, a network page)
 * held over a gigabyte.
 */
export const MEMORY_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Answers in memory, bounded by their size: kept as JSON text, whose size is what it holds (a
 * parsed answer takes several times its JSON in objects and arrays). Entity invalidation is
 * not needed: a write changes the generation in every key, and the old entries age out.
 */
export function boundedMemoryCache(maxBytes = MEMORY_CACHE_BYTES): Cache & { bytes(): number } {
  const entries = new LRUCache<string, string>({
    maxSize: maxBytes,
    sizeCalculation: (json) => json.length * 2, // UTF-16 at worst
    ttlAutopurge: true,
  });
  return {
    set(id, data, _entities, ttl) {
      const json = JSON.stringify(data);
      // A single answer may take at most a tenth of the cache.
      if (json.length * 2 <= maxBytes / 10) entries.set(id, json, { ttl });
    },
    get: (id) => {
      const json = entries.get(id);
      return json === undefined ? undefined : (JSON.parse(json) as ExecutionResult);
    },
    invalidate() {},
    bytes: () => entries.calculatedSize,
  };
}

export function responseCacheStore(redis?: { url: string; keyPrefix: string }): ResponseCacheStore {
  if (!redis) {
    let generation = 0;
    return {
      cache: boundedMemoryCache(),
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
