// The search index in memory: every name of search_entry with its folded spelling and its
// trigrams exactly as pg_trgm extracts them (show_trgm), loaded once per version of the index
// (data_version 'search_index', raised by the commit of any write to search_entry). A search
// reads the version in the statement that folds its text, or, for a text folded before, in the
// one that loads the records found. While the copy in memory is older than that, it is patched
// with the names of the records changed since (search_entry_change, written as each write
// commits) and a new copy is built in the background; search.ts's SQL answers only while there is
// no copy or too much changed. So no answer is older than the last committed write. It ranks as
// the SQL does, to the bit: the suite compares the two (test/db/search-index.test.ts).
import { Prisma, type PrismaClient } from "../../generated/prisma/index.js";
import { Codes } from "../../lib/codes.js";
import { getOrCreate } from "../../lib/get-or-create.js";
import type { SubjectType } from "../common/mixed-records.js";
import type { Context } from "../context.js";

export interface SearchScope {
  types: string[] | null;
  countries: string[] | null;
  lang: string | null;
}

/** A record's best-matching name, as search.ts's SQL returns it. */
export interface RankedName {
  entity_type: SubjectType;
  entity_id: number;
  term: string;
  /** 3 exact, 2 prefix, 1 fuzzy. */
  tier: number;
  sim: number;
}

/** A record search_entry names. */
interface EntityRef {
  entity_type: string;
  entity_id: number;
}

/** The search text as search_entry stores names: folded, and its trigrams. */
export interface FoldedText {
  folded: string;
  trigrams: string[];
}

interface EntryRow {
  entity_type: string;
  entity_id: number;
  term: string;
  folded: string;
  lang: string | null;
  population: number | null;
  country_code: string | null;
  /**
   * show_trgm's trigrams joined by commas (a comma is never part of one): splitting the text
   * costs far less than parsing an array.
   */
  trigrams: string;
}

const NO_POPULATION = -1;

/**
 * Strings kept as UTF-8, one after another: a fifth of the memory of as many JavaScript strings,
 * and their bytes compare as PostgreSQL's C collation does.
 */
class TextColumn {
  private bytes: Buffer;
  private readonly start: Uint32Array;
  private used = 0;

  constructor(count: number, averageBytes: number) {
    this.bytes = Buffer.allocUnsafe(count * averageBytes);
    this.start = new Uint32Array(count + 1);
  }

