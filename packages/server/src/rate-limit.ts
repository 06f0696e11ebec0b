// A cost budget per client and time window, as GitHub's API keeps one: each operation costs
// what it can select (every field, times the page sizes above it), the client is its API key
// or token subject (else "anonymous" and its address), and the budget lives in Redis when
// REDIS_URL is set (shared by replicas) or in memory. Over budget: HTTP 429, RATE_LIMITED,
// Retry-After; every answer carries x-ratelimit-limit, -remaining, -used and -reset.
import { createHash } from "node:crypto";
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimitConfig, RedisConfig } from "./config.js";
import { ErrorCode } from "./schema/common/errors.js";
import type { Context } from "./schema/context.js";

/** What a request spent and what is left: answered in headers and by `rateLimit`. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** What this operation cost. */
  cost: number;
  /** When the window ends and the budget is whole again. */
  resetAt: Date;
}

/** The page size a connection field without `first` or `last` returns. */
const DEFAULT_PAGE = 20;

/**
 * What an operation may select: one point per field, each multiplied by the page sizes
 * (`first`/`last`, else 20 for a connection) of the fields it is nested in.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): number {
  const typeInfo = new TypeInfo(schema);
  const multipliers: number[] = [1];
  let cost = 0;
  const pageOf = (node: import("graphql").FieldNode): number => {
    for (const argument of node.arguments ?? []) {
      if (argument.name.value !== "first" && argument.name.value !== "last") continue;
      const value =
        argument.value.kind === Kind.INT
          ? Number(argument.value.value)
          : argument.value.kind === Kind.VARIABLE
            ? Number(variables?.[argument.value.name.value])
            : Number.NaN;
      if (Number.isFinite(value) && value > 0) return value;
    }
    const type = typeInfo.getType();
    const named = type && getNamedType(type);
    return named && isObjectType(named) && "pageInfo" in named.getFields() ? DEFAULT_PAGE : 1;
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          const multiplier = multipliers[multipliers.length - 1];
          cost += multiplier;
          multipliers.push(multiplier * pageOf(node));
        },
        leave() {
          multipliers.pop();
        },
      },
    }),
  );
  return Math.max(1, cost);
}

export interface RateLimiter {
  /** Spends `cost` of the client's budget; `allowed` false when it does not have that much left. */
  consume(client: string, cost: number): Promise<RateLimitState & { allowed: boolean }>;
  close(): Promise<void>;
}

export function createRateLimiter(config: RateLimitConfig, redis?: RedisConfig): RateLimiter {
  const options = { points: config.points, duration: config.windowSeconds };
  const memory = new RateLimiterMemory(options);
  const client = redis ? new Redis(redis.url, { maxRetriesPerRequest: 2, enableOfflineQueue: false }) : null;
  // With Redis down, each process keeps counting on its own rather than refusing everyone.
  const limiter = client
    ? new RateLimiterRedis({
        ...options,
        storeClient: client,
        keyPrefix: `${redis!.keyPrefix}ratelimit`,
        insuranceLimiter: memory,
      })
    : memory;
  const state = (result: RateLimiterRes, cost: number, allowed: boolean) => ({
    limit: config.points,
    remaining: Math.max(0, result.remainingPoints),
    cost,
    resetAt: new Date(Date.now() + result.msBeforeNext),
    allowed,
  });
  return {
    async consume(key, cost) {
      try {
        return state(await limiter.consume(key, cost), cost, true);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return state(rejection, cost, false);
        throw rejection;
      }
    },
    close: async () => void (await client?.quit()),
  };
}

function rateLimited(state: RateLimitState): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil((state.resetAt.getTime() - Date.now()) / 1000));
  return new GraphQLError(
    `This operation costs ${state.cost} of your budget of ${state.limit} per window; ${state.remaining} is left until ${state.resetAt.toISOString()}`,
    {
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        cost: state.cost,
        remaining: state.remaining,
        resetAt: state.resetAt.toISOString(),
        http: { status: 429, headers: { "Retry-After": String(retryAfter) } },
      },
    },
  );
}

/**
 * Who spends the budget: the key or token subject; at the gateway, which does not verify
 * credentials itself, the credential's hash; else the address it came from.
 */
function clientKey(context: Context, request: Request): string {
  if (context.actor) return context.actor.id;
  const authorization = request.headers.get("authorization");
  if (authorization) return `credential:${createHash("sha256").update(authorization).digest("hex").slice(0, 32)}`;
  const address = (context as Context & { req?: { socket?: { remoteAddress?: string } } }).req?.socket?.remoteAddress;
  return `anonymous:${address ?? request.headers.get("x-forwarded-for") ?? "unknown"}`;
}

export function useRateLimit(limiter: RateLimiter): Plugin<Context> {
  const spent = new WeakMap<Request, RateLimitState>();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as Context & { request: Request };
      const cost = operationCost(args.schema, args.document, args.variableValues);
      const state = await limiter.consume(clientKey(context, context.request), cost);
      spent.set(context.request, state);
      context.rateLimit = state;
      if (!state.allowed) setResultAndStopExecution({ errors: [rateLimited(state)] });
    },
    onResponse({ request, response }) {
      const state = spent.get(request);
      if (!state) return;
      response.headers.set("x-ratelimit-limit", String(state.limit));
      response.headers.set("x-ratelimit-remaining", String(state.remaining));
      response.headers.set("x-ratelimit-used", String(state.limit - state.remaining));
      response.headers.set("x-ratelimit-reset", String(Math.ceil(state.resetAt.getTime() / 1000)));
    },
  };
}
