// Twinnings and partnerships between two towns (Wikidata P190): one record per pair, shown from
// both towns. Proposed by an editor of one town; public once an editor of the other confirms.

import { editsTown } from "../../auth/identity.js";
import { TwinningKind as TwinningKindValues } from "../../generated/prisma/index.js";
import { builder, entityId, entityIn } from "../builder.js";
import { partialDateField } from "../common/partial-date.js";
import { sourcesField } from "../common/sources.js";
import { historyField } from "../contributions/contribution.js";
import { Town } from "../places/town.js";

export const TwinningKind = builder.enumType(TwinningKindValues, {
  name: "TwinningKind",
  description:
    "TWINNING: a formal twinning; PARTNERSHIP: a partnership or friendship; COOPERATION: on a defined field.",
  values: {
    TWINNING: { description: "A formal twinning of two towns." },
    PARTNERSHIP: { description: "A partnership or friendship of two towns." },
    COOPERATION: { description: "Cooperation on a defined field." },
  },
});

const TwinningStatus = builder.enumType("TwinningStatus", {
  description: "Whether the second town has confirmed it.",
  values: {
    PROPOSED: { value: "PROPOSED", description: "Proposed by one town: seen by the two towns' editors only." },
    CONFIRMED: { value: "CONFIRMED", description: "Confirmed by the other town: public." },
  } as const,
});

type TwinningRow = { townAId: number; townBId: number; confirmedAt: Date | null };

/** A proposed twinning is for the two towns' editors (and admins); a confirmed one is public. */
export const seesTwinning = (twinning: TwinningRow, actor: Parameters<typeof editsTown>[0]) =>
  twinning.confirmedAt !== null || editsTown(actor, twinning.townAId) || editsTown(actor, twinning.townBId);

export const Twinning = builder.prismaNode("Twinning", {
  // What the visibility rule reads is loaded whatever the query asks.
  select: { id: true, townAId: true, townBId: true, confirmedAt: true },
  ...entityIn("partnerships"),
  id: entityId("id"),
  description: "A twinning or partnership between two towns, the same record from both sides.",
  authScopes: (twinning, ctx) => seesTwinning(twinning, ctx.actor),
  fields: (t) => ({
    towns: t.field({
      type: [Town],
      description: "The two towns, in no particular order of rank.",
      select: { townA: true, townB: true },
      resolve: (twinning) => [twinning.townA, twinning.townB],
    }),
    kind: t.expose("kind", { type: TwinningKind, description: "Twinning, partnership or cooperation." }),
    status: t.field({
      type: TwinningStatus,
      description: "Proposed, or confirmed by the second town.",
      resolve: (twinning) => (twinning.confirmedAt ? "CONFIRMED" : "PROPOSED"),
    }),
    since: partialDateField(t, "When it began, as precisely as known.", ["startPrecision", "startStart", "startEnd"]),
    until: partialDateField(t, "When it ended, if it has.", ["endPrecision", "endStart", "endEnd"]),
    agreement: t.relation("agreement", { nullable: true, description: "The agreement it rests on." }),
    proposedBy: t.relation("proposedByTown", { description: "The town whose editor proposed it." }),
    version: t.exposeInt("version", { description: "Pass it as expectedVersion to confirm or end it." }),
    history: historyField(t, "Twinning", "twinning", (twinning) => ({
      townEditorOfAny: [twinning.townAId, twinning.townBId],
    })),
    sources: sourcesField(t, "TWINNING"),
  }),
});

builder.prismaObjectField(Town, "twinnings", (t) =>
  t.field({
    type: [Twinning],
    description:
      "The town's twinnings and partnerships, from either side: confirmed ones for everyone, proposed ones for the two towns' editors too.",
    select: { id: true },
    resolve: async (town, _args, ctx) => {
      const rows = await ctx.prisma.twinning.findMany({
        where: { OR: [{ townAId: town.id }, { townBId: town.id }] },
        orderBy: { id: "asc" },
      });
      return rows.filter((row) => seesTwinning(row, ctx.actor));
    },
  }),
);
