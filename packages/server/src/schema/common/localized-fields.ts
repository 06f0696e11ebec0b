// The two GraphQL fields every multilingual column gets: `x(lang)` and `xTranslations`.
import type { Prisma } from "../../generated/prisma/index.js";
import type { builder } from "../builder.js";
import type { Context } from "../context.js";
import { asTexts, LANG_ARG_DESCRIPTION, LocalizedText, pickText } from "./localized.js";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
/** Any object-like field builder (plain or Prisma objects). */
type LangArgs = { lang?: string | null };
type FieldBuilder<Parent> = PothosSchemaTypes.RootFieldBuilder<Types, Parent, "Object" | "PrismaObject">;

export function localizedText<Parent>(t: FieldBuilder<Parent>, get: (parent: Parent) => Prisma.JsonValue | null, description: string) {
  return t.string({
    nullable: true,
    description,
    args: { lang: t.arg.string({ description: LANG_ARG_DESCRIPTION }) },
    resolve: (parent: Parent, args: LangArgs, ctx: Context) => pickText(get(parent), args.lang ?? ctx.lang),
  });
}

/** Like localizedText for a column every row has (names, titles). */
export function requiredLocalizedText<Parent>(t: FieldBuilder<Parent>, get: (parent: Parent) => Prisma.JsonValue, description: string) {
  return t.string({
    description,
    args: { lang: t.arg.string({ description: LANG_ARG_DESCRIPTION }) },
    resolve: (parent: Parent, args: LangArgs, ctx: Context) => pickText(get(parent), args.lang ?? ctx.lang) ?? "",
  });
}

export function translations<Parent>(t: FieldBuilder<Parent>, get: (parent: Parent) => Prisma.JsonValue | null, what: string) {
  return t.field({
    type: [LocalizedText],
    description: `${what} in every language we have: the original wording and its translations.`,
    resolve: (parent: Parent) => asTexts(get(parent)),
  });
}
