// Every town's place in memory: its point on earthdistance's sphere (as ll_to_earth() computes
// it, read from PostgreSQL so the same bits), population and country, loaded once per version of
// data_version 'town_places' (raised by the commit of any write to those columns). Partner
// suggestions score all 66,000 towns per request; in memory that takes a millisecond.
import { Prisma } from "../../generated/prisma/index.js";
import { Codes } from "../../lib/codes.js";
import { VersionedCopies } from "../../lib/versioned-copies.js";

/** earthdistance's earth(): the sphere's radius in metres. */
const EARTH_RADIUS = 6378168;

/** The edge of a cell of TownPlaces' grid, in metres: about a thousand cells hold Europe's towns. */
const CELL = 100_000;

export class TownPlaces {
  private readonly position = new Map<number, number>();
  /** The towns by cell of a grid over their points: cellTowns[cellStart[c] … cellStart[c + 1]). */
  private readonly cellStart: Uint32Array;
  private readonly cellTowns: Int32Array;
  /** Each cell's box around its towns' points: low x, y, z, then high x, y, z. */
  private readonly cellBox: Float64Array;

  constructor(
    readonly id: Int32Array,
    /** ll_to_earth(latitude, longitude): the point in metres from the earth's centre. */
    readonly x: Float64Array,
    readonly y: Float64Array,
    readonly z: Float64Array,
    /** NaN where the population is unknown. */
    readonly population: Float64Array,
    readonly country: Uint16Array,
    readonly countries: Codes,
  ) {
    for (const [i, townId] of id.entries()) this.position.set(townId, i);
    const axes = [x, y, z];
    const cellOf = (i: number) => axes.map((axis) => Math.floor(axis[i] / CELL)).join(",");
    const cells = new Map<string, number[]>();
    for (let i = 0; i < id.length; i++) {
      const key = cellOf(i);
      const towns = cells.get(key);
      if (towns) towns.push(i);
      else cells.set(key, [i]);
    }
    this.cellStart = new Uint32Array(cells.size + 1);
    this.cellTowns = new Int32Array(id.length);
    this.cellBox = new Float64Array(6 * cells.size);
    let c = 0;
    for (const towns of cells.values()) {
      this.cellTowns.set(towns, this.cellStart[c]);
      this.cellStart[c + 1] = this.cellStart[c] + towns.length;
      for (const [a, axis] of axes.entries()) {
        const along = towns.map((i) => axis[i]);
        this.cellBox[6 * c + a] = Math.min(...along);
        this.cellBox[6 * c + 3 + a] = Math.max(...along);
      }
      c++;
    }
  }

  /**
   * Every town, a cell at a time, nearest cells first, with the least chord from the origin to any
   * town of the cell (where it lies): `visit` stops the walk by answering false.
   */
  nearestFirst(origin: number, visit: (leastChord: number, towns: Int32Array) => boolean): void {
    const count = this.cellStart.length - 1;
    const least = new Float64Array(count);
    const point = [this.x[origin], this.y[origin], this.z[origin]];
    for (let c = 0; c < count; c++) {
      let squared = 0;
      for (let a = 0; a < 3; a++) {
        const gap = Math.max(0, this.cellBox[6 * c + a] - point[a], point[a] - this.cellBox[6 * c + 3 + a]);
        squared += gap * gap;
      }
      least[c] = Math.sqrt(squared);
    }
    const order = Uint32Array.from({ length: count }, (_, c) => c).sort((a, b) => least[a] - least[b]);
    for (const c of order)
      if (!visit(least[c], this.cellTowns.subarray(this.cellStart[c], this.cellStart[c + 1]))) return;
  }

  get size(): number {
    return this.id.length;
  }

  positionOf(townId: number): number | undefined {
    return this.position.get(townId);
  }

  countryOf(i: number): string {
    return this.countries.values[this.country[i]]!;
  }

  /** cube_distance() between two towns' points, in metres: the chord, never longer than the arc. */
  chord(a: number, b: number): number {
    const dx = this.x[a] - this.x[b];
    const dy = this.y[a] - this.y[b];
    const dz = this.z[a] - this.z[b];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /** earth_distance() between two towns, in metres: the great circle over their chord. */
  distance(a: number, b: number): number {
    return greatCircle(this.chord(a, b));
  }

  /** earth_box(origin, metres) @> the town: within the cube around the origin (as cube_contains compares). */
  inBox(origin: number, i: number, metres: number): boolean {
    const half = chord(metres);
    const within = (of: Float64Array) => of[origin] - half <= of[i] && of[i] <= of[origin] + half;
    return within(this.x) && within(this.y) && within(this.z);
  }
}

/** sec_to_gc(): a chord's great-circle distance. */
export function greatCircle(chordLength: number): number {
  if (chordLength < 0) return 0;
  if (chordLength / (2 * EARTH_RADIUS) > 1) return Math.PI * EARTH_RADIUS;
  return 2 * EARTH_RADIUS * Math.asin(chordLength / (2 * EARTH_RADIUS));
}

/** gc_to_sec(): a great-circle distance's chord. */
function chord(greatCircleLength: number): number {
  if (greatCircleLength < 0) return 0;
  if (greatCircleLength / EARTH_RADIUS > Math.PI) return 2 * EARTH_RADIUS;
  return 2 * EARTH_RADIUS * Math.sin(greatCircleLength / (2 * EARTH_RADIUS));
}

interface PlaceRow {
  /** bigint, as node-postgres gives it: text. */
  version: string;
  id: number | null;
  x: number;
  y: number;
  z: number;
  population: number | null;
  countryCode: string;
}

export const townPlaces = new VersionedCopies(async (read) => {
  // One statement, one snapshot: the version joined to every town (and alone when there are none).
  const rows = await read<PlaceRow>(Prisma.sql`
    SELECT v.version, t.id, cube_ll_coord(p.earth, 1) AS x, cube_ll_coord(p.earth, 2) AS y,
           cube_ll_coord(p.earth, 3) AS z, t.population, t."countryCode"
      FROM data_version v
      LEFT JOIN "Town" t ON true
      LEFT JOIN LATERAL (SELECT ll_to_earth(t.latitude, t.longitude) AS earth) p ON true
     WHERE v.name = 'town_places'
     ORDER BY t.id`);
  const towns = rows.filter((row) => row.id !== null);
  const countries = new Codes();
  const column = (of: (row: PlaceRow) => number) => Float64Array.from(towns, of);
  return {
    version: BigInt(rows[0].version),
    copy: new TownPlaces(
      Int32Array.from(towns, (row) => row.id!),
      column((row) => row.x),
      column((row) => row.y),
      column((row) => row.z),
      column((row) => row.population ?? Number.NaN),
      Uint16Array.from(towns, (row) => countries.code(row.countryCode)),
      countries,
    ),
  };
});
