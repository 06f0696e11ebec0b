import { PartnershipKind as KindValues, PartnerSearchStatus as StatusValues } from "../../generated/prisma/index.js";
import { computedFrom, inIdOrder } from "../../sql-plan/annotations.js";
import { builder, entityId, entityIn } from "../builder.js";
import { localizedText, translations } from "../common/localized-fields.js";
import { sourcesField } from "../common/sources.js";
import { historyField } from "../contributions/contribution.js";
import { newsAboutField } from "../news/news-about.js";
import { countriesThrough } from "../places/country.js";

export const PartnershipKind = builder.enumType(KindValues, {
  name: "PartnershipKind",
  description: "TWINNING: a partner town for a lasting partnership; COOPERATION: partners for a specific activity.",
  values: {
    TWINNING: { description: "A partner town for a lasting partnership." },
    COOPERATION: { description: "Partners for a specific activity." },
  },
});

export const PartnerSearchStatus = builder.enumType("PartnerSearchStatus", {
  description: "Status as last stated by a source (see statusAsOf), or as its town's editor set it.",
  values: {
    OPEN: { value: StatusValues.OPEN, description: "Looking for partners." },
    CLOSED: { value: StatusValues.CLOSED, description: "Closed, as a source states." },
    MATCHED: { value: StatusValues.MATCHED, description: "Closed: a partner was found." },
    WITHDRAWN: { value: StatusValues.WITHDRAWN, description: "Closed: the town no longer looks." },
    EXPIRED: { value: "EXPIRED", description: "Open, but its validUntil has passed." },
  } as const,
});

/** The status a search shows: an open one past its validUntil has expired. */
export function shownStatus(search: { status: StatusValues; validUntil: Date | null }, today = new Date()) {
  const day = today.toISOString().slice(0, 10);
  return search.status === "OPEN" && search.validUntil && search.validUntil.toISOString().slice(0, 10) < day
    ? "EXPIRED"
    : search.status;
}

export const PartnerSearch = builder.prismaNode("PartnerSearch", {
  // The requesting town: who may see the interests and the history.
  select: { id: true, townId: true },
  ...entityIn("partnerships"),
  id: entityId("id"),
  description: "A town looking for partner towns: what it offers, whom it wants.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "URL-safe unique key, for the root lookup by slug." }),
    town: t.relation("town", { description: "The requesting town." }),
    kind: t.expose("kind", { type: PartnershipKind, description: "Twinning or cooperation on a specific activity." }),
    postedOn: t.expose("postedOn", { type: "Date", description: "When the search was published." }),
    description: localizedText(t, "description", "The request in the given language, else the original wording."),
    descriptionTranslations: translations(t, "description", "The request"),
    wantedPopulationMin: t.exposeInt("wantedPopulationMin", {
      nullable: true,
      description: "Smallest population a partner should have.",
    }),
    wantedPopulationMax: t.exposeInt("wantedPopulationMax", {
      nullable: true,
      description: "Largest population a partner should have.",
    }),
    wantedCountries: countriesThrough(t, "wantedCountries", "Countries partners should come from; empty when any."),
    topics: t.relation("topics", {
      ...inIdOrder,
      description: "Fields the town wants to cooperate in.",
    }),
    status: t.field({
      type: PartnerSearchStatus,
      description: "Open, closed, matched, withdrawn, or expired (open past validUntil).",
      select: { status: true, validUntil: true },
      extensions: computedFrom(["status", "validUntil"], (search) => shownStatus(search)),
      resolve: (search) => shownStatus(search),
    }),
    validUntil: t.expose("validUntil", {
      type: "Date",
      nullable: true,
      description: "Until when the request stands (searches posted through the API).",
    }),
    version: t.exposeInt("version", { description: "Pass it as expectedVersion to update or close the search." }),
    interests: t.relation("interests", {
      description: "Towns' answers, oldest first: for the requesting town's editors and admins only.",
      authScopes: (search) => ({ townEditor: search.townId }),
      query: { orderBy: { id: "asc" } },
    }),
    history: historyField(t, "PartnerSearch", "search", (search) => ({ townEditor: search.townId })),
    statusAsOf: t.expose("statusAsOf", { type: "Date", description: "When a source last stated the status." }),
    news: newsAboutField(t, "PARTNER_SEARCH"),
    sources: sourcesField(t, "PARTNER_SEARCH"),
  }),
});
