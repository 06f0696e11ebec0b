import { AgreementKind as AgreementKindValues } from "../../generated/prisma/index.js";
import { builder, entityId, entityIn } from "../builder.js";
import { localizedText, requiredLocalizedText, translations } from "../common/localized-fields.js";
import { sourcesField } from "../common/sources.js";

export const AgreementKind = builder.enumType(AgreementKindValues, {
  name: "AgreementKind",
  description: "Declaration or cooperation agreement.",
  values: {
    DECLARATION: { description: "A declaration its signatories make together." },
    COOPERATION_AGREEMENT: { description: "An agreement to cooperate." },
  },
});

export const Agreement = builder.prismaNode("Agreement", {
  select: { id: true },
  ...entityIn("partnerships"),
  id: entityId("id"),
  description: "A declaration or agreement signed by towns, usually at an event.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "URL-safe unique key, for the root lookup by slug." }),
    kind: t.expose("kind", { type: AgreementKind, description: "Declaration or cooperation agreement." }),
    name: requiredLocalizedText(t, "names", "Title in the given language, else the original."),
    nameTranslations: translations(t, "names", "The title"),
    summary: localizedText(t, "summary", "What it says, in short."),
    text: localizedText(t, "text", "Its own words, where a source quotes them."),
    event: t.relation("event", { nullable: true, description: "The event it was signed at." }),
    project: t.relation("project", { nullable: true, description: "The project the agreement belongs to." }),
    signatoriesNote: localizedText(
      t,
      "signatoriesNote",
      "Who signed, as stated (the mayors of the participating towns).",
    ),
    declaredSignatoryCount: t.exposeInt("declaredSignatoryCount", {
      nullable: true,
      description: "Signatories as stated (24); `signatures` lists the towns that are named.",
    }),
    signatures: t.relation("signatories", { description: "Named signatory towns." }),
    sources: sourcesField(t, "AGREEMENT"),
  }),
});

export const Signature = builder.prismaNode("AgreementSignatory", {
  select: { id: true },
  name: "Signature",
  ...entityIn("partnerships"),
  id: entityId("id"),
  description: "A town whose representative signed an agreement.",
  fields: (t) => ({
    town: t.relation("town", { description: "The signatory town." }),
    agreement: t.relation("agreement", { description: "The agreement signed." }),
    sources: sourcesField(t, "AGREEMENT_SIGNATORY"),
  }),
});
