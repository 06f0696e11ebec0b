// Any public record, as writes change it: what a partner portal follows instead of polling.

import { forbidden } from "../../auth/identity.js";
import type { LiveEvent } from "../../live/pubsub.js";
import { writes } from "../../live/writes.js";
import { builder, loadNode, rootIn } from "../builder.js";

/** The types a write announces that anyone may read; interests and twinnings may be private. */
const PUBLIC_WRITTEN_TYPES = new Set([
  "Town",
  "PartnerSearch",
  "Membership",
  "Event",
  "Project",
  "FundingCall",
  "NewsItem",
]);

builder.subscriptionField("recordChanged", (t) =>
  t.field({
    ...rootIn("graph"),
    type: builder.nodeInterfaceRef(),
    description:
      "A public record each time a write changes it (towns, partner searches, memberships, events, projects, funding calls, news). FORBIDDEN for a type that may be private (interests, twinnings).",
    args: { id: t.arg.globalID({ required: true, description: "The record's global id." }) },
    subscribe: (_root, { id }, ctx) => {
      if (!PUBLIC_WRITTEN_TYPES.has(id.typename))
        throw forbidden(`recordChanged follows public records only, not ${id.typename}`);
      return writes(ctx, (event) => event.recordType === id.typename && String(event.recordId) === id.id);
    },
    resolve: (_event: LiveEvent, { id }, ctx, info) => loadNode(id, ctx, info) as never,
  }),
);
