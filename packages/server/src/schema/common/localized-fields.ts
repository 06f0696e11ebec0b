// The two GraphQL fields every multilingual column gets: `x(lang)` and `xTranslations`.
// Each names the column it reads, so Prisma selects it only when the field is asked for.
import type { Prisma } from "../../generated/prisma/index.js";
import { sqlField } from "../../sql-plan/annotations.js";
import type { Types } from "../builder.js";
import type { Context } from "../context.js";
import { asTexts, LANG_ARG_DESCRIPTION, LocalizedText, pickText } from "./localized.js";

type LangArgs = { lang?: string | null };
/**
 * A type's field builder, typed loosely: inferring each type's model from its builder (to
 * check the column name) exceeds the compiler's instantiation depth once scope auth is in the
 * builder. A wrong column fails the first query that asks for the field (Prisma rejects the select).
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
type FieldBuilder = Pick<PothosSchemaTypes.PrismaObjectFieldBuilder<Types, any, any>, "string" | "field" | "arg">;
type Row = Record<string, unknown>;

const select = (column: string) => ({ [column]: true }) as never;

export function localizedText(t: FieldBuilder, column: string, description: string) {
  return t.string({
    nullable: true,
    ...textInLanguage(t, column, description, false),
    resolve: (parent: Row, args: LangArgs, ctx: Context) =>
      pickText(parent[column] as Prisma.JsonValue | null, args.lang ?? ctx.lang),
  });
}

/** Like localizedText for a column every row has (names, titles). */
export function requiredLocalizedText(t: FieldBuilder, column: string, description: string) {
  return t.string({
    ...textInLanguage(t, column, description, true),
    resolve: (parent: Row, args: LangArgs, ctx: Context) =>
      pickText(parent[column] as Prisma.JsonValue, args.lang ?? ctx.lang) ?? "",
  });
}

/** What the two share: the column they select, the lang argument, the SQL planner's note. */
function textInLanguage(t: FieldBuilder, column: string, description: string, required: boolean) {
  return {
    description,
    select: select(column),
    extensions: sqlField({ kind: "localizedText", column, required }),
    args: { lang: t.arg.string({ description: LANG_ARG_DESCRIPTION }) },
  };
}

export function translations(t: FieldBuilder, column: string, what: string) {
  return t.field({
    type: [LocalizedText],
    description: `${what} in every language we have: the original wording and its translations.`,
    select: select(column),
    resolve: (parent: Row) => asTexts(parent[column] as Prisma.JsonValue | null),
  });
}
