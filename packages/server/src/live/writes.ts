// Subscription helpers: the committed writes a subscriber waits for, each checked with the
// subscriber's own context.
import type { Context } from "../schema/context.js";
import type { LiveEvent } from "./pubsub.js";

type Matches = (event: LiveEvent) => boolean | Promise<boolean>;

/** Committed writes that `matches` accepts. */
export const writes = (ctx: Context, matches: Matches): AsyncIterable<LiveEvent> => ctx.live.subscribe(matches);

/** Committed writes by any of `mutations` that `matches` accepts. */
export const writesBy = (ctx: Context, mutations: readonly string[], matches: Matches = () => true) =>
  writes(ctx, (event) => mutations.includes(event.mutation) && matches(event));
