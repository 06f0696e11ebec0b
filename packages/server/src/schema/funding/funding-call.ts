import { ApplicantKind as ApplicantKindValues } from "../../generated/prisma/index.js";
import { builder, entityId, entityIn } from "../builder.js";
import { localizedText, requiredLocalizedText, translations } from "../common/localized-fields.js";
import { sourcesField } from "../common/sources.js";
import { historyField } from "../contributions/contribution.js";
import { newsAboutField } from "../news/news-about.js";
import { countriesThrough } from "../places/country.js";

export const ApplicantKind = builder.enumType(ApplicantKindValues, {
  name: "ApplicantKind",
  description: "Who may apply.",
  values: {
    LOCAL_GOVERNMENT: { description: "Municipalities and other local governments." },
    NGO: { description: "Non-governmental organisations." },
    PUBLIC_BODY: { description: "Other public bodies." },
    ACADEMIC_INSTITUTION: { description: "Universities and research institutions." },
    EDUCATIONAL_INSTITUTION: { description: "Schools and other educational institutions." },
    YOUNG_PERSON: { description: "Young people themselves (see the call's applicant ages)." },
    OTHER: { description: "Others the call names." },
  },
});

/** Open on a day: published by then and the deadline (if any) not yet passed. */
export function isOpenOn(call: { publishedOn: Date | null; deadline: Date | null }, day: Date): boolean {
  return (!call.publishedOn || call.publishedOn <= day) && (!call.deadline || call.deadline >= day);
}

export const FundingCall = builder.prismaNode("FundingCall", {
  // The funder and programme: whose publishers and editors may see the history.
  select: { id: true, funderId: true, programmeId: true },
  ...entityIn("funding"),
  id: entityId("id"),
  description: "A call for applications: who funds it, who may apply, until when.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "URL-safe unique key, for the root lookup by slug." }),
    name: requiredLocalizedText(t, "names", "Title in the given language, else the original."),
    nameTranslations: translations(t, "names", "The title"),
    description: localizedText(t, "description", "What the call offers or requires."),
    funder: t.relation("funder", { nullable: true, description: "The organisation that issues and funds the call." }),
    programme: t.relation("programme", { nullable: true, description: "The programme the call belongs to." }),
    eligibleApplicants: t.field({
      type: [ApplicantKind],
      select: { eligibleApplicants: true },
      resolve: (c) => c.eligibleApplicants,
      description: "Who may apply.",
    }),
    applicantMinAge: t.exposeInt("applicantMinAge", { nullable: true, description: "For calls to individuals." }),
    applicantMaxAge: t.exposeInt("applicantMaxAge", { nullable: true, description: "For calls to individuals." }),
    regions: localizedText(
      t,
      "regions",
      "Target regions as stated (Central, Eastern, South-Eastern and Southern Europe).",
    ),
    eligibleCountries: countriesThrough(
      t,
      "eligibleCountries",
      "Countries applicants must come from; empty when not restricted.",
    ),
    publishedOn: t.expose("publishedOn", {
      type: "Date",
      nullable: true,
      description: "When the call was announced by the source.",
    }),
    deadline: t.expose("deadline", {
      type: "Date",
      nullable: true,
      description: "Last day to apply; null when none is given.",
    }),
    untilAllocationUsed: t.exposeBoolean("untilAllocationUsed", {
      description: "True when the call may close earlier, once its allocation is used up.",
    }),
    openOn: t.boolean({
      description:
        "Whether the call accepts applications on that day (by its dates; an exhausted allocation is not known).",
      args: { date: t.arg({ type: "Date", required: true, description: "The day to check (YYYY-MM-DD)." }) },
      select: { publishedOn: true, deadline: true },
      resolve: (c, args) => isOpenOn(c, args.date),
    }),
    news: newsAboutField(t, "FUNDING_CALL"),
    version: t.exposeInt("version", { description: "Pass it as expectedVersion to updateFundingCall." }),
    history: historyField(t, "FundingCall", "call", (call) =>
      call.funderId || call.programmeId
        ? {
            $any: {
              ...(call.funderId ? { publisher: call.funderId } : {}),
              ...(call.programmeId ? { programmeEditor: call.programmeId } : {}),
            },
          }
        : { admin: true },
    ),
    sources: sourcesField(t, "FUNDING_CALL"),
  }),
});
