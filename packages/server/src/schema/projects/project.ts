import { PartnerRole as PartnerRoleValues, type Prisma } from "../../generated/prisma/index.js";
import { computedFrom, inIdOrder, plannedQuery } from "../../sql-plan/annotations.js";
import { builder, entityId, entityIn } from "../builder.js";
import { asTexts, LANG_ARG_DESCRIPTION, LocalizedText, pickText } from "../common/localized.js";
import { localizedText, requiredLocalizedText, translations } from "../common/localized-fields.js";
import { pageSize } from "../common/pagination.js";
import { partialDateField } from "../common/partial-date.js";
import { sourcesField } from "../common/sources.js";
import { historyField } from "../contributions/contribution.js";
import { newsAboutField } from "../news/news-about.js";
import { countriesThrough } from "../places/country.js";

export const PartnerRole = builder.enumType(PartnerRoleValues, {
  name: "PartnerRole",
  description: "Lead partner, partner or consortium partner.",
  values: {
    LEAD_PARTNER: { description: "Leads the project (the lead beneficiary)." },
    PARTNER: { description: "A project partner." },
    CONSORTIUM_PARTNER: { description: "A member of the project's consortium." },
  },
});

export const Money = builder.objectRef<{ amount: string; currency: string }>("Money").implement({
  description: "An amount of money.",
  fields: (t) => ({
    amount: t.expose("amount", { type: "Decimal", description: "The amount, exact." }),
    currency: t.exposeString("currency", { description: "ISO 4217 code (EUR)." }),
  }),
});

/** A project's goals in the asked language, else the reader's, else each goal's original wording. */
function goalsIn(project: { goals: Prisma.JsonValue }, args: { lang?: string | null }, lang: string | null) {
  return (Array.isArray(project.goals) ? project.goals : []).map((goal) => pickText(goal, args.lang ?? lang) ?? "");
}

/** A project's budget, when it states both the amount and the currency. */
function budgetOf(project: { budgetAmount: Prisma.Decimal | null; budgetCurrency: string | null }) {
  const { budgetAmount: amount, budgetCurrency: currency } = project;
  return amount && currency ? { amount: amount.toFixed(2), currency } : null;
}

export const Project = builder.prismaNode("Project", {
  // The programme: whose editors may see the history.
  select: { id: true, programmeId: true },
  ...entityIn("projects"),
  id: entityId("id"),
  description: "A cooperation project: programme, fund, budget, period, participating towns and partner organisations.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "URL-safe unique key, for the root lookup by slug." }),
    name: requiredLocalizedText(t, "names", "Name in the given language, else the original."),
    nameTranslations: translations(t, "names", "The name"),
    description: localizedText(t, "description", "What the project does."),
    area: localizedText(t, "area", "The area it covers, as stated."),
    goals: t.stringList({
      description: "Stated goals in the given language, else the original wording.",
      args: { lang: t.arg.string({ description: LANG_ARG_DESCRIPTION }) },
      select: { goals: true },
      extensions: computedFrom(["goals"], goalsIn),
      resolve: (p, args, ctx) => goalsIn(p, args, ctx.lang),
    }),
    goalTranslations: t.field({
      type: t.listRef(t.listRef(LocalizedText)),
      description: "Each goal in every language we have.",
      select: { goals: true },
      resolve: (p) => (Array.isArray(p.goals) ? p.goals : []).map((goal) => asTexts(goal)),
    }),
    programme: t.relation("programme", {
      nullable: true,
      description: "The programme it runs under (Interreg V-A Slovenia–Austria 2014–2020).",
    }),
    fund: t.relation("fund", { nullable: true, description: "The fund co-financing it (ERDF)." }),
    budget: t.field({
      type: Money,
      nullable: true,
      description: "Total value as stated.",
      select: { budgetAmount: true, budgetCurrency: true },
      extensions: computedFrom(["budgetAmount", "budgetCurrency"], budgetOf),
      resolve: budgetOf,
    }),
    period: partialDateField(t, "When it runs, as precisely as the source says (May 2008 – October 2012).", [
      "periodPrecision",
      "periodStart",
      "periodEnd",
    ]),
    periodNote: localizedText(
      t,
      "periodNote",
      "What the source says about the period when it gives no calendar dates.",
    ),
    declaredTownCount: t.exposeInt("declaredTownCount", {
      nullable: true,
      description: "Participating towns as stated (24). `towns.totalCount` counts only those named.",
    }),
    declaredCountries: countriesThrough(t, "declaredCountries", "Countries of the participating towns, as stated."),
    predecessor: t.relation("predecessor", { nullable: true, description: "The project this one continues." }),
    successor: t.relation("successor", { nullable: true, description: "The project that continues this one." }),
    towns: t.relatedConnection("towns", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      ...inIdOrder,
      description: "Named participating towns.",
    }),
    partners: t.relation("partners", {
      description: "Partner organisations, lead partner first.",
      ...plannedQuery(() => ({ orderBy: [{ role: "asc" as const }, { id: "asc" as const }] })),
    }),
    events: t.relation("events", {
      ...plannedQuery(() => ({
        orderBy: [{ dateStart: { sort: "asc" as const, nulls: "last" as const } }, { id: "asc" as const }],
      })),
      description: "The project's events, earliest first.",
    }),
    agreements: t.relation("agreements", {
      description: "Agreements signed within the project, in the order they were recorded.",
      ...inIdOrder,
    }),
    news: newsAboutField(t, "PROJECT"),
    version: t.exposeInt("version", {
      description: "Pass it as expectedVersion to updateProject, addProjectPartner or removeProjectPartner.",
    }),
    history: historyField(t, "Project", "project", (project) =>
      project.programmeId ? { programmeEditor: project.programmeId } : { admin: true },
    ),
    sources: sourcesField(t, "PROJECT"),
  }),
});

export const ProjectParticipation = builder.prismaNode("ProjectTown", {
  select: { id: true },
  name: "ProjectParticipation",
  ...entityIn("projects"),
  id: entityId("id"),
  description: "A town taking part in a project.",
  fields: (t) => ({
    town: t.relation("town", { description: "The participating town." }),
    project: t.relation("project", { description: "The project." }),
    sources: sourcesField(t, "PROJECT_TOWN"),
  }),
});

export const ProjectPartnership = builder.prismaNode("ProjectPartner", {
  select: { id: true },
  name: "ProjectPartnership",
  ...entityIn("projects"),
  id: entityId("id"),
  description: "An organisation's role in a project.",
  fields: (t) => ({
    organisation: t.relation("organisation", { description: "The partner organisation." }),
    project: t.relation("project", { description: "The project." }),
    role: t.expose("role", { type: PartnerRole, description: "Lead partner, partner or consortium partner." }),
    sources: sourcesField(t, "PROJECT_PARTNER"),
  }),
});