  set(i: number, text: string): void {
    const length = Buffer.byteLength(text);
    if (this.used + length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(2 * (this.used + length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(text, this.used);
    this.start[i + 1] = this.used;
  }

  get(i: number): string {
    return this.bytes.toString("utf8", this.start[i], this.start[i + 1]);
  }

  byteLength(i: number): number {
    return this.start[i + 1] - this.start[i];
  }

  /** The C collation's order of two entries' texts (a loop: names are short, and a native call is not). */
  compare(a: number, b: number): number {
    const { bytes, start } = this;
    const [lengthA, lengthB] = [start[a + 1] - start[a], start[b + 1] - start[b]];
    for (let i = 0; i < lengthA && i < lengthB; i++) {
      const difference = bytes[start[a] + i] - bytes[start[b] + i];
      if (difference) return difference;
    }
    return lengthA - lengthB;
  }

  /** The C collation's order of an entry's text and `text`. */
  compareWith(i: number, text: Buffer): number {
    return -text.compare(this.bytes, this.start[i], this.start[i + 1]);
  }

  startsWith(i: number, prefix: Buffer): boolean {
    return (
      this.byteLength(i) >= prefix.length &&
      prefix.compare(this.bytes, this.start[i], this.start[i] + prefix.length) === 0
    );
  }
}

/** similarity() returns a real: the float4 quotient of the shared and the united trigrams. */
const trigramSimilarity = (shared: number, a: number, b: number) =>
  a === 0 || b === 0 ? 0 : Math.fround(shared / (a + b - shared));

/** round(sim::numeric, 1): a real becomes a numeric of 6 significant digits, rounded half up. */
function tenths(sim: number): number {
  const millionths = Math.round(Number(sim.toPrecision(6)) * 1e6);
  return Math.floor((millionths + 50_000) / 100_000);
}

/** A real as PostgreSQL prints it (the shortest decimal that reads back as the same real). */
function realAsPrinted(value: number): number {
  for (let digits = 1; digits <= 9; digits++) {
    const printed = Number(value.toPrecision(digits));
    if (Math.fround(printed) === value) return printed;
  }
  return value;
}

/** One column per field of an entry, indexed by entry. */
interface SearchIndexEntries {
  type: Uint8Array;
  id: Int32Array;
  term: TextColumn;
  folded: TextColumn;
  lang: Uint16Array;
  country: Uint16Array;
  population: Int32Array;
  trigramCount: Uint16Array;
  /** The record an entry names, numbered from 0 (a record has as many entries as names). */
  record: Int32Array;
}

/** Positions [start, end) in the postings. */
interface Range {
  start: number;
  end: number;
}

/** A record found, with what search.ts's ORDER BY reads, from whichever index found it. */
interface Ranked {
  entity_type: SubjectType;
  entity_id: number;
  tier: number;
  /** The similarity as the real it is (printed only at the end). */
  sim: number;
  /** The similarity in tenths, for fuzzy matches (ranked by it before population). */
  tenths: number;
  /** NO_POPULATION where the record has none (last, as NULLS LAST). */
  population: number;
}

/** search.ts's ORDER BY: tier, fuzzy similarity in tenths, population, similarity, towns first, kind, id. */
const rankOrder = (a: Ranked, b: Ranked): number =>
  b.tier - a.tier ||
  b.tenths - a.tenths ||
  b.population - a.population ||
  b.sim - a.sim ||
  Number(b.entity_type === "TOWN") - Number(a.entity_type === "TOWN") ||
  (a.entity_type < b.entity_type ? -1 : a.entity_type > b.entity_type ? 1 : 0) ||
  a.entity_id - b.entity_id;

/** What a search answers: the page and the number of records found. */
type SearchPage = { total: number; rows: RankedName[] };

/** The first `count` records of a search, ranked, with their names. */
type TopRanked = { total: number; rows: (Ranked & { term: string })[] };

/** A page of the first `count` ranked records: from `offset` on, each similarity as PostgreSQL prints it. */
const pageOf = ({ total, rows }: TopRanked, offset: number): SearchPage => ({
  total,
  rows: rows.slice(offset).map(({ entity_type, entity_id, term, tier, sim }) => ({
    entity_type,
    entity_id,
    term,
    tier,
    sim: realAsPrinted(sim),
  })),
});

/** What answers searches in memory: a copy of the index, or one patched since (PatchedSearchIndex). */
export interface SearchableIndex {
  /** The index's version: it answers requests that read this version or an older one. */
  readonly version: bigint;
  search(text: FoldedText, scope: SearchScope, limit: number, offset: number): SearchPage;
}

const [FUZZY, PREFIX, EXACT] = [1, 2, 3];
const NONE = -1;

export class SearchIndex implements SearchableIndex {
  /** Shared-trigram counts per entry while a search runs (searches do not interleave). */
  private readonly shared: Uint16Array;
  /** The most trigrams any name has. */
  private readonly mostTrigrams: number;
  /** 1 for the trigrams of the text being searched for, while a search runs. */
  private readonly inText: Uint8Array;
  /** Each entry's tier while a search runs: PREFIX or EXACT for names beginning with the text. */
  private readonly tier: Uint8Array;
  /** Each record's best-matching entry while a search runs, else NONE. */
  private readonly bestName: Int32Array;

  constructor(
    readonly version: bigint,
    /** How many records the entries name (entries.record counts them from 0). */
    recordCount: number,
    /** pg_trgm.similarity_threshold: `%` holds from this similarity on. */
    readonly threshold: number,
    private readonly types: Codes,
    private readonly countries: Codes,
    private readonly langs: Codes,
    private readonly entries: SearchIndexEntries,
    private readonly trigramIds: Map<string, number>,
    /** Each entry's trigram ids: entryTrigrams[firstTrigram[entry] … firstTrigram[entry + 1]). */
    private readonly firstTrigram: Uint32Array,
    private readonly entryTrigrams: Int32Array,
    /** Entries per trigram, by trigram count then entry: postings[postingStart[t] … postingStart[t + 1]). */
    private readonly postingStart: Uint32Array,
    private readonly postings: Int32Array,
  ) {
    this.shared = new Uint16Array(entries.id.length);
    this.mostTrigrams = entries.trigramCount.reduce((most, count) => Math.max(most, count), 0);
    this.inText = new Uint8Array(trigramIds.size);
    this.tier = new Uint8Array(entries.id.length).fill(FUZZY);
    this.bestName = new Int32Array(recordCount).fill(NONE);
  }

  /** The ranked page and the number of records found: search.ts's SQL, in memory. */
  search(text: FoldedText, scope: SearchScope, limit: number, offset: number): SearchPage {
    return pageOf(this.top(text, scope, offset + limit), offset);
  }

  /**
   * The first `count` records found, ranked, and how many were found: the records `replaced`
   * flags (by record number) left out.
   */
  top(text: FoldedText, scope: SearchScope, count: number, replaced?: Uint8Array): TopRanked {
    const { entries } = this;
    const q = Buffer.from(text.folded);
    const queryTrigrams = new Set(text.trigrams);
    // The text's trigrams that names have.
    const known = [...queryTrigrams].flatMap((trigram) => this.trigramIds.get(trigram) ?? []);
    for (const t of known) this.inText[t] = 1;
    const touched: number[] = [];
    const records: number[] = [];
    const [firstPrefixed, afterPrefixed] = this.prefixed(q);
    try {
      this.countSharedTrigrams(
        queryTrigrams.size,
        known.map((t) => ({ start: this.postingStart[t], end: this.postingStart[t + 1] })),
        touched,
      );
      const similarity = (entry: number) =>
        trigramSimilarity(this.shared[entry], queryTrigrams.size, entries.trigramCount[entry]);
      const allowed = this.scopeFilter(scope);
      // A record's best name among those that match: similar enough, or beginning with the text.
      const consider = (entry: number) => {
        if (!allowed(entry)) return;
        const record = entries.record[entry];
        if (replaced?.[record]) return;
        const held = this.bestName[record];
        if (held === NONE) records.push(record);
        if (held === NONE || this.betterName(entry, held, similarity)) this.bestName[record] = entry;
      };
      for (let entry = firstPrefixed; entry < afterPrefixed; entry++) {
        this.tier[entry] = entries.folded.byteLength(entry) === q.length ? EXACT : PREFIX;
        this.count(entry, touched);
        consider(entry);
      }
      for (const entry of touched)
        if (this.tier[entry] === FUZZY && similarity(entry) >= this.threshold) consider(entry);
      const ranked = records.map((record) => {
        const entry = this.bestName[record];
        const sim = similarity(entry);
        const tier = this.tier[entry];
        return {
          entry,
          entity_type: this.types.values[entries.type[entry]] as SubjectType,
          entity_id: entries.id[entry],
          tier,
          sim,
          tenths: tier === FUZZY ? tenths(sim) : 0,
          population: entries.population[entry],
        };
      });
      return {
        total: ranked.length,
        rows: best(ranked, count, rankOrder).map(({ entry, ...rest }) => ({ ...rest, term: entries.term.get(entry) })),
      };
    } finally {
      for (const entry of touched) this.shared[entry] = 0;
      for (const t of known) this.inText[t] = 0;
      this.tier.fill(FUZZY, firstPrefixed, afterPrefixed);
      for (const record of records) this.bestName[record] = NONE;
    }
  }

  /** Flags, by record number, the records among `named` this index holds names of. */
  recordsAmong(named: readonly EntityRef[]): Uint8Array {
    const { entries } = this;
    const keys = new Set(
      named.flatMap(({ entity_type, entity_id }) => {
        const type = this.types.find(entity_type);
        return type === undefined ? [] : [entityKey(type, entity_id)];
      }),
    );
    const flags = new Uint8Array(this.bestName.length);
    for (let entry = 0; entry < entries.id.length; entry++)
      if (keys.has(entityKey(entries.type[entry], entries.id[entry]))) flags[entries.record[entry]] = 1;
    return flags;
  }

  /**
   * Finds the names that can be similar enough and counts the trigrams each shares with the
   * text. How similar a name is depends only on how many trigrams it has (m) and shares with the
   * text's n (s): s / (n + m − s). So, for each m, a name needs some `least` shared trigrams, and
   * so one of the n − least + 1 rarest of the text's trigrams among names of m trigrams
   * (pigeonhole): walking their postings finds every candidate. Postings are kept by m, so each m
   * walks only its own part; a candidate's count comes from its own trigrams.
   */
  private countSharedTrigrams(textTrigrams: number, lists: Range[], touched: number[]): void {
    const absent = textTrigrams - lists.length;
    for (let m = 1; m <= this.mostTrigrams; m++) {
      const least = this.leastShared(textTrigrams, m);
      if (least === undefined) continue;
      // Trigrams no name has are the rarest of all: they take their places among those walked.
      const walked = Math.max(0, textTrigrams - least + 1 - absent);
      const parts = lists.map((list) => this.partWith(list, m)).sort((a, b) => a.end - a.start - (b.end - b.start));
      for (const part of parts.slice(0, walked))
        for (let p = part.start; p < part.end; p++) this.count(this.postings[p], touched);
    }
  }

  /** Counts the trigrams an entry shares with the text, once (in `shared`), and notes it as touched. */
  private count(entry: number, touched: number[]): void {
    if (this.shared[entry] !== 0) return;
    let shared = 0;
    for (let k = this.firstTrigram[entry]; k < this.firstTrigram[entry + 1]; k++)
      shared += this.inText[this.entryTrigrams[k]];
    this.shared[entry] = shared;
    if (shared) touched.push(entry);
  }

  /** The fewest trigrams a name of m trigrams must share with a text of n to be similar enough. */
  private leastShared(n: number, m: number): number | undefined {
    for (let s = 1; s <= Math.min(n, m); s++) if (trigramSimilarity(s, n, m) >= this.threshold) return s;
    return undefined;
  }

  /** The part of a trigram's postings (kept by trigram count, then entry) whose names have m trigrams. */
  private partWith(list: Range, m: number): Range {
    return { start: this.firstWithCount(list, m), end: this.firstWithCount(list, m + 1) };
  }

  /**
   * The first of a trigram's postings whose name has at least `count` trigrams. A method, not a
   * closure in partWith: tsx names every closure it makes (esbuild's keepNames), and partWith
   * runs for every trigram count of every search's trigrams (4% of a search's CPU, profiled).
   */
  private firstWithCount({ start, end }: Range, count: number): number {
    let low = start;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries.trigramCount[this.postings[middle]] < count) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The entries [first, after) whose names begin with `prefix` (entries are in folded order). */
  private prefixed(prefix: Buffer): [number, number] {
    const { folded } = this.entries;
    const firstWhere = (before: (entry: number) => boolean) => {
      let low = 0;
      let high = this.entries.id.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (before(middle)) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    return [
      firstWhere((entry) => folded.compareWith(entry, prefix) < 0),
      firstWhere((entry) => folded.compareWith(entry, prefix) < 0 || folded.startsWith(entry, prefix)),
    ];
  }

  private scopeFilter({ types, countries, lang }: SearchScope): (entry: number) => boolean {
    const codes = (values: string[] | null, of: Codes) =>
      values && new Set(values.map((value) => of.find(value) ?? Number.NaN));
    const typeCodes = codes(types, this.types);
    const countryCodes = codes(countries, this.countries);
    const langCode = lang === null ? null : (this.langs.find(lang) ?? Number.NaN);
    const { entries } = this;
    return (entry) =>
      (!typeCodes || typeCodes.has(entries.type[entry])) &&
      (!countryCodes || countryCodes.has(entries.country[entry])) &&
      (langCode === null || entries.lang[entry] === 0 || entries.lang[entry] === langCode);
  }

  /** A record's best name: tier, then similarity, then the name's bytes (Brašov before Brașov). */
  private betterName(a: number, b: number, similarity: (entry: number) => number): boolean {
    if (this.tier[a] !== this.tier[b]) return this.tier[a] > this.tier[b];
    if (similarity(a) !== similarity(b)) return similarity(a) > similarity(b);
    return this.entries.term.compare(a, b) < 0;
  }
}

/** The first `count` items in `order`, in order: a sorted selection, not a sort of them all. */
function best<Item>(items: Item[], count: number, order: (a: Item, b: Item) => number): Item[] {
  const chosen: Item[] = [];
  for (const item of items) {
    if (chosen.length === count && (count === 0 || order(item, chosen[count - 1]) >= 0)) continue;
    let low = 0;
    let high = chosen.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (order(chosen[middle], item) <= 0) low = middle + 1;
      else high = middle;
    }
    chosen.splice(low, 0, item);
    if (chosen.length > count) chosen.pop();
  }
  return chosen;
}

/** A record's key among the entries being laid out: its type's code and its id, as one number. */
const entityKey = (type: number, id: number) => type * 2 ** 32 + id;

/**
 * The number `key` has in `numbers`, the next one if it has none yet. Called for every trigram of
 * every name (millions per load), so without getOrCreate's closure.
 */
function numbered<Key>(numbers: Map<Key, number>, key: Key): number {
  let number = numbers.get(key);
  if (number === undefined) {
    number = numbers.size;
    numbers.set(key, number);
  }
  return number;
}

/** Lays the entries out in typed arrays as they are fetched (sized by their count up front). */
class SearchIndexBuilder {
  private readonly types = new Codes();
  private readonly countries = new Codes();
  private readonly langs = new Codes();
  private readonly entries: SearchIndexEntries;
  private size = 0;
  private readonly trigramIds = new Map<string, number>();
  /** Record numbers by type code and id (entityKey). */
  private readonly records = new Map<number, number>();
  /** Each entry's trigram ids, one after another (trigramCount[entry] of them), growing as needed. */
  private entryTrigrams: Int32Array;
  private trigramsAdded = 0;

  constructor(
    private readonly version: bigint,
    count: number,
  ) {
    this.entries = {
      type: new Uint8Array(count),
      id: new Int32Array(count),
      term: new TextColumn(count, 16),
      folded: new TextColumn(count, 16),
      lang: new Uint16Array(count),
      country: new Uint16Array(count),
      population: new Int32Array(count),
      trigramCount: new Uint16Array(count),
      record: new Int32Array(count),
    };
    this.entryTrigrams = new Int32Array(count * 12);
  }

  add(rows: EntryRow[]): void {
    const { entries, records, trigramIds } = this;
    for (const row of rows) {
      const entry = this.size++;
      const type = this.types.code(row.entity_type);
      const trigrams = row.trigrams ? row.trigrams.split(",") : [];
      entries.type[entry] = type;
      entries.id[entry] = row.entity_id;
      entries.term.set(entry, row.term);
      entries.folded.set(entry, row.folded);
      entries.lang[entry] = this.langs.code(row.lang);
      entries.country[entry] = this.countries.code(row.country_code);
      entries.population[entry] = row.population ?? NO_POPULATION;
      entries.trigramCount[entry] = trigrams.length;
      entries.record[entry] = numbered(records, entityKey(type, row.entity_id));
      if (this.trigramsAdded + trigrams.length > this.entryTrigrams.length) {
        const grown = new Int32Array(2 * (this.trigramsAdded + trigrams.length));
        grown.set(this.entryTrigrams);
        this.entryTrigrams = grown;
      }
      for (const trigram of trigrams) this.entryTrigrams[this.trigramsAdded++] = numbered(trigramIds, trigram);
    }
  }

  build(threshold: number): SearchIndex {
    const { entries, size } = this;
    if (size !== entries.id.length) throw new Error(`the search index changed while loading (${size} entries)`);
    // Entries are numbered in folded order, so the names beginning with a text are a range of
    // them, read from memory in order.
    for (let entry = 1; entry < size; entry++)
      if (entries.folded.compare(entry - 1, entry) > 0)
        throw new Error("the search index was not loaded in folded order");
    // Postings laid out by trigram: a count per trigram, then each trigram's start, then the entries.
    const trigrams = this.entryTrigrams.subarray(0, this.trigramsAdded);
    const postingStart = new Uint32Array(this.trigramIds.size + 1);
    for (const t of trigrams) postingStart[t + 1]++;
    for (let t = 0; t < this.trigramIds.size; t++) postingStart[t + 1] += postingStart[t];
    const fill = postingStart.slice(0, -1);
    const postings = new Int32Array(trigrams.length);
    const firstTrigram = new Uint32Array(size + 1);
    for (let entry = 0; entry < size; entry++)
      firstTrigram[entry + 1] = firstTrigram[entry] + entries.trigramCount[entry];
    // Entries by trigram count, then entry (a stable sort), so each trigram's postings are too.
    const byCount = Uint32Array.from({ length: size }, (_, entry) => entry).sort(
      (a, b) => entries.trigramCount[a] - entries.trigramCount[b] || a - b,
    );
    for (const entry of byCount)
      for (let k = firstTrigram[entry]; k < firstTrigram[entry + 1]; k++) postings[fill[trigrams[k]]++] = entry;
    return new SearchIndex(
      this.version,
      this.records.size,
      threshold,
      this.types,
      this.countries,
      this.langs,
      entries,
      this.trigramIds,
      firstTrigram,
      trigrams.slice(),
      postingStart,
      postings,
    );
  }
}

/** The data_version row of the search index. */
export const SEARCH_INDEX_COPY = "search_index";
const VERSION = Prisma.sql`(SELECT version FROM data_version WHERE name = ${SEARCH_INDEX_COPY})`;

/** An entry as the index is built from it (EntryRow) but for its trigrams. */
const ENTRY_COLUMNS = Prisma.sql`entity_type, entity_id, term, folded, lang, population, country_code`;
/** The trigrams of an entry's folded name, as EntryRow holds them. */
const TRIGRAMS = Prisma.sql`array_to_string(show_trgm(folded), ',') AS trigrams`;

/** Rows per fetch while loading: bounds the memory a load takes beside the index it builds. */
const LOAD_BATCH = 5_000;

/** Loads the whole index and its version in one snapshot, a batch of entries at a time. */
export function loadSearchIndex(snapshot: Context["snapshot"]): Promise<SearchIndex> {
  return snapshot(async (read) => {
    const [{ version, count }] = await read<{ version: string; count: number }>(Prisma.sql`
      SELECT ${VERSION} AS version, (SELECT count(*)::int FROM search_entry WHERE folded IS NOT NULL) AS count`);
    // Trigrams are extracted as each batch is fetched, after the sort (OFFSET 0 keeps them out of
    // it): the first batch comes without waiting for every name's, and the rest while the server
    // lays out the batch before.
    await read(Prisma.sql`DECLARE search_index_load NO SCROLL CURSOR FOR
      SELECT ${ENTRY_COLUMNS}, ${TRIGRAMS}
        FROM (SELECT ${ENTRY_COLUMNS} FROM search_entry WHERE folded IS NOT NULL
               ORDER BY folded COLLATE "C" OFFSET 0) AS entry`);
    const builder = new SearchIndexBuilder(BigInt(version), count);
    const fetchBatch = () => read<EntryRow>(Prisma.sql`FETCH ${Prisma.raw(String(LOAD_BATCH))} FROM search_index_load`);
    // The next batch is asked for before this one is laid out: PostgreSQL makes it meanwhile.
    let next = fetchBatch();
    let rows: EntryRow[];
    do {
      rows = await next;
      if (rows.length === LOAD_BATCH) next = fetchBatch();
      builder.add(rows);
    } while (rows.length === LOAD_BATCH);
    // The setting exists once pg_trgm is loaded, which the fetches did.
    const [{ threshold }] = await read<{ threshold: number }>(Prisma.sql`
      SELECT current_setting('pg_trgm.similarity_threshold')::float8 AS threshold`);
    return builder.build(threshold);
  });
}

/**
 * Records whose names changed since a copy that a patch holds at most: the migration logs no more
 * per transaction (search_entry_change's '*' then), and more come cheaper with a new copy.
 */
const MAX_PATCHED = 2_000;

/**
 * A copy patched with the names of the records changed since it was loaded: the copy answers
 * for every other record, the patch (an index of the changed records' names alone) for those,
 * each ranking as search.ts's SQL does, and the first records of both are merged in that order.
 */
class PatchedSearchIndex implements SearchableIndex {
  constructor(
    readonly version: bigint,
    private readonly copy: SearchIndex,
    private readonly patch: SearchIndex,
    /** The copy's records the patch replaces, flagged by record number. */
    private readonly replaced: Uint8Array,
  ) {}

  search(text: FoldedText, scope: SearchScope, limit: number, offset: number): SearchPage {
    const count = offset + limit;
    const kept = this.copy.top(text, scope, count, this.replaced);
    const changed = this.patch.top(text, scope, count);
    return pageOf(
      { total: kept.total + changed.total, rows: best([...kept.rows, ...changed.rows], count, rankOrder) },
      offset,
    );
  }
}

/**
 * `copy` patched to the index's version now, in one snapshot: the records search_entry_change
 * names since the copy's version, with their names now. Null when more changed than a patch
 * holds, or when the log no longer reaches back to the copy: every version logs at least one
 * row (a record, or '*'), so the log holds all since the copy while it holds the version after
 * it, however the migration prunes it.
 */
export function loadPatched(snapshot: Context["snapshot"], copy: SearchIndex): Promise<PatchedSearchIndex | null> {
  return snapshot(async (read) => {
    const [{ version, reaches }] = await read<{ version: string; reaches: boolean }>(Prisma.sql`
      SELECT ${VERSION} AS version,
             EXISTS (SELECT FROM search_entry_change WHERE version = ${String(copy.version + 1n)}::bigint) AS reaches`);
    if (BigInt(version) > copy.version && !reaches) return null;
    const since = Prisma.sql`SELECT entity_type, entity_id FROM search_entry_change WHERE version > ${String(copy.version)}::bigint`;
    const changed = await read<EntityRef>(Prisma.sql`SELECT DISTINCT * FROM (${since}) AS c LIMIT ${MAX_PATCHED + 1}`);
    if (changed.length > MAX_PATCHED || changed.some((record) => record.entity_type === "*")) return null;
    const rows = await read<EntryRow>(Prisma.sql`
      SELECT ${ENTRY_COLUMNS}, ${TRIGRAMS} FROM search_entry
       WHERE folded IS NOT NULL AND (entity_type, entity_id) IN (${since})
       ORDER BY folded COLLATE "C"`);
    const patch = new SearchIndexBuilder(BigInt(version), rows.length);
    patch.add(rows);
    return new PatchedSearchIndex(BigInt(version), copy, patch.build(copy.threshold), copy.recordsAmong(changed));
  });
}

/** A new copy is built no sooner than this many times the last build's duration after it. */
const REBUILD_PAUSE = 4;

interface Held {
  index?: SearchIndex;
  /** The copy patched to a later version than its own, while a newer copy is built: never older than `index`. */
  patched?: PatchedSearchIndex;
  patching?: Promise<void>;
  /** A copy too much has changed since to patch (changes only add up): searches wait for the next. */
  unpatchable?: SearchIndex;
  /** Texts folded lately (folding never changes): a search box sends the same prefixes again and again. */
  folds: Map<string, FoldedText>;
  building?: Promise<void>;
  /** When the next build may start (ms since the epoch): builds take at most a fifth of a core. */
  nextBuildAt: number;
}
const held = new WeakMap<PrismaClient, Held>();
const newHeld = (): Held => ({ folds: new Map(), nextBuildAt: 0 });
/** Folded texts remembered per database, the oldest forgotten first. */
const MAX_FOLDS = 10_000;
/** Longer texts are folded each time (few people type them twice). */
const MAX_FOLDED_LENGTH = 64;

/** Where a copy is read from, and whose it is: one per database. */
type Source = Pick<Context, "prisma" | "snapshot">;

/** Starts building a copy unless one is being built or the last build was too recent. */
function rebuild({ snapshot }: Source, holding: Held): void {
  if (holding.building || Date.now() < holding.nextBuildAt) return;
  const started = Date.now();
  holding.building = loadSearchIndex(snapshot)
    .then((index) => {
      if (!holding.index || index.version > holding.index.version) holding.index = index;
      if (holding.patched && holding.patched.version <= index.version) holding.patched = undefined;
    })
    .catch((error: Error) => console.error(`citynet: the search index was not rebuilt: ${error.message}`))
    .finally(() => {
      holding.building = undefined;
      holding.nextBuildAt = Date.now() + REBUILD_PAUSE * (Date.now() - started);
    });
}

/**
 * The index in memory if it is at least as new as `version` (read by the request), else null,
 * and a newer copy is built in the background (one at a time, paced by REBUILD_PAUSE).
 */
export function searchIndexAt(source: Source, version: bigint): SearchIndex | null {
  const holding = getOrCreate(held, source.prisma, newHeld);
  if (holding.index && holding.index.version >= version) return holding.index;
  rebuild(source, holding);
  return null;
}

/**
 * An index in memory at least as new as `version` (read by the request): the copy, or the copy
 * patched with the records changed since (patched here once per version, in one snapshot);
 * null when there is no copy yet or too much changed, and PostgreSQL answers. A stale copy
 * starts a new one in the background as searchIndexAt does.
 */
export async function searchableIndexAt(source: Source, version: bigint): Promise<SearchableIndex | null> {
  const copy = searchIndexAt(source, version);
  if (copy) return copy;
  const holding = getOrCreate(held, source.prisma, newHeld);
  if (!holding.index) return null;
  const current = () => (holding.patched && holding.patched.version >= version ? holding.patched : null);
  // A patch being loaded may have read an older version than this request: then one more.
  for (let attempt = 0; attempt < 2 && !current() && holding.index !== holding.unpatchable; attempt++) {
    holding.patching ??= patch(source, holding, holding.index);
    await holding.patching;
  }
  return current();
}

/**
 * Loads `index` patched to the version now, kept unless a newer copy or patch came meanwhile. A
 * patch that fails to load leaves the search to PostgreSQL, as a stale copy does.
 */
function patch({ snapshot }: Source, holding: Held, index: SearchIndex): Promise<void> {
  return loadPatched(snapshot, index)
    .then((patched) => {
      if (!patched) holding.unpatchable = index;
      else if (holding.index === index && (!holding.patched || patched.version > holding.patched.version))
        holding.patched = patched;
    })
    .catch((error: Error) => console.error(`citynet: the search index was not patched: ${error.message}`))
    .finally(() => {
      holding.patching = undefined;
    });
}

/** Builds the index now unless it is current (a server warms it as it starts). */
export async function warmSearchIndex(source: Source): Promise<void> {
  const [{ version }] = await source.snapshot((read) =>
    read<{ version: string }>(Prisma.sql`SELECT ${VERSION} AS version`),
  );
  const holding = getOrCreate(held, source.prisma, newHeld);
  if (!searchIndexAt(source, BigInt(version))) await holding.building;
}

/** The text folded and split into trigrams by PostgreSQL, and the index's version, in one statement. */
export async function foldSearchText(
  { read, prisma }: Pick<Context, "read" | "prisma">,
  text: string,
): Promise<FoldedText & { version: bigint }> {
  const [row] = await read<FoldedText & { version: string }>(Prisma.sql`
    SELECT citynet_fold(${text}) AS folded, show_trgm(citynet_fold(${text})) AS trigrams, ${VERSION} AS version`);
  if (text.length <= MAX_FOLDED_LENGTH) {
    const { folds } = getOrCreate(held, prisma, newHeld);
    if (folds.size >= MAX_FOLDS) folds.delete(folds.keys().next().value!);
    folds.set(text, { folded: row.folded, trigrams: row.trigrams });
  }
  return { ...row, version: BigInt(row.version) };
}

/**
 * The index in memory, whatever its version, and the text as foldSearchText folded it lately,
 * if both are at hand: the caller then checks the version with the records it loads
 * (loadRecordsAtVersion), one statement instead of two.
 */
export function heldSearchIndex(
  prisma: PrismaClient,
  text: string,
): { index: SearchableIndex; folded: FoldedText } | null {
  const holding = held.get(prisma);
  const folded = holding?.folds.get(text);
  const index = holding?.patched ?? holding?.index;
  return index && folded ? { index, folded } : null;
}
