// Provenance: every type exposes `sources`, the documents (or registries) and the quoted
// words its facts come from. Citations are loaded in one batched query per type and request.
import {
  type Citation as CitationRow,
  SourceKind as SourceKindValues,
  type Source as SourceRow,
  type SubjectType,
} from "../../generated/prisma/index.js";
import { sqlField, sqlModel } from "../../sql-plan/annotations.js";
import { builder, entityId, entityIn, type Types } from "../builder.js";

export const SourceKind = builder.enumType(SourceKindValues, {
  name: "SourceKind",
  description: "DOCUMENT: one of the source documents; REGISTRY: a reference-data package.",
  values: {
    DOCUMENT: { description: "One of the source documents, with a quote." },
    REGISTRY: { description: "A reference-data package (GeoNames towns, country codes)." },
    CONTRIBUTION: { description: "Written through the API: the source names its contributor." },
  },
});

export const Source = builder.prismaNode("Source", {
  select: { id: true },
  ...entityIn("news"),
  id: entityId("id"),
  description: "A source document or reference-data registry that facts are taken from.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "Document file name, or registry package name@version." }),
    kind: t.expose("kind", { type: SourceKind, description: "Document or registry." }),
    title: t.exposeString("title", { description: "Title of the document or registry." }),
    language: t.exposeString("language", { nullable: true, description: "ISO 639-1 language of a document." }),
    licence: t.exposeString("licence", {
      nullable: true,
      description: "Licence of registry data (credit it when you reuse it).",
    }),
    url: t.exposeString("url", { nullable: true, description: "Where the source can be found, when known." }),
  }),
});

export type CitationValue = Pick<CitationRow, "quote" | "field" | "subjectId"> & { source: SourceRow };

export const Citation = builder.objectRef<CitationValue>("Citation").implement({
  shareable: true,
  extensions: sqlModel("Citation"),
  description: "Where a fact comes from: the source and the words it says it in.",
  fields: (t) => ({
    source: t.field({
      type: Source,
      resolve: (c) => c.source,
      extensions: sqlField({ kind: "relation", relation: "source" }),
      description: "The document or registry quoted.",
    }),
    quote: t.exposeString("quote", {
      description: "The source's own words (original language, white space normalised).",
    }),
    field: t.exposeString("field", {
      nullable: true,
      description: "The field or relationship this quote backs, when narrower than the whole record.",
    }),
  }),
});

const SOURCES_DESCRIPTION = "Where the facts of this record come from, with quotes.";

/** A `sources` field for a type whose rows are cited as `subjectType`. */
export function sourcesField<Parent extends { id: number }>(
  // Only the method used is compared with the caller's builder: whole builders are too deep to compare.
  t: Pick<PothosSchemaTypes.RootFieldBuilder<Types, Parent, "Object" | "PrismaObject">, "loadableGroup">,
  subjectType: SubjectType,
) {
  return t.loadableGroup({
    type: Citation,
    description: SOURCES_DESCRIPTION,
    load: (ids: number[], ctx) =>
      ctx.prisma.citation.findMany({
        where: { subjectType, subjectId: { in: ids } },
        include: { source: true },
        orderBy: { id: "asc" },
      }),
    group: (citation) => citation.subjectId,
    resolve: (parent) => parent.id,
    extensions: sqlField({ kind: "citations", subjectType }),
  });
}
