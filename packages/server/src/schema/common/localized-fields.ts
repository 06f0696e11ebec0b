// The two GraphQL fields every multilingual column gets: `x(lang)` and `xTranslations`.
// Each names the column it reads, so Prisma selects it only when the field is asked for.
import type { PrismaModelTypes } from "@pothos/plugin-prisma";
import type { Prisma } from "../../generated/prisma/index.js";
import { sqlField } from "../../sql-plan/annotations.js";
import type { Types } from "../builder.js";
import type { Context } from "../context.js";
import { asTexts, LANG_ARG_DESCRIPTION, LocalizedText, pickText } from "./localized.js";

type LangArgs = { lang?: string | null };
// biome-ignore lint/suspicious/noExplicitAny: in select mode the builder's shape is each type's own selection
type FieldBuilder<Model extends PrismaModelTypes> = PothosSchemaTypes.PrismaObjectFieldBuilder<Types, Model, any>;
type Row<Model extends PrismaModelTypes> = Model["Shape"] & Record<string, unknown>;
/** The model's columns holding multilingual JSON. */
type JsonColumn<Model extends PrismaModelTypes> = {
  [K in keyof Model["Shape"]]: Model["Shape"][K] extends Prisma.JsonValue | null ? K : never;
}[keyof Model["Shape"]] &
  string;

const select = (column: string) => ({ [column]: true }) as never;

export function localizedText<Model extends PrismaModelTypes>(
  t: FieldBuilder<Model>,
  column: JsonColumn<Model>,
  description: string,
) {
  return t.string({
    nullable: true,
    ...textInLanguage(t, column, description, false),
    resolve: (parent: Row<Model>, args: LangArgs, ctx: Context) =>
      pickText(parent[column] as Prisma.JsonValue | null, args.lang ?? ctx.lang),
  });
}

/** Like localizedText for a column every row has (names, titles). */
export function requiredLocalizedText<Model extends PrismaModelTypes>(
  t: FieldBuilder<Model>,
  column: JsonColumn<Model>,
  description: string,
) {
  return t.string({
    ...textInLanguage(t, column, description, true),
    resolve: (parent: Row<Model>, args: LangArgs, ctx: Context) =>
      pickText(parent[column] as Prisma.JsonValue, args.lang ?? ctx.lang) ?? "",
  });
}

/** What the two share: the column they select, the lang argument, the SQL planner's note. */
function textInLanguage<Model extends PrismaModelTypes>(
  t: FieldBuilder<Model>,
  column: JsonColumn<Model>,
  description: string,
  required: boolean,
) {
  return {
    description,
    select: select(column),
    extensions: sqlField({ kind: "localizedText", column, required }),
    args: { lang: t.arg.string({ description: LANG_ARG_DESCRIPTION }) },
  };
}

export function translations<Model extends PrismaModelTypes>(
  t: FieldBuilder<Model>,
  column: JsonColumn<Model>,
  what: string,
) {
  return t.field({
    type: [LocalizedText],
    description: `${what} in every language we have: the original wording and its translations.`,
    select: select(column),
    resolve: (parent: Row<Model>) => asTexts(parent[column] as Prisma.JsonValue | null),
  });
}
