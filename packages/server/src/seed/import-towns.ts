// Imports every European town of GeoNames cities500 as reference data (`pnpm data:towns`).
// Idempotent and resumable: towns are keyed by GeoNames id, each batch commits on its own,
// and a re-run inserts only what is missing (nothing, once complete).
import type { Database } from "../db/database.js";
import { analyzeSearchIndex } from "../db/search-index.js";
import { foldDiacritics, slugify } from "../lib/text.js";
import { type GeonamesTown, loadRegionNames, REGISTRY_SOURCES, readGeonames } from "./reference.js";

/**
 * Europe as CityNet counts it: the EU, EFTA, the United Kingdom and its Crown Dependencies,
 * the Western Balkans (with Kosovo), Ukraine, Belarus, Moldova, the microstates, and the
 * Faroe Islands, Åland and Gibraltar. Russia and Turkey are left out: most of their towns lie
 * outside Europe and would dwarf the rest (Russia alone has more cities500 towns than
 * Germany); towns there that the documents name (Ryazan) are in CityNet all the same.
 */
export const EUROPE = [
  ...[
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
  ],
  ...["IS", "LI", "NO", "CH"],
  ...["GB", "IM", "JE", "GG"],
  ...["AL", "BA", "ME", "MK", "RS", "XK"],
  ...["UA", "BY", "MD"],
  ...["AD", "MC", "SM", "VA"],
  ...["FO", "AX", "GI"],
] as const;

/** Populated places that are not towns in their own right: districts, historical, abandoned, destroyed. */
const EXCLUDED_FEATURES = new Set(["PPLX", "PPLH", "PPLQ", "PPLW"]);
/** Seats of administration keep their place even below 1,000 inhabitants. */
const SEAT_FEATURES = new Set(["PPLC", "PPLG", "PPLA", "PPLA2", "PPLA3", "PPLA4"]);
export const MIN_POPULATION = 1000;

export const DATASET = "geonames-cities500-europe";

export function isEuropeanTown(town: GeonamesTown, countries: ReadonlySet<string>): boolean {
  return (
    countries.has(town.countryCode) &&
    town.featureClass === "P" &&
    !EXCLUDED_FEATURES.has(town.featureCode) &&
    (town.population >= MIN_POPULATION || SEAT_FEATURES.has(town.featureCode))
  );
}

export interface ImportOptions {
  /** Only these countries (a representative subset, for quick tests); default all of EUROPE. */
  countries?: readonly string[];
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  candidates: number;
  inserted: number;
  alternateNames: number;
}

/** A slug no other town has: the name, then with the country, region, and finally the id. */
function uniqueSlug(town: GeonamesTown, region: string | undefined, taken: Set<string>): string {
  const base = slugify(town.name) || String(town.geonameId);
  const candidates = [
    base,
    `${base}-${town.countryCode.toLowerCase()}`,
    region ? `${base}-${town.countryCode.toLowerCase()}-${slugify(region)}` : null,
    `${base}-${town.geonameId}`,
  ];
  const slug = candidates.find((c): c is string => !!c && !taken.has(c))!;
  taken.add(slug);
  return slug;
}

export async function importEuropeanTowns(db: Database, options: ImportOptions = {}): Promise<ImportResult> {
  const countries = new Set<string>(options.countries ?? EUROPE);
  const batchSize = options.batchSize ?? 2000;
  const { prisma } = db;

  const wanted: GeonamesTown[] = [];
  for await (const town of readGeonames((_id, country) => countries.has(country)))
    if (isEuropeanTown(town, countries)) wanted.push(town);
  // Larger towns first, so that they get the plain slugs ("martin" is the Slovak city).
  wanted.sort((a, b) => b.population - a.population || a.geonameId - b.geonameId);

  const existing = new Set(
    (await prisma.town.findMany({ where: { geonameId: { not: null } }, select: { geonameId: true } })).map(
      (t) => t.geonameId!,
    ),
  );
  const taken = new Set((await prisma.town.findMany({ select: { slug: true } })).map((t) => t.slug));
  const missing = wanted.filter((t) => !existing.has(t.geonameId));
  const regions = loadRegionNames();
  const source = await prisma.source.upsert({
    where: { key: REGISTRY_SOURCES.geonames.key },
    create: { ...REGISTRY_SOURCES.geonames, kind: "REGISTRY" },
    update: {},
  });

  let inserted = 0;
  let alternateNames = 0;
  options.onProgress?.(wanted.length - missing.length, wanted.length);
  for (let begin = 0; begin < missing.length; begin += batchSize) {
    const batch = missing.slice(begin, begin + batchSize);
    alternateNames += await db.transaction((tx) => insertBatch(tx, batch, source.id, regions, taken));
    inserted += batch.length;
    // The search index's triggers plan their statements with these tables' statistics. Planned
    // while the tables were still empty, before autovacuum had counted them (it comes round once a
    // minute), each batch scanned them whole: without autovacuum, 106 s for the import instead of 24.
    if (begin === 0) await analyzeSearchIndex(db, ["Town", "TownName"]);
    options.onProgress?.(wanted.length - missing.length + inserted, wanted.length);
  }

  const scope = `cities500 towns of ≥${MIN_POPULATION} inhabitants or administrative seats in ${[...countries].sort().join(" ")}`;
  await prisma.datasetImport.upsert({
    where: { dataset: DATASET },
    create: { dataset: DATASET, completedAt: new Date(), rowCount: wanted.length, scope },
    update: inserted ? { completedAt: new Date(), rowCount: wanted.length, scope } : {},
  });
  if (inserted) await analyzeSearchIndex(db);
  return { candidates: wanted.length, inserted, alternateNames };
}

