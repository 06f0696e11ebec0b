// Multilingual texts: every such field keeps the original-language wording beside its
// translations. `name(lang: "cs")` picks a language and falls back to the original.
import type { Prisma } from "../../generated/prisma/index.js";
import { builder } from "../builder.js";
import { badInput } from "./errors.js";

export interface LocalizedValue {
  lang: string;
  text: string;
  original?: boolean;
}

export const LocalizedText = builder.objectRef<LocalizedValue>("LocalizedText").implement({
  shareable: true,
  description: "A text in one language.",
  fields: (t) => ({
    lang: t.exposeString("lang", { description: "ISO 639-1 language code." }),
    text: t.exposeString("text", { description: "The text." }),
    original: t.boolean({
      description: "True for the wording of the source; false for a translation.",
      resolve: (v) => v.original === true,
    }),
  }),
});

const LANG = /^[a-z]{2}$/;

export function asTexts(value: Prisma.JsonValue | null | undefined): LocalizedValue[] {
  return Array.isArray(value) ? (value as unknown as LocalizedValue[]) : [];
}

/** Refuses anything but an ISO 639-1 code. */
export function checkLang(lang: string | null | undefined): void {
  if (lang && !LANG.test(lang))
    throw badInput(`lang must be an ISO 639-1 code such as "en" or "cs", got ${JSON.stringify(lang)}`);
}

/** The text in `lang`, else the original wording. */
export function pickText(value: Prisma.JsonValue | null | undefined, lang: string | null | undefined): string | null {
  const texts = asTexts(value);
  checkLang(lang);
  return (
    (lang && texts.find((x) => x.lang === lang)?.text) || texts.find((x) => x.original)?.text || texts[0]?.text || null
  );
}

export const LANG_ARG_DESCRIPTION =
  "ISO 639-1 language (en, cs, pl, sl, de, hu, it…); falls back to the original wording. Defaults to the Accept-Language header.";
