import { PartnershipKind as KindValues, PartnerSearchStatus as StatusValues } from "../../generated/prisma/index.js";
import { builder, entityId, entityIn } from "../builder.js";
import { localizedText, translations } from "../common/localized-fields.js";
import { sourcesField } from "../common/sources.js";
import { newsAboutField } from "../news/news-about.js";
import { Country } from "../places/country.js";

export const PartnershipKind = builder.enumType(KindValues, {
  name: "PartnershipKind",
  description: "TWINNING: a partner town for a lasting partnership; COOPERATION: partners for a specific activity.",
});

export const PartnerSearchStatus = builder.enumType(StatusValues, {
  name: "PartnerSearchStatus",
  description: "Status as last stated by a source (see statusAsOf).",
});

export const PartnerSearch = builder.prismaNode("PartnerSearch", {
  select: { id: true },
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
    wantedCountries: t.field({
      type: [Country],
      description: "Countries partners should come from; empty when any.",
      select: { wantedCountries: { select: { country: true }, orderBy: { countryCode: "asc" } } },
      resolve: (s) => s.wantedCountries.map((c) => c.country),
    }),
    topics: t.relation("topics", {
      query: { orderBy: { id: "asc" } },
      description: "Fields the town wants to cooperate in.",
    }),
    status: t.expose("status", { type: PartnerSearchStatus, description: "Open or closed, as last stated." }),
    statusAsOf: t.expose("statusAsOf", { type: "Date", description: "When a source last stated the status." }),
    news: newsAboutField(t, "PARTNER_SEARCH"),
    sources: sourcesField(t, "PARTNER_SEARCH"),
  }),
});
