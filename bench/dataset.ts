// The benchmark's database: the real seed, every European town, and a generated cooperation
// layer at the scale of a busy year of CityNet (200 networks, 5,000 memberships, 2,000 events,
// 500 projects with 2,000 partner towns). Generation is seeded, so every run measures the same
// data. Generated records are named "Generated …" and exist only in the throwaway database.
import { type Database, openDatabase } from "../packages/server/src/db/database.js";
import { migrate } from "../packages/server/src/db/migrate.js";
import { importEuropeanTowns } from "../packages/server/src/seed/import-towns.js";
import { seedIfEmpty } from "../packages/server/src/seed/seed.js";
import { databaseConfigFor } from "../packages/server/test/support/postgres.js";

/** BENCH_LAYER_SCALE multiplies the networks and projects (10: a cooperation layer 10× larger). */
const LAYER_SCALE = Number(process.env.BENCH_LAYER_SCALE || 1);

export const SCALE = {
  networks: 200 * LAYER_SCALE,
  membersPerNetwork: 25,
  eventsPerNetwork: 10,
  projects: 500 * LAYER_SCALE,
  townsPerProject: 4,
} as const;

/** mulberry32: a tiny, well-distributed PRNG; the same seed gives the same dataset. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PoolTown {
  id: number;
  countryCode: string;
}

const localized = (text: string) => JSON.stringify([{ lang: "en", text, original: true }]);
const day = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

/** Members mostly from the network's home country, like the real networks in the documents. */
function pickMembers(
  random: () => number,
  pool: PoolTown[],
  byCountry: Map<string, PoolTown[]>,
  home: string,
  count: number,
): PoolTown[] {
  const chosen = new Map<number, PoolTown>();
  const local = byCountry.get(home)!;
  while (chosen.size < count) {
    const from = random() < 0.6 && local.length >= count ? local : pool;
    const town = from[Math.floor(random() * from.length)];
    chosen.set(town.id, town);
  }
  return [...chosen.values()];
}

export async function generateCooperationLayer(db: Database, seed = 20261121): Promise<void> {
  const random = prng(seed);
  // Towns of 5,000+ inhabitants take part in cooperation; ordered by slug for a stable pool.
  const pool = await db.query<PoolTown>(`SELECT id, "countryCode" FROM "Town" WHERE population >= 5000 ORDER BY slug`);
  const byCountry = new Map<string, PoolTown[]>();
  for (const town of pool) {
    if (!byCountry.has(town.countryCode)) byCountry.set(town.countryCode, []);
    byCountry.get(town.countryCode)!.push(town);
  }
  const countries = [...byCountry.keys()].filter((c) => byCountry.get(c)!.length >= 50).sort();

  const networks: unknown[][] = [];
  const memberships: unknown[][] = [];
  const events: unknown[][] = [];
  for (let n = 1; n <= SCALE.networks; n++) {
    const slug = `generated-network-${String(n).padStart(3, "0")}`;
    const home = countries[Math.floor(random() * countries.length)];
    const members = pickMembers(random, pool, byCountry, home, SCALE.membersPerNetwork);
    const founded = 1990 + Math.floor(random() * 30);
    networks.push([slug, localized(`Generated network ${n}`), founded, members[0].id, home, SCALE.membersPerNetwork]);
    for (const [i, town] of members.entries()) {
      memberships.push([
        slug,
        town.id,
        i < 3 ? "FOUNDING_MEMBER" : "MEMBER",
        day(founded + Math.floor(random() * 6), 0),
      ]);
    }
    for (let e = 0; e < SCALE.eventsPerNetwork; e++) {
      const year = founded + 1 + Math.floor(random() * (2026 - founded));
      const start = day(year, Math.floor(random() * 360));
      events.push([
        `${slug}-conference-${e + 1}`,
        localized(`Generated network ${n}: conference ${e + 1}`),
        slug,
        members[Math.floor(random() * members.length)].id,
        start,
      ]);
    }
  }
  const projects: unknown[][] = [];
  const projectTowns: unknown[][] = [];
  for (let p = 1; p <= SCALE.projects; p++) {
    const slug = `generated-project-${String(p).padStart(3, "0")}`;
    const home = countries[Math.floor(random() * countries.length)];
    const start = 2007 + Math.floor(random() * 17);
    projects.push([
      slug,
      localized(`Generated project ${p}`),
      `${start}-01-01`,
      `${start + 2}-12-31`,
      SCALE.townsPerProject,
    ]);
    for (const town of pickMembers(random, pool, byCountry, home, SCALE.townsPerProject))
      projectTowns.push([slug, town.id]);
  }

  const column = (rows: unknown[][], i: number) => rows.map((row) => row[i]);
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO "Network" (slug, names, "foundedYear", "initiatorTownId", "homeCountryCode", "declaredMemberCount")
       SELECT * FROM unnest($1::text[], $2::jsonb[], $3::int[], $4::int[], $5::text[], $6::int[])`,
      [0, 1, 2, 3, 4, 5].map((i) => column(networks, i)),
    );
    await tx.query(
      `INSERT INTO "Membership" ("networkId", "townId", role, "joinedPrecision", "joinedStart", "joinedEnd")
       SELECT n.id, m.town, m.role::"MembershipRole", 'DAY', m.joined, m.joined
         FROM unnest($1::text[], $2::int[], $3::text[], $4::date[]) AS m(network, town, role, joined) JOIN "Network" n ON n.slug = m.network`,
      [0, 1, 2, 3].map((i) => column(memberships, i)),
    );
    await tx.query(
      `INSERT INTO "Event" (slug, kind, names, "networkId", "hostTownId", "datePrecision", "dateStart", "dateEnd")
       SELECT e.slug, 'CONFERENCE', e.names, n.id, e.host, 'DAY', e.start, e.start
         FROM unnest($1::text[], $2::jsonb[], $3::text[], $4::int[], $5::date[]) AS e(slug, names, network, host, start) JOIN "Network" n ON n.slug = e.network`,
      [0, 1, 2, 3, 4].map((i) => column(events, i)),
    );
    await tx.query(
      `INSERT INTO "Project" (slug, names, "periodPrecision", "periodStart", "periodEnd", "declaredTownCount")
       SELECT p.slug, p.names, 'YEAR', p.start, p.end, p.towns FROM unnest($1::text[], $2::jsonb[], $3::date[], $4::date[], $5::int[]) AS p(slug, names, start, "end", towns)`,
      [0, 1, 2, 3, 4].map((i) => column(projects, i)),
    );
    await tx.query(
      `INSERT INTO "ProjectTown" ("projectId", "townId")
       SELECT p.id, pt.town FROM unnest($1::text[], $2::int[]) AS pt(project, town) JOIN "Project" p ON p.slug = pt.project`,
      [0, 1].map((i) => column(projectTowns, i)),
    );
  });
}

/** Loads the whole benchmark dataset into an empty database. */
export async function loadDataset(url: string, log: (line: string) => void): Promise<void> {
  const db = await openDatabase(databaseConfigFor(url));
  try {
    await migrate(db);
    await seedIfEmpty(db);
    log("importing the European towns…");
    await importEuropeanTowns(db);
    log("generating the cooperation layer…");
    await generateCooperationLayer(db);
    await db.exec("ANALYZE");
  } finally {
    await db.close();
  }
}
