import { ProgrammeKind as ProgrammeKindValues } from "../../generated/prisma/index.js";
import { builder, entityId, entityIn } from "../builder.js";
import { localizedText, requiredLocalizedText, translations } from "../common/localized-fields.js";
import { pageSize } from "../common/pagination.js";
import { sourcesField } from "../common/sources.js";
import { countriesThrough } from "../places/country.js";

export const ProgrammeKind = builder.enumType(ProgrammeKindValues, {
  name: "ProgrammeKind",
  description:
    "EU fund (ERDF), EU programme (URBACT), operational programme (Interreg), policy initiative, financial mechanism, fund, climate initiative.",
  values: {
    EU_FUND: { description: "A fund of the European Union." },
    EU_PROGRAMME: { description: "A programme of the European Union." },
    OPERATIONAL_PROGRAMME: { description: "An operational programme (cross-border or national)." },
    POLICY_INITIATIVE: { description: "A policy initiative." },
    FINANCIAL_MECHANISM: { description: "A financial mechanism." },
    FUND: { description: "A fund that is not the EU's." },
    CLIMATE_INITIATIVE: { description: "A climate initiative." },
  },
});

export const Programme = builder.prismaNode("Programme", {
  select: { id: true },
  ...entityIn("organisations"),
  id: entityId("id"),
  description: "A funding instrument or programme: EU funds, Interreg operational programmes, EEA/Norway Grants…",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "URL-safe unique key, for the root lookup by slug." }),
    name: requiredLocalizedText(t, "names", "Name in the given language, else the original."),
    nameTranslations: translations(t, "names", "The name"),
    acronym: t.exposeString("acronym", { nullable: true, description: "Short name (ERDF)." }),
    kind: t.expose("kind", { type: ProgrammeKind, description: "What kind of instrument it is." }),
    description: localizedText(t, "description", "What the sources say about it."),
    startYear: t.exposeInt("startYear", { nullable: true, description: "First year of a programming period." }),
    endYear: t.exposeInt("endYear", { nullable: true, description: "Last year of a programming period." }),
    parent: t.relation("parent", { nullable: true, description: "The programme it belongs to." }),
    children: t.relation("children", { description: "Funds or sub-programmes that belong to it." }),
    managingBody: t.relation("managingBody", { nullable: true, description: "The body that runs it." }),
    countries: countriesThrough(t, "countries", "Countries the programme covers, as the sources state."),
    projects: t.relatedConnection("projects", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "Projects run under this programme.",
    }),
    fundedProjects: t.relatedConnection("fundedProjects", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "Projects co-financed by this fund.",
    }),
    fundingCalls: t.relatedConnection("fundingCalls", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "Calls issued under it.",
    }),
    sources: sourcesField(t, "PROGRAMME"),
  }),
});
