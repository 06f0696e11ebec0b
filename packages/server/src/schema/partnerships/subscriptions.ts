// Live partner searching: new searches as towns post them (public), and the interests other
// towns express in one (for the requesting town's editors only).
import { editsTown, forbidden, unauthenticated } from "../../auth/identity.js";
import type { LiveEvent } from "../../live/pubsub.js";
import { writesOfKind } from "../../live/writes.js";
import { builder, rootIn } from "../builder.js";
import { notFound } from "../common/errors.js";
import type { Context } from "../context.js";
import { editorOf } from "../contributions/inputs.js";
import { postedMatches } from "./posted-filter.js";

export const PartnerSearchPostedFilter = builder.inputType("PartnerSearchPostedFilter", {
  description: "Which new partner searches to hear of; all given conditions must hold.",
  fields: (t) => ({
    countries: t.stringList({
      required: false,
      description: "The requesting town is in one of these countries (ISO alpha-2).",
    }),
    topics: t.stringList({ required: false, description: "The search names one of these topics (slugs)." }),
    populationMin: t.int({ required: false, description: "The requesting town has at least this many inhabitants." }),
    populationMax: t.int({ required: false, description: "The requesting town has at most this many inhabitants." }),
  }),
});

/** The partner search a subscription names, with its town (whose editors may follow it). */
const searchBySlug = (ctx: Context, slug: string) =>
  ctx.prisma.partnerSearch.findUnique({ where: { slug }, select: { id: true, town: { select: { id: true } } } });

builder.subscriptionFields((t) => ({
  partnerSearchPosted: t.prismaField({
    ...rootIn("partnerships"),
    type: "PartnerSearch",
    description:
      "Partner searches as towns post them, those the filter accepts (all when omitted). Public, like `partnerSearches`.",
    args: { filter: t.arg({ type: PartnerSearchPostedFilter, description: "Which searches; all when omitted." }) },
    subscribe: (_root, { filter }, ctx) =>
      writesOfKind(ctx, "PARTNER_SEARCH_POSTED", (event) => postedMatches(ctx.read, event.recordId, filter)),
    resolve: (query, event: LiveEvent, _args, ctx) =>
      ctx.prisma.partnerSearch.findUniqueOrThrow({ ...query, where: { id: event.recordId } }),
  }),
  interestExpressed: t.prismaField({
    ...rootIn("partnerships"),
    type: "PartnerSearchInterest",
    description:
      "Interests other towns express in a partner search, with their messages and contacts: for the requesting town's TOWN_EDITOR and admins only.",
    args: { partnerSearch: t.arg.string({ required: true, description: "The partner search's slug." }) },
    authScopes: async (_root, args, ctx) => editorOf((await searchBySlug(ctx, args.partnerSearch))?.town),
    // Checked when subscribing too: field auth scopes run per event, and a refused subscriber
    // must not hear even that events happen.
    subscribe: async (_root, args, ctx) => {
      if (!ctx.actor) throw unauthenticated();
      const search = await searchBySlug(ctx, args.partnerSearch);
      if (!search) throw notFound("partner search", `slug ${args.partnerSearch}`);
      if (!editsTown(ctx.actor, search.town.id)) throw forbidden();
      return writesOfKind(
        ctx,
        "INTEREST_EXPRESSED",
        async (event) =>
          (await ctx.prisma.partnerSearchInterest.count({
            where: { id: event.recordId, partnerSearchId: search.id },
          })) > 0,
      );
    },
    resolve: (query, event: LiveEvent, _args, ctx) =>
      ctx.prisma.partnerSearchInterest.findUniqueOrThrow({ ...query, where: { id: event.recordId } }),
  }),
}));
