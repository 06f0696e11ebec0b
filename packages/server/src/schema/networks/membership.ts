import { MembershipRole as MembershipRoleValues } from "../../generated/prisma/index.js";
import { builder, entityId, entityIn } from "../builder.js";
import { localizedText } from "../common/localized-fields.js";
import { partialDateField } from "../common/partial-date.js";
import { sourcesField } from "../common/sources.js";
import { historyField } from "../contributions/contribution.js";

export const MembershipRole = builder.enumType(MembershipRoleValues, {
  name: "MembershipRole",
  description: "Founding member or member.",
  values: {
    FOUNDING_MEMBER: { description: "Among the towns that founded the network, as a source states." },
    MEMBER: { description: "A member." },
  },
});

export const Membership = builder.prismaNode("Membership", {
  // The network: whose secretariat may see the history.
  select: { id: true, networkId: true },
  ...entityIn("networks"),
  id: entityId("id"),
  description: "A town's membership of a network.",
  fields: (t) => ({
    town: t.relation("town", { description: "The member town." }),
    network: t.relation("network", { description: "The network." }),
    role: t.expose("role", { type: MembershipRole, description: "Founding member or member." }),
    joined: partialDateField(
      t,
      "When it joined, as precisely as the source says (December 2004); null when the source does not say.",
      ["joinedPrecision", "joinedStart", "joinedEnd"],
    ),
    left: partialDateField(t, "When it ended, if it has (written by the network's secretariat).", [
      "leftPrecision",
      "leftStart",
      "leftEnd",
    ]),
    version: t.exposeInt("version", { description: "Pass it as expectedVersion to endMembership." }),
    note: localizedText(t, "note", "How the membership came about (approved by the city council)."),
    history: historyField(t, "Membership", "membership", (membership) => ({
      networkSecretariat: membership.networkId,
    })),
    sources: sourcesField(t, "MEMBERSHIP"),
  }),
});
