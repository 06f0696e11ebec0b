// What every write's input shares: multilingual texts, the citation a contributor gives, global
// ids decoded to rows, towns by slug, and the scope a town's write needs.
import { GraphQLError } from "graphql";
import { builder } from "../builder.js";
import { ErrorCode } from "../common/errors.js";
import type { Context } from "../context.js";

export const LocalizedTextInput = builder.inputType("LocalizedTextInput", {
  description: "A text in one language. The first of a list is the original wording, the rest translations.",
  fields: (t) => ({
    lang: t.string({ required: true, description: "ISO 639-1 language code." }),
    text: t.string({ required: true, description: "The text." }),
  }),
});

export const CitationInput = builder.inputType("CitationInput", {
  description: "What a contributor's facts rest on: a web page and/or the words there.",
  fields: (t) => ({
    url: t.string({ required: false, description: "An http(s) URL (at most 2,000 characters)." }),
    quote: t.string({ required: false, description: "The words the facts rest on (at most 2,000 characters)." }),
  }),
});

/** The database id a global id decodes to. */
export function rowId(globalId: { id: string }, field: string): number {
  const id = Number(globalId.id);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new GraphQLError(`${field} is not a valid id`, { extensions: { code: ErrorCode.INVALID_ID, field } });
  return id;
}

export const townBySlug = (ctx: Context, slug: string) =>
  ctx.prisma.town.findUnique({ where: { slug }, select: { id: true, slug: true } });

/** Scopes of a write for a town; an unknown town is the resolver's to report (to a signed-in caller). */
export const editorOf = (town: { id: number } | null | undefined) =>
  town ? { townEditor: town.id } : { authenticated: true };