const TOWN_COLUMNS = [
  "slug",
  "name",
  "asciiName",
  "countryCode",
  "admin1Code",
  "region",
  "admin2Code",
  "subregion",
  "population",
  "latitude",
  "longitude",
  "elevation",
  "timezone",
  "geonameId",
  "featureCode",
  "geonamesUpdatedOn",
] as const;
const TOWN_TYPES = [
  "text",
  "text",
  "text",
  "bpchar",
  "text",
  "text",
  "text",
  "text",
  "int",
  "float8",
  "float8",
  "int",
  "text",
  "int",
  "text",
  "date",
];

/**
 * Inserts one batch of towns with their names, population figures and citations: one
 * INSERT … SELECT FROM unnest(arrays) per table, far faster than row objects through an ORM.
 * Returns how many alternate names were added.
 */
async function insertBatch(
  tx: Pick<Database, "query">,
  batch: GeonamesTown[],
  sourceId: number,
  regions: Map<string, string>,
  taken: Set<string>,
): Promise<number> {
  const columns: unknown[][] = TOWN_COLUMNS.map(() => []);
  for (const g of batch) {
    const region = g.admin1Code ? regions.get(`${g.countryCode}.${g.admin1Code}`) : undefined;
    const subregion = g.admin2Code ? regions.get(`${g.countryCode}.${g.admin1Code}.${g.admin2Code}`) : undefined;
    const values = [
      uniqueSlug(g, region, taken),
      g.name,
      foldDiacritics(g.name),
      g.countryCode,
      g.admin1Code,
      region ?? null,
      g.admin2Code,
      subregion ?? null,
      g.population || null,
      g.latitude,
      g.longitude,
      g.elevation,
      g.timezone,
      g.geonameId,
      g.featureCode,
      g.modifiedOn,
    ];
    for (const [i, value] of values.entries()) columns[i].push(value);
  }
  const rows = await tx.query<{ id: number; geonameId: number }>(
    `INSERT INTO "Town" (${TOWN_COLUMNS.map((c) => `"${c}"`).join(", ")})
     SELECT * FROM unnest(${TOWN_TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(", ")})
     ON CONFLICT ("geonameId") DO NOTHING
     RETURNING id, "geonameId"`,
    columns,
  );
  const ids = new Map(rows.map((r) => [r.geonameId, r.id]));
  const names = { townId: [] as number[], name: [] as string[], kind: [] as string[] };
  const figures = { townId: [] as number[], value: [] as number[], statedOn: [] as string[] };
  const citations = { subjectId: [] as number[], quote: [] as string[] };
  for (const g of batch) {
    const townId = ids.get(g.geonameId);
    if (townId === undefined) continue;
    const alternates = new Set(g.alternateNames.filter((n) => n && n !== g.name));
    const addName = (name: string, kind: string) => {
      names.townId.push(townId);
      names.name.push(name);
      names.kind.push(kind);
    };
    for (const name of alternates) addName(name, "ALTERNATE");
    if (foldDiacritics(g.name) !== g.name) addName(foldDiacritics(g.name), "ASCII");
    if (g.population) {
      figures.townId.push(townId);
      figures.value.push(g.population);
      figures.statedOn.push(g.modifiedOn);
    }
    citations.subjectId.push(townId);
    citations.quote.push(g.quote);
  }
  await tx.query(
    `INSERT INTO "TownName" ("townId", name, kind) SELECT * FROM unnest($1::int[], $2::text[], $3::"TownNameKind"[]) ON CONFLICT DO NOTHING`,
    [names.townId, names.name, names.kind],
  );
  await tx.query(
    `INSERT INTO "PopulationFigure" ("townId", value, "statedOn", "sourceId", qualifier) SELECT t, v, d, $4, 'EXACT' FROM unnest($1::int[], $2::int[], $3::date[]) AS u(t, v, d)`,
    [figures.townId, figures.value, figures.statedOn, sourceId],
  );
  await tx.query(
    `INSERT INTO "Citation" ("sourceId", "subjectType", "subjectId", quote, field) SELECT $3, 'TOWN', s, q, 'coordinates, population, region' FROM unnest($1::int[], $2::text[]) AS u(s, q)`,
    [citations.subjectId, citations.quote, sourceId],
  );
  return names.name.length;
}

export async function townsImported(db: Database): Promise<boolean> {
  return (await db.prisma.datasetImport.findUnique({ where: { dataset: DATASET } })) !== null;
}
