// One ranked, paginated search over towns (all names, exonyms, source spellings), organisations,
// programmes, networks, projects, events, partner searches and funding calls: accent-insensitive
// (unaccent) and typo-tolerant (pg_trgm), served from the search_entry table, whose folded names
// are trigram-indexed.
import { GraphQLError } from "graphql";
import { Prisma } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput, ErrorCode } from "../common/errors.js";
import {
  asSelected,
  loadRecords,
  loadRecordsAtVersion,
  type RecordRow,
  type RecordShapes,
  recordKey,
  recordShapesAsked,
  type SubjectType,
  typenameOf,
} from "../common/mixed-records.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../common/pagination.js";
import type { Context } from "../context.js";
import { Event } from "../events/event.js";
import { FundingCall } from "../funding/funding-call.js";
import { Network } from "../networks/network.js";
import { Organisation } from "../organisations/organisation.js";
import { Programme } from "../organisations/programme.js";
import { PartnerSearch } from "../partnerships/partner-search.js";
import { Town } from "../places/town.js";
import { Project } from "../projects/project.js";
import {
  foldSearchText,
  heldSearchIndex,
  type RankedName,
  SEARCH_INDEX_COPY,
  type SearchScope,
  searchableIndexAt,
} from "./search-index.js";

export const SearchType = builder.enumType("SearchType", {
  description: "Kinds of record search covers.",
  values: {
    TOWN: { description: "Towns, by any of their names." },
    ORGANISATION: { description: "Organisations." },
    PROGRAMME: { description: "Funding programmes and funds." },
    NETWORK: { description: "Networks of towns." },
    PROJECT: { description: "Projects." },
    EVENT: { description: "Events." },
    PARTNER_SEARCH: { description: "Partner searches." },
    FUNDING_CALL: { description: "Funding calls." },
  } as const,
});

export const SearchMatch = builder.enumType("SearchMatch", {
  description: "How a result matched: the whole name, its beginning, or a similar spelling (typo-tolerant).",
  values: {
    EXACT: { description: "The whole name matches the text." },
    PREFIX: { description: "A name begins with the text." },
    FUZZY: { description: "A similarly spelled name (typo-tolerant)." },
  } as const,
});

export const SearchEntity = builder.unionType("SearchEntity", {
  description: "A record found by search.",
  types: () => [Town, Organisation, Programme, Network, Project, Event, PartnerSearch, FundingCall],
  resolveType: (value) => typenameOf(value),
});

interface SearchHit {
  record: RecordRow;
  match: "EXACT" | "PREFIX" | "FUZZY";
  matchedName: string;
  similarity: number;
}

export const SearchResult = builder.objectRef<SearchHit>("SearchResult").implement({
  description: "One search result with why it matched.",
  fields: (t) => ({
    entity: t.field({
      type: SearchEntity,
      description: "The record found.",
      resolve: (hit, _args, ctx, info) => asSelected(hit.record, ctx, info),
    }),
    match: t.field({ type: SearchMatch, description: "Exact, prefix or fuzzy match.", resolve: (hit) => hit.match }),
    matchedName: t.exposeString("matchedName", {
      description: "The name that matched (an exonym, an alternate spelling, the local name…).",
    }),
    similarity: t.exposeFloat("similarity", {
      description: "Trigram similarity of that name to the query, 0–1 (accents and case ignored).",
    }),
  }),
});

export const SearchResults = builder
  .objectRef<{ total: number; hits: SearchHit[]; offset: number }>("SearchResults")
  .implement({
    description:
      "A page of search results, best first: exact before prefix before fuzzy matches, then larger towns first.",
    fields: (t) => ({
      totalCount: t.exposeInt("total", { description: "Matching records in all." }),
      results: t.field({ type: [SearchResult], description: "This page's results.", resolve: (page) => page.hits }),
      hasNextPage: t.boolean({
        description: "True when `after: endCursor` returns more.",
        resolve: (page) => page.offset + page.hits.length < page.total,
      }),
      endCursor: t.string({
        nullable: true,
        description: "Cursor to continue after this page.",
        resolve: (page) => (page.hits.length ? encodeCursor(page.offset + page.hits.length) : null),
      }),
    }),
  });

const encodeCursor = (offset: number) => Buffer.from(`search:${offset}`).toString("base64");
function decodeCursor(cursor: string): number {
  const match = /^search:(\d+)$/.exec(Buffer.from(cursor, "base64").toString());
  if (!match) throw new GraphQLError(`Invalid cursor: ${cursor}`, { extensions: { code: ErrorCode.INVALID_CURSOR } });
  return Number(match[1]);
}

interface Row extends RankedName {
  total: bigint | number;
}

const TIERS = { 3: "EXACT", 2: "PREFIX", 1: "FUZZY" } as const;

