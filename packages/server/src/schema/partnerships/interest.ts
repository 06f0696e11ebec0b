// A town's answer to another town's partner search. Only the editors of the two towns (and
// admins) may see it: its message, its contact and that it exists at all.

import { editsTown } from "../../auth/identity.js";
import { InterestStatus as InterestStatusValues } from "../../generated/prisma/index.js";
import { builder, entityId, entityIn } from "../builder.js";
import { localizedText, translations } from "../common/localized-fields.js";
import { historyField } from "../contributions/contribution.js";

export const InterestStatus = builder.enumType(InterestStatusValues, {
  name: "InterestStatus",
  description: "PENDING until the requesting town's editor accepts or declines it.",
  values: {
    PENDING: { description: "Not yet answered by the requesting town." },
    ACCEPTED: { description: "Accepted by the requesting town's editor." },
    DECLINED: { description: "Declined by the requesting town's editor." },
  },
});

export const PartnerSearchInterest = builder.prismaNode("PartnerSearchInterest", {
  // What the visibility rule reads is loaded whatever the query asks.
  select: { id: true, townId: true, partnerSearchId: true, partnerSearch: { select: { townId: true } } },
  ...entityIn("partnerships"),
  id: entityId("id"),
  description:
    "A town's interest in a partner search, with its message and contact. Visible to the editors of the requesting and the answering town, and to admins.",
  authScopes: async (interest: { townId: number; partnerSearchId: number; partnerSearch?: { townId: number } }, ctx) =>
    editsTown(ctx.actor, interest.townId) ||
    // A federation reference brings the bare row, without the search's town.
    editsTown(
      ctx.actor,
      interest.partnerSearch?.townId ??
        (
          await ctx.prisma.partnerSearch.findUniqueOrThrow({
            where: { id: interest.partnerSearchId },
            select: { townId: true },
          })
        ).townId,
    ),
  fields: (t) => ({
    partnerSearch: t.relation("partnerSearch", { description: "The partner search it answers." }),
    town: t.relation("town", { description: "The answering town." }),
    message: localizedText(t, "message", "The message in the given language, else as written."),
    messageTranslations: translations(t, "message", "The message"),
    contactName: t.exposeString("contactName", {
      nullable: true,
      description: "Whom to contact in the answering town.",
    }),
    contactEmail: t.exposeString("contactEmail", { nullable: true, description: "Their e-mail address." }),
    status: t.expose("status", { type: InterestStatus, description: "Pending, accepted or declined." }),
    version: t.exposeInt("version", { description: "Pass it as expectedVersion to respondToInterest." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the interest was expressed." }),
    respondedAt: t.expose("respondedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the requesting town answered.",
    }),
    // Whoever may see the interest (the type's rule above) may see its history.
    history: historyField(t, "PartnerSearchInterest", "interest", () => ({ authenticated: true })),
  }),
});
