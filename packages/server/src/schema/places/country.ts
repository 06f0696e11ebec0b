import { REGISTRY_SOURCES } from "../../seed/reference.js";
import { sqlField } from "../../sql-plan/annotations.js";
import { builder, entityId, entityIn, type Types } from "../builder.js";
import { asTexts, checkLang, LANG_ARG_DESCRIPTION, LocalizedText } from "../common/localized.js";
import { pageSize } from "../common/pagination.js";
import { Citation } from "../common/sources.js";
import { alsoWhereListed } from "./listed.js";

export const Country = builder.prismaNode("Country", {
  select: { code: true },
  ...entityIn("places"),
  id: entityId("code"),
  description: "A country (ISO 3166-1), with names from the i18n-iso-countries registry.",
  fields: (t) => ({
    code: t.exposeString("code", { ...alsoWhereListed, description: "ISO 3166-1 alpha-2 code (CZ)." }),
    alpha3: t.exposeString("alpha3", { description: "ISO 3166-1 alpha-3 code (CZE)." }),
    name: t.string({
      description: "Name in the given language (en, cs, pl, sl, de, hu, it); English when not available.",
      args: { lang: t.arg.string({ description: LANG_ARG_DESCRIPTION }) },
      select: { names: true },
      extensions: sqlField({ kind: "registryName", column: "names", orElse: "code" }),
      resolve: (c, args, ctx) => {
        const names = asTexts(c.names);
        const lang = args.lang ?? ctx.lang;
        checkLang(lang);
        return names.find((n) => n.lang === lang)?.text ?? names.find((n) => n.lang === "en")?.text ?? c.code;
      },
    }),
    names: t.field({
      type: [LocalizedText],
      description: "Name in every language the registry has.",
      select: { names: true },
      resolve: (c) => asTexts(c.names),
    }),
    towns: t.relatedConnection("towns", {
      ...pageSize,
      cursor: "id",
      totalCount: true,
      description: "Towns in this country, by name.",
      query: () => ({ orderBy: [{ asciiName: "asc" }, { id: "asc" }] }),
    }),
    sources: t.loadableList({
      type: Citation,
      description: "The registry the country's codes and names come from.",
      load: async (codes: string[], ctx) => {
        const source = await ctx.prisma.source.findUniqueOrThrow({ where: { key: REGISTRY_SOURCES.countries.key } });
        return codes.map((code) => [{ source, quote: code, field: null, subjectId: 0 }]);
      },
      resolve: (c) => c.code,
    }),
  }),
});

/**
 * A list of countries through a join model (a network's declared countries): each row of
 * `relation` names one by its code, listed in code order.
 */
export function countriesThrough(
  // Loosely typed, and only the method used, as partialDateField's (common/partial-date.ts).
  // biome-ignore lint/suspicious/noExplicitAny: see above
  t: Pick<PothosSchemaTypes.PrismaObjectFieldBuilder<Types, any, any>, "field">,
  relation: string,
  description: string,
) {
  const query = { orderBy: { countryCode: "asc" as const } };
  return t.field({
    type: [Country],
    description,
    select: { [relation]: { select: { country: true }, ...query } } as never,
    extensions: sqlField({ kind: "through", relation, via: "country", query }),
    resolve: (parent: Record<string, { country: { code: string } }[]>) => parent[relation].map((row) => row.country),
  });
}
