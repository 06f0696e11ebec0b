// Any public record, as writes change it: what a partner portal follows instead of polling.
import { forbidden } from "../../auth/identity.js";
import { PUBLIC_WRITTEN_TYPES } from "../../live/kinds.js";
import type { LiveEvent } from "../../live/pubsub.js";
import { writesOfKind } from "../../live/writes.js";
import { builder, loadNode, rootIn } from "../builder.js";

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
      return writesOfKind(
        ctx,
        "RECORD_CHANGED",
        (event) => event.recordType === id.typename && String(event.recordId) === id.id,
      );
    },
    resolve: (_event: LiveEvent, { id }, ctx, info) => loadNode(id, ctx, info) as never,
  }),
);
