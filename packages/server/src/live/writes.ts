// Subscription helpers: the committed writes a subscriber waits for, each checked with the
// subscriber's own context.
import type { WebhookEvent } from "../generated/prisma/index.js";
import type { Context } from "../schema/context.js";
import { kindsOf } from "./kinds.js";
import type { LiveEvent } from "./pubsub.js";

type Matches = (event: LiveEvent) => boolean | Promise<boolean>;

/** Committed writes that `matches` accepts. */
export const writes = (ctx: Context, matches: Matches): AsyncIterable<LiveEvent> => ctx.live.subscribe(matches);

/** Committed writes of one kind (live/kinds.ts) that `matches` accepts. */
export const writesOfKind = (ctx: Context, kind: WebhookEvent, matches: Matches = () => true) =>
  writes(ctx, (event) => kindsOf(event).includes(kind) && matches(event));
