import { TownNameKind as TownNameKindValues } from "../../generated/prisma/index.js";
import { inIdOrder, plannedQuery } from "../../sql-plan/annotations.js";
import { builder, entityId, entityIn, keyField } from "../builder.js";
import { localizedText, translations } from "../common/localized-fields.js";
import { pageSize } from "../common/pagination.js";
import { QuantityQualifier, quantityField } from "../common/quantity.js";
import { sourcesField } from "../common/sources.js";
import { historyField } from "../contributions/contribution.js";
import { newsAboutField } from "../news/news-about.js";
import { alsoWhereListed } from "./listed.js";

export const TownNameKind = builder.enumType(TownNameKindValues, {
  name: "TownNameKind",
  description:
    "ASCII: the name without diacritics; EXONYM: the name in another language (Pasov for Passau); SOURCE_SPELLING: how a source document spells it (Wells for Wels); ALTERNATE: other names, as GeoNames records them or a town's editors add them.",
  values: {
    ASCII: { description: "The name without diacritics (Ceske Budejovice for České Budějovice)." },
    EXONYM: { description: "The name in another language (Pasov for Passau)." },
    SOURCE_SPELLING: { description: "How a source document spells the town, where it differs (Wells for Wels)." },
    ALTERNATE: { description: "Another name, as GeoNames records it or the town's editors add it." },
  },
});

export const TownName = builder.prismaObject("TownName", {
  select: { id: true },
  description: "Another name of a town: exonym, source spelling, transliteration.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The name." }),
    kind: t.expose("kind", {
      type: TownNameKind,
      description: "Exonym, source spelling, ASCII or other alternate name.",
    }),
    lang: t.exposeString("lang", { nullable: true, description: "ISO 639-1 language, where known." }),
    sources: sourcesField(t, "TOWN_NAME"),
  }),
});

export const PopulationFigure = builder.prismaObject("PopulationFigure", {
  select: { id: true },
  description:
    "A population figure with its source: GeoNames counts the settlement, documents may state the municipality.",
  fields: (t) => ({
    value: t.exposeInt("value", { description: "Inhabitants." }),
    qualifier: t.expose("qualifier", { type: QuantityQualifier, description: "Exact, about, almost or more than." }),
    quantity: quantityField(t, "The figure with its qualifier.", ["value", "qualifier"], false),
    year: t.exposeInt("year", { nullable: true, description: "Year the figure refers to, when the source gives one." }),
    statedOn: t.expose("statedOn", {
      type: "Date",
      nullable: true,
      description: "When the source published or last updated it.",
    }),
    source: t.relation("source", { description: "Who states the figure." }),
    sources: sourcesField(t, "POPULATION_FIGURE"),
  }),
});

export const Town = builder.prismaNode("Town", {
  select: { id: true },
  ...entityIn("places"),
  id: entityId("id"),
  description: "A town or city, enriched from GeoNames (CC BY 4.0), with its cooperation ties.",
  fields: (t) => ({
    slug: t.exposeString("slug", { ...keyField, description: "URL-safe unique key (opava, ceske-budejovice)." }),
    name: t.exposeString("name", { ...alsoWhereListed, description: "Canonical local name with diacritics." }),
    asciiName: t.exposeString("asciiName", { description: "The name without diacritics." }),
    description: localizedText(t, "description", "What the town says about itself (its editors write it)."),
    descriptionTranslations: translations(t, "description", "What the town says about itself"),
    website: t.exposeString("website", { nullable: true, description: "The town's website, as its editors give it." }),
    publicContact: t.exposeString("publicContact", {
      nullable: true,
      description: "A contact for partner towns (an office's e-mail or phone), as its editors give it.",
    }),
    privateContact: t.exposeString("privateContact", {
      nullable: true,
      authScopes: (town) => ({ townEditor: town.id }),
      description: "A contact for the town's own editors: for them and admins only.",
    }),
    profileVersion: t.exposeInt("profileVersion", {
      description: "Pass it as expectedVersion to updateTownProfile.",
    }),
    country: t.relation("country", { ...alsoWhereListed, description: "The town's country." }),
    region: t.exposeString("region", {
      nullable: true,
      description: "First-level administrative division (GeoNames).",
    }),
    subregion: t.exposeString("subregion", {
      nullable: true,
      description: "Second-level administrative division, e.g. province or district (GeoNames).",
    }),
    population: t.exposeInt("population", {
      ...alsoWhereListed,
      nullable: true,
      description: "GeoNames population of the settlement; see populationFigures for every figure with its source.",
    }),
    populationFigures: t.relation("populationFigures", {
      description: "Every population figure with its source.",
      ...inIdOrder,
    }),
    latitude: t.exposeFloat("latitude", { description: "Latitude, WGS84 degrees (GeoNames)." }),
    longitude: t.exposeFloat("longitude", { description: "Longitude, WGS84 degrees (GeoNames)." }),
    elevation: t.exposeInt("elevation", { nullable: true, description: "Metres above sea level (GeoNames)." }),
    timezone: t.exposeString("timezone", { nullable: true, description: "IANA time zone." }),
    geonameId: t.exposeInt("geonameId", {
      nullable: true,
      description: "GeoNames id (https://www.geonames.org/<id>).",
    }),
    alternateNames: t.relation("names", {
      description: "Exonyms, source spellings and other names, optionally of some kinds only.",
      args: {
        kinds: t.arg({
          type: [TownNameKind],
          required: false,
          description: "Only names of these kinds; all when omitted.",
        }),
      },
      ...plannedQuery((args) => ({
        where: args.kinds ? { kind: { in: args.kinds as TownNameKindValues[] } } : {},
        orderBy: [{ kind: "asc" as const }, { name: "asc" as const }],
      })),
    }),
    memberships: t.relatedConnection("memberships", {
      ...pageSize,
      ...inIdOrder,
      cursor: "id",
      totalCount: true,
      description: "Network memberships.",
    }),
    hostedEvents: t.relatedConnection("hostedEvents", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "Events held in this town, latest first.",
      ...plannedQuery(() => ({
        orderBy: [{ dateStart: { sort: "desc" as const, nulls: "last" as const } }, { id: "asc" as const }],
      })),
    }),
    eventParticipations: t.relatedConnection("eventRoles", {
      ...pageSize,
      ...inIdOrder,
      cursor: "id",
      totalCount: true,
      description: "Events this town is named as taking part in.",
    }),
    projects: t.relatedConnection("projects", {
      ...pageSize,
      ...inIdOrder,
      cursor: "id",
      totalCount: true,
      description: "Projects this town takes part in.",
    }),
    partnerSearches: t.relatedConnection("partnerSearches", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "Partner searches this town has published, latest first.",
      ...plannedQuery(() => ({ orderBy: [{ postedOn: "desc" as const }, { id: "asc" as const }] })),
    }),
    agreementsSigned: t.relatedConnection("signatures", {
      ...pageSize,
      ...inIdOrder,
      cursor: "id",
      totalCount: true,
      description: "Agreements and declarations this town signed.",
    }),
    organisations: t.relation("organisations", { description: "Organisations based in this town." }),
    initiatedNetworks: t.relation("initiatedNetworks", { description: "Networks founded on this town's initiative." }),
    news: newsAboutField(t, "TOWN"),
    history: historyField(t, "Town", "town's profile and names", (town) => ({ townEditor: town.id })),
    sources: sourcesField(t, "TOWN"),
  }),
});
