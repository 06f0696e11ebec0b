// Funding calls as programmes and funders publish them. Public, like `fundingCalls`.
import type { LiveEvent } from "../../live/pubsub.js";
import { writesOfKind } from "../../live/writes.js";
import { builder, rootIn } from "../builder.js";
import { publishedMatches } from "./published-filter.js";

export const FundingCallPublishedFilter = builder.inputType("FundingCallPublishedFilter", {
  description: "Which new funding calls to hear of; all given conditions must hold.",
  fields: (t) => ({
    countries: t.stringList({
      required: false,
      description: "Applicants from one of these countries (ISO alpha-2) are eligible.",
    }),
    programmes: t.stringList({ required: false, description: "The call is under one of these programmes (slugs)." }),
  }),
});

builder.subscriptionFields((t) => ({
  fundingCallPublished: t.prismaField({
    ...rootIn("funding"),
    type: "FundingCall",
    description: "Funding calls as they are published, those the filter accepts (all when omitted).",
    args: { filter: t.arg({ type: FundingCallPublishedFilter, description: "Which calls; all when omitted." }) },
    subscribe: (_root, { filter }, ctx) =>
      writesOfKind(ctx, "FUNDING_CALL_PUBLISHED", (event) => publishedMatches(ctx.read, event.recordId, filter)),
    resolve: (query, event: LiveEvent, _args, ctx) =>
      ctx.prisma.fundingCall.findUniqueOrThrow({ ...query, where: { id: event.recordId } }),
  }),
}));
