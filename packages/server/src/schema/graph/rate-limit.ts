// The caller's cost budget, as the server counts it (src/rate-limit.ts): what this operation
// cost and what is left until the window ends.
import type { RateLimitState } from "../../rate-limit.js";
import { builder, rootIn } from "../builder.js";

const RateLimit = builder.objectRef<RateLimitState>("RateLimit").implement({
  description: "The caller's cost budget for the current window (also in the x-ratelimit-* response headers).",
  fields: (t) => ({
    limit: t.exposeInt("limit", { description: "Points a client may spend per window." }),
    cost: t.exposeInt("cost", {
      description: "What this operation cost: one point per field, times the page sizes it is nested in.",
    }),
    remaining: t.exposeInt("remaining", { description: "Points left in this window, after this operation." }),
    resetAt: t.expose("resetAt", {
      type: "DateTime",
      description: "When the window ends and the budget is whole again.",
    }),
  }),
});

builder.queryField("rateLimit", (t) =>
  t.field({
    ...rootIn("graph"),
    type: RateLimit,
    nullable: true,
    description: "The caller's cost budget after this operation; null when the server sets no limit.",
    resolve: (_root, _args, ctx) => ctx.rateLimit ?? null,
  }),
);
