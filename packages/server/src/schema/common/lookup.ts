// Root lookups by a natural key that answer NOT_FOUND (rather than a silent null) for
// keys that do not exist, so a client can tell a typo from missing data.
import type PrismaTypes from "../../generated/pothos-types.js";
import type { PrismaClient } from "../../generated/prisma/index.js";
import { sqlRoot } from "../../sql-plan/annotations.js";
import { rootIn, type SubGraph, type Types } from "../builder.js";
import type { Context } from "../context.js";
import { notFound } from "./errors.js";

export async function found<T>(row: Promise<T | null>, type: string, key: string): Promise<T> {
  const value = await row;
  if (!value) throw notFound(type, key);
  return value;
}

type SluggedModel =
  | "Town"
  | "Network"
  | "Event"
  | "Project"
  | "Organisation"
  | "Programme"
  | "PartnerSearch"
  | "FundingCall"
  | "NewsItem"
  | "Agreement"
  | "Topic";

/** A root field `x(slug: String!)` that answers NOT_FOUND for unknown slugs. */
export function bySlug<Model extends SluggedModel>(
  t: PothosSchemaTypes.QueryFieldBuilder<Types, Types["Root"]>,
  subGraph: SubGraph,
  model: Model,
  label: string,
  find: (prisma: PrismaClient, query: object, slug: string) => Promise<PrismaTypes[Model]["Shape"] | null>,
) {
  return t.prismaField({
    ...rootIn(subGraph),
    type: model,
    description: `A ${label} by its slug. NOT_FOUND when there is none.`,
    args: {
      slug: t.arg.string({ required: true, description: `The ${label}'s slug, as its \`slug\` field gives it.` }),
    },
    extensions: sqlRoot({ kind: "unique", model, where: (args) => ({ slug: args.slug }) }),
    resolve: (query: object, _root: unknown, args: { slug: string }, ctx: Context) =>
      found(find(ctx.prisma, query, args.slug), label, `slug ${args.slug}`),
  } as never);
}
