// A network's membership as its secretariat changes it: towns joining and leaving. Public, like
// the network's `memberships`.
import type { LiveEvent } from "../../live/pubsub.js";
import { writesOfKind } from "../../live/writes.js";
import { builder, rootIn } from "../builder.js";
import { notFound } from "../common/errors.js";

builder.subscriptionFields((t) => ({
  membershipChanged: t.prismaField({
    ...rootIn("networks"),
    type: "Membership",
    description: "Memberships of a network as they are added or ended (`left` tells which).",
    args: { network: t.arg.string({ required: true, description: "The network's slug." }) },
    subscribe: async (_root, args, ctx) => {
      const network = await ctx.prisma.network.findUnique({ where: { slug: args.network }, select: { id: true } });
      if (!network) throw notFound("network", `slug ${args.network}`);
      return writesOfKind(
        ctx,
        "MEMBERSHIP_CHANGED",
        async (event) =>
          (await ctx.prisma.membership.count({ where: { id: event.recordId, networkId: network.id } })) > 0,
      );
    },
    resolve: (query, event: LiveEvent, _args, ctx) =>
      ctx.prisma.membership.findUniqueOrThrow({ ...query, where: { id: event.recordId } }),
  }),
}));