builder.queryField("search", (t) =>
  t.field({
    ...rootIn("search"),
    type: SearchResults,
    description:
      'Search everything by name, in any language or spelling: "Pasov" finds Passau, "Luck" Lutsk, "Ceske Budejovice" České Budějovice. Ranked exact > prefix > fuzzy, then by population.',
    args: {
      text: t.arg.string({ required: true, description: "What to look for (at least 2 characters)." }),
      types: t.arg({ type: [SearchType], description: "Only these kinds of record." }),
      countries: t.arg.stringList({ description: "Only records in these countries (ISO alpha-2)." }),
      lang: t.arg.string({
        description:
          "Match names in this language (ISO 639-1) and names of no particular language (local town names); others are ignored.",
      }),
      first: t.arg.int({ description: `Page size (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` }),
      after: t.arg.string({ description: "endCursor of the previous page." }),
    },
    resolve: async (_root, args, ctx, info) => {
      const text = args.text.trim();
      if (text.length < 2) throw badInput("search text must have at least 2 characters");
      const first = args.first ?? DEFAULT_PAGE_SIZE;
      if (first < 0 || first > MAX_PAGE_SIZE)
        throw badInput(`Argument "first" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`);
      const offset = args.after ? decodeCursor(args.after) : 0;
      const scope = {
        types: args.types ?? null,
        countries: args.countries?.map((c) => c.toUpperCase()) ?? null,
        lang: args.lang ?? null,
      };
      const shapesOf = (present: SubjectType[]) =>
        recordShapesAsked(ctx, info, [{ path: ["results", "entity"] }], present);
      const { total, rows, records } = await rankedRecords(ctx, text, scope, first, offset, shapesOf);
      return {
        total,
        offset,
        hits: rows.flatMap((r) => {
          const record = records.get(recordKey({ type: r.entity_type, id: r.entity_id }));
          return record
            ? [{ record, match: TIERS[r.tier as 1 | 2 | 3], matchedName: r.term, similarity: Number(r.sim) }]
            : [];
        }),
      };
    },
  }),
);

const refsOf = (rows: RankedName[]) => rows.map((row) => ({ type: row.entity_type, id: row.entity_id }));

/**
 * The ranked page, its records and the number of records found: from the index in memory when
 * it is as new as the last committed write (a copy, or a copy patched since), else from
 * PostgreSQL (which answers while a copy is built). A text folded before needs one statement:
 * the records, with the index's version to check the page against; other texts are folded
 * first, with the version.
 */
async function rankedRecords(
  ctx: Context,
  text: string,
  scope: SearchScope,
  limit: number,
  offset: number,
  shapesOf: (types: SubjectType[]) => RecordShapes,
) {
  const shapes = (rows: RankedName[]) => shapesOf(rows.map((row) => row.entity_type));
  const held = heldSearchIndex(ctx.prisma, text);
  if (held) {
    const page = held.index.search(held.folded, scope, limit, offset);
    const loaded = await loadRecordsAtVersion(ctx.read, refsOf(page.rows), SEARCH_INDEX_COPY, shapes(page.rows));
    if (loaded.version <= held.index.version) return { ...page, records: loaded.records };
  }
  const page = await rankedNames(ctx, text, scope, limit, offset);
  return { ...page, records: await loadRecords(ctx.read, refsOf(page.rows), shapes(page.rows)) };
}

async function rankedNames(
  ctx: Context,
  text: string,
  scope: SearchScope,
  limit: number,
  offset: number,
): Promise<{ total: number; rows: RankedName[] }> {
  const folded = await foldSearchText(ctx, text);
  const index = await searchableIndexAt(ctx, folded.version);
  if (index) return index.search(folded, scope, limit, offset);
  const rows = await ctx.costly(() => ctx.prisma.$queryRaw<Row[]>(searchSql(text, scope, limit, offset)));
  const total = rows[0]?.total ?? (offset ? await ctx.costly(() => countOnly(ctx.prisma, text, scope)) : 0);
  return { total: Number(total), rows };
}

/** The ranked query: best name per record, then exact > prefix > fuzzy, population, similarity. */
export function searchSql(text: string, { types, countries, lang }: SearchScope, limit: number, offset: number) {
  return Prisma.sql`
    WITH q AS (SELECT citynet_fold(${text}) AS q),
    hits AS (
      SELECT e.entity_type, e.entity_id, e.term, e.population,
             CASE WHEN e.folded = q.q THEN 3
                  WHEN e.folded LIKE replace(replace(replace(q.q, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' THEN 2
                  ELSE 1 END AS tier,
             similarity(e.folded, q.q) AS sim
        FROM search_entry e, q
       WHERE (e.folded % q.q OR e.folded LIKE replace(replace(replace(q.q, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
         AND (${types}::text[] IS NULL OR e.entity_type = ANY(${types}::text[]))
         AND (${countries}::text[] IS NULL OR e.country_code = ANY(${countries}::text[]))
         AND (${lang}::text IS NULL OR e.lang IS NULL OR e.lang = ${lang}::text)
    ),
    best AS (
      -- Names that tie (Brašov, Brașov) are told apart by their bytes: the same name everywhere.
      SELECT DISTINCT ON (entity_type, entity_id) * FROM hits
       ORDER BY entity_type, entity_id, tier DESC, sim DESC, term COLLATE "C"
    )
    SELECT entity_type, entity_id, term, tier, sim, count(*) OVER () AS total
      FROM best
     ORDER BY tier DESC, CASE WHEN tier = 1 THEN round(sim::numeric, 1) ELSE 0 END DESC, population DESC NULLS LAST, sim DESC,
              entity_type = 'TOWN' DESC, entity_type, entity_id
     LIMIT ${limit} OFFSET ${offset}`;
}

/** Total for a page past the last result (the window count needs at least one row). */
async function countOnly(
  prisma: import("../../generated/prisma/index.js").PrismaClient,
  text: string,
  scope: SearchScope,
) {
  const rows = await prisma.$queryRaw<Row[]>(searchSql(text, scope, 1, 0));
  return Number(rows[0]?.total ?? 0);
}
