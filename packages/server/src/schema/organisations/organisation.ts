import { OrganisationKind as OrganisationKindValues } from "../../generated/prisma/index.js";
import { builder, entityId, entityIn } from "../builder.js";
import { localizedText, requiredLocalizedText, translations } from "../common/localized-fields.js";
import { pageSize } from "../common/pagination.js";
import { sourcesField } from "../common/sources.js";
import { newsAboutField } from "../news/news-about.js";

export const OrganisationKind = builder.enumType(OrganisationKindValues, {
  name: "OrganisationKind",
  description: "What kind of body an organisation is.",
  values: {
    MUNICIPAL_ASSOCIATION: { description: "An association of municipalities." },
    EUROPEAN_ASSOCIATION: { description: "A European association." },
    INTERNATIONAL_ORGANISATION: { description: "An international organisation." },
    INTERNATIONAL_ASSEMBLY: { description: "An international assembly." },
    GOVERNMENT_BODY: { description: "A body of a national government." },
    NATIONAL_AGENCY: { description: "A national agency." },
    REGIONAL_MANAGEMENT: { description: "A regional management body." },
    DEVELOPMENT_AGENCY: { description: "A development agency." },
    RESEARCH_CENTRE: { description: "A research centre." },
    YOUTH_ORGANISATION: { description: "A youth organisation." },
  },
});

export const Organisation = builder.prismaNode("Organisation", {
  select: { id: true },
  ...entityIn("organisations"),
  id: entityId("id"),
  description: "An association, agency, assembly or public body active in municipal cooperation.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "URL-safe unique key, for the root lookup by slug." }),
    name: requiredLocalizedText(t, "names", "Name in the given language, else the original."),
    nameTranslations: translations(t, "names", "The name"),
    acronym: t.exposeString("acronym", { nullable: true, description: "Short name (CEMR)." }),
    kind: t.expose("kind", { type: OrganisationKind, description: "What kind of body it is." }),
    description: localizedText(t, "description", "What the sources say the organisation does."),
    country: t.relation("country", { nullable: true, description: "Country it is based in." }),
    town: t.relation("town", { nullable: true, description: "The town it is based in, where a source says." }),
    parent: t.relation("parent", {
      nullable: true,
      description: "The body it belongs to (CLRAE → Council of Europe).",
    }),
    children: t.relation("children", { description: "Bodies that belong to it." }),
    contactName: t.exposeString("contactName", { nullable: true, description: "Contact person a source names." }),
    declaredMemberCount: t.exposeInt("declaredMembers", {
      nullable: true,
      description: "Members a source states, for associations of towns.",
    }),
    projectPartnerships: t.relatedConnection("projectRoles", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "Projects it leads or is a partner of.",
    }),
    organisedEvents: t.relatedConnection("organisedEvents", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "Events it organises.",
    }),
    fundingCalls: t.relatedConnection("fundingCalls", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "Funding calls it has issued.",
    }),
    managedProgrammes: t.relation("programmes", { description: "Programmes it manages." }),
    news: newsAboutField(t, "ORGANISATION"),
    sources: sourcesField(t, "ORGANISATION"),
  }),
});
