import { plannedQuery } from "../../sql-plan/annotations.js";
import { builder, entityId, entityIn } from "../builder.js";
import { localizedText, requiredLocalizedText, translations } from "../common/localized-fields.js";
import { pageSize } from "../common/pagination.js";
import { sourcesField } from "../common/sources.js";
import { EventOrder, type EventOrderValue, eventOrder } from "../events/event-order.js";
import { countriesThrough } from "../places/country.js";

export const Network = builder.prismaNode("Network", {
  select: { id: true },
  ...entityIn("networks"),
  id: entityId("id"),
  description: "A network of towns: members, conferences, declared size.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "URL-safe unique key, for the root lookup by slug." }),
    name: requiredLocalizedText(t, "names", "Name in the given language, else the original."),
    nameTranslations: translations(t, "names", "The name"),
    description: localizedText(t, "description", "Purpose and character, as the sources state."),
    foundedYear: t.exposeInt("foundedYear", { nullable: true, description: "Year the network was founded." }),
    initiatorTown: t.relation("initiatorTown", {
      nullable: true,
      description: "The town on whose initiative it was founded.",
    }),
    homeCountry: t.relation("homeCountry", { nullable: true, description: "For national networks." }),
    declaredMemberCount: t.exposeInt("declaredMemberCount", {
      nullable: true,
      description: "Members the sources state (34). `memberships.totalCount` counts only those named.",
    }),
    declaredCountries: countriesThrough(
      t,
      "declaredCountries",
      "Countries the members come from, as the sources state (13).",
    ),
    meetingPattern: localizedText(
      t,
      "meetingPattern",
      "How often the network meets (twice a year, spring and autumn).",
    ),
    memberships: t.relatedConnection("memberships", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "Named member towns, founding members first.",
      ...plannedQuery(() => ({ orderBy: [{ role: "asc" as const }, { id: "asc" as const }] })),
    }),
    events: t.relatedConnection("events", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "The network's conferences and other events.",
      args: {
        order: t.arg({
          type: EventOrder,
          defaultValue: "DATE_DESC",
          description: "By date, newest first unless asked.",
        }),
      },
      ...plannedQuery((args) => ({ orderBy: eventOrder(args.order as EventOrderValue | null) })),
    }),
    featuredAt: t.relation("featuredAt", { description: "Events that feature this network." }),
    sources: sourcesField(t, "NETWORK"),
  }),
});
