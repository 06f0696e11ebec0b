// The search index in memory against PostgreSQL's ranked query (search.ts's SQL) over every
// European town and the documents' records: the same records, names, tiers, similarities, order
// and totals, for what autocomplete sends (2–3 letters), whole names, typos, other scripts,
// filters and later pages. Then freshness: a committed write shows at once, a rolled-back one
// never, and the copy in memory catches up.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import type { PrismaClient } from "../../src/generated/prisma/index.js";
import { searchSql } from "../../src/schema/search/search.js";
import {
  foldSearchText,
  loadPatched,
  loadSearchIndex,
  type SearchableIndex,
  type SearchIndex,
  type SearchScope,
  searchIndexAt,
  warmSearchIndex,
} from "../../src/schema/search/search-index.js";
import { describeDb, startTestApi, type TestApi } from "../support/harness.js";

const ANY: SearchScope = { types: null, countries: null, lang: null };

/** What PostgreSQL answers: the page, and the total its window count gives. */
async function fromPostgres(prisma: PrismaClient, text: string, scope: SearchScope, limit: number, offset: number) {
  const rows = await prisma.$queryRaw<{ total: bigint; sim: number }[]>(searchSql(text, scope, limit, offset));
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map(({ total: _, ...row }) => ({ ...row, sim: Number(row.sim) })),
  };
}

async function fromMemory(
  index: SearchableIndex,
  db: Database,
  text: string,
  scope: SearchScope,
  limit: number,
  offset: number,
) {
  return index.search(await foldSearchText({ read: db.readSql, prisma: db.prisma }, text), scope, limit, offset);
}

/**
 * Compares `index` with PostgreSQL for every text and scope, on the first page (10) and the next
 * (25 from the 10th). How many pages found something.
 */
async function expectRanksAsPostgres(index: SearchableIndex, db: Database, texts: string[], scopes: SearchScope[]) {
  let found = 0;
  for (const text of texts)
    for (const scope of scopes)
      for (const [limit, offset] of [
        [10, 0],
        [25, 10],
      ]) {
        const expected = await fromPostgres(db.prisma, text, scope, limit, offset);
        const actual = await fromMemory(index, db, text, scope, limit, offset);
        // Past the last result, PostgreSQL's window count has no row to give the total on.
        if (offset === 0 || expected.rows.length)
          expect(actual, `${text} ${JSON.stringify(scope)} ${offset}`).toEqual(expected);
        else expect(actual.rows).toEqual([]);
        if (expected.rows.length) found++;
      }
  return found;
}

describeDb("the search index in memory", () => {
  let api: TestApi;
  const apiReads = () => ({ read: api.db.readSql, prisma: api.db.prisma });
  let index: SearchIndex;
  beforeAll(async () => {
    api = await startTestApi("europe");
    index = await loadSearchIndex(api.db.snapshot);
  }, 300_000);
  afterAll(() => api?.close());

  it("ranks as PostgreSQL does: records, names, tiers, similarities, order and totals", {
    timeout: 300_000,
  }, async () => {
    const texts = [
      // What autocomplete sends: two and three letters.
      ..."pa ka be st sa ma bo ne ro wi lu ce os".split(" "),
      ..."pas kra ber sta wie luc ces mon nov gra".split(" "),
      // Whole names, exonyms and source spellings, with and without accents, and typos.
      "Pasov",
      "Passau",
      "Luck",
      "Lutsk",
      "Ceske Budejovice",
      "České Budějovice",
      "Krakow",
      "Kraków",
      "Wien",
      "Vienna",
      "Sankt Polten",
      "Bratislva",
      "Liubliana",
      "Eurocities",
      "Interreg",
      // Other scripts.
      "Луцьк",
      "Київ",
      "Львів",
      "Αθήνα",
      "София",
      // Texts that are patterns in LIKE, and no match at all.
      "a%",
      "b_",
      "x\\y",
      "qqqqzz",
      "--",
    ];
    const scopes: SearchScope[] = [
      ANY,
      { types: ["TOWN"], countries: null, lang: null },
      { types: ["NETWORK", "PROJECT", "EVENT", "ORGANISATION"], countries: null, lang: null },
      { types: null, countries: ["CZ", "PL", "UA"], lang: null },
      { types: null, countries: null, lang: "de" },
    ];
    const found = await expectRanksAsPostgres(index, api.db, texts, scopes);
    expect(found).toBeGreaterThan(200);
  });

  it("answers from an index as new as the last committed write, and no newer", { timeout: 120_000 }, async () => {
    const search = async (text: string) =>
      (
        await api.data(
          `query($text: String!) { search(text: $text, types: [TOWN]) { totalCount results { matchedName entity { ... on Town { slug } } } } }`,
          {
            text,
          },
        )
      ).search;
    const { version: before } = await foldSearchText(apiReads(), "x");
    const [town] = await api.db.query<{ id: number; slug: string }>(`SELECT id, slug FROM "Town" ORDER BY id LIMIT 1`);
    const addName = (name: string) =>
      `INSERT INTO search_entry (entity_type, entity_id, term) VALUES ('TOWN', ${town.id}, '${name}')`;
    const found = (name: string) => ({ totalCount: 1, results: [{ matchedName: name, entity: { slug: town.slug } }] });
    // A rolled-back write changes nothing, not even the version.
    await api.db
      .transaction(async (tx) => {
        await tx.exec(addName("Qwyxzzle"));
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect((await foldSearchText(apiReads(), "x")).version).toBe(before);
    // A committed one raises the version once, however many names it wrote, and shows at once.
    await api.db.exec(`${addName("Zyzzogeton")}; ${addName("Zyzzogetonia")}`);
    const { version: after } = await foldSearchText(apiReads(), "x");
    expect(after).toBe(before + 1n);
    expect(await search("Zyzzogeton")).toEqual(found("Zyzzogeton"));
    expect((await search("Qwyxzzle")).totalCount).toBe(0);
    // The copy in memory catches up, and then answers in two statements (the text, the records),
    // and in one (the records, with the version) for a text it has folded before.
    await expect.poll(() => searchIndexAt(api.db, after)?.version, { timeout: 60_000, interval: 200 }).toBe(after);
    for (const statements of [2, 1]) {
      api.statements.length = 0;
      expect(await search("Zyzzogeto")).toEqual(found("Zyzzogeton"));
      expect(api.statements).toHaveLength(statements);
    }
    // The towns' countries are loaded with them: still one statement.
    const withCountries = `query { search(text: "Pasov", types: [TOWN], first: 10) {
      results { entity { ... on Town { slug country { code } } } } } }`;
    await api.data(withCountries);
    api.statements.length = 0;
    const { search: page } = await api.data<{ search: { results: { entity: { country: { code: string } } }[] } }>(
      withCountries,
    );
    expect(page.results).toHaveLength(10);
    expect(page.results.every((result) => /^[A-Z]{2}$/.test(result.entity.country.code))).toBe(true);
    expect(api.statements).toHaveLength(1);
    // A copy older than the last commit is not used: the next search sees the new name at once,
    // the text folded before too.
    await api.db.exec(`${addName("Zyzzogetonium")}; ${addName("Zyzzogeto")}`);
    expect(await search("Zyzzogeto")).toEqual(found("Zyzzogeto"));
    expect(searchIndexAt(api.db, after + 1n)).toBeNull();
    expect(await search("Zyzzogetonium")).toEqual(found("Zyzzogetonium"));
  });

  it("answers records' to-one relations loaded with them as Prisma loads them", { timeout: 60_000 }, async () => {
    // Whole related rows: a town's country, a network's home country (null for some), a
    // project's predecessor and its successor (the key on the other side). A network's
    // initiator asked with its own country is deeper than a whole row holds, so Prisma loads it.
    const entity = (extra: string) => `
      __typename
      ... on Town { slug country { code alpha3 name(lang: "de") } ${extra} }
      ... on Network { slug homeCountry { code name } initiatorTown { slug country { code } } ${extra} }
      ... on Project { slug predecessor { slug } successor { slug name } programme { slug } ${extra} }`;
    const search = (text: string, extra: string) =>
      api.data<{ search: { results: { entity: Record<string, unknown> }[] } }>(
        `query($text: String!) { search(text: $text, first: 20) { results { entity { ${entity(extra)} } } } }`,
        { text },
      );
    // A list relation (sources) is what no whole row holds: every record then comes through
    // Prisma's own query, the reference.
    const withoutList = ({ sources: _, ...rest }: Record<string, unknown>) => rest;
    const kinds = new Set<string>();
    const { version } = await foldSearchText(apiReads(), "x");
    await expect.poll(() => searchIndexAt(api.db, version)?.version, { timeout: 60_000, interval: 200 }).toBe(version);
    for (const text of ["City Cooperation", "Inicjatywa", "cities", "Pasov", "Lu"]) {
      await search(text, ""); // folds the text once
      api.statements.length = 0;
      const loadedWith = (await search(text, "")).search.results.map((r) => r.entity);
      const statements = api.statements.length;
      const throughPrisma = (await search(text, "sources { quote }")).search.results.map((r) => r.entity);
      expect(loadedWith).toEqual(throughPrisma.map(withoutList));
      // One statement (the records with the index's version); the networks' initiators, asked
      // deeper than a whole row holds, one more.
      const networks = loadedWith.some((record) => record.__typename === "Network");
      expect(statements).toBe(networks ? 2 : 1);
      for (const record of loadedWith) kinds.add(record.__typename as string);
    }
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["Network", "Project", "Town"]));
  });

  it("rewrites a record's entries only when they change, so the index's version moves only then", async () => {
    const version = async () => (await foldSearchText(apiReads(), "x")).version;
    const [search] = await api.db.query<{ id: number; townId: number }>(
      `SELECT id, "townId" FROM "PartnerSearch" ORDER BY id LIMIT 1`,
    );
    const entries = () =>
      api.db.query(
        `SELECT term, population FROM search_entry WHERE entity_type = 'PARTNER_SEARCH' AND entity_id = $1`,
        [search.id],
      );
    const before = await version();
    const indexed = await entries();
    // A partner search's entry is its town's name: a new description leaves it as it is.
    await api.db.exec(
      `UPDATE "PartnerSearch" SET description = '[{"lang": "en", "text": "Changed."}]' WHERE id = ${search.id}`,
    );
    expect(await version()).toBe(before);
    expect(await entries()).toEqual(indexed);
    // The town's population is part of its searches' entries: they are rewritten, once.
    await api.db.exec(`UPDATE "Town" SET population = coalesce(population, 0) + 1 WHERE id = ${search.townId}`);
    expect(await version()).toBe(before + 1n);
    expect((await entries()).map((entry) => entry.population)).not.toEqual(indexed.map((entry) => entry.population));
    expect(await entries()).toHaveLength(indexed.length);
  });

  it("reindexes on an update only of the columns search_term reads, from the view's own dependencies", async () => {
    // Each table's update trigger fires on the columns the view reads of it: a migration that
    // changes the view without calling citynet_search_update_triggers() again fails here.
    const triggers = await api.db.query<{ table: string; columns: string[]; read: string[] }>(`
      SELECT t.tgrelid::regclass::text AS table,
             (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
               WHERE a.attrelid = t.tgrelid AND a.attnum = ANY(t.tgattr)) AS columns,
             (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
               WHERE a.attrelid = t.tgrelid AND a.attnum IN (
                 SELECT d.refobjsubid FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
                  WHERE r.ev_class = 'search_term'::regclass AND d.refobjid = t.tgrelid)) AS read
        FROM pg_trigger t WHERE t.tgname = 'search_index_update' ORDER BY 1`);
    expect(triggers.map((trigger) => trigger.table)).toHaveLength(9);
    for (const trigger of triggers) expect(trigger.columns, trigger.table).toEqual(trigger.read);
    expect(triggers.find((trigger) => trigger.table === '"PartnerSearch"')?.columns).toEqual(["id", "townId"]);

    // A partner search moved to another town is found under that town's name.
    const [search] = await api.db.query<{ id: number; townId: number }>(
      `SELECT id, "townId" FROM "PartnerSearch" ORDER BY id LIMIT 1`,
    );
    const [other] = await api.db.query<{ id: number; name: string }>(
      `SELECT id, name FROM "Town" WHERE id <> $1 AND name <> (SELECT name FROM "Town" WHERE id = $1) ORDER BY id LIMIT 1`,
      [search.townId],
    );
    const terms = () =>
      api.db.query<{ term: string }>(
        `SELECT term FROM search_entry WHERE entity_type = 'PARTNER_SEARCH' AND entity_id = $1`,
        [search.id],
      );
    await api.db.exec(`UPDATE "PartnerSearch" SET "townId" = ${other.id} WHERE id = ${search.id}`);
    try {
      expect(await terms()).toEqual([{ term: other.name }]);
    } finally {
      await api.db.exec(`UPDATE "PartnerSearch" SET "townId" = ${search.townId} WHERE id = ${search.id}`);
    }
    expect(await terms()).not.toEqual([{ term: other.name }]);
  });

  it("reads search_entry by its index as a partner search is written (never a scan of the whole index)", async () => {
    // A collation passed on from TG_TABLE_NAME ("C") once made the entity index unusable: every
    // write read all of search_entry.
    // One transaction, so that its own statistics count only its own scans; it leaves nothing behind.
    const scans = await api.db.transaction(async (tx) => {
      await tx.exec(`INSERT INTO "PartnerSearch" (slug, "townId", kind, "postedOn", description, status, "statusAsOf")
        SELECT 'reindex-by-index', min(id), 'COOPERATION', current_date, '[]', 'OPEN', current_date FROM "Town"`);
      await tx.exec(
        `UPDATE "PartnerSearch" SET "townId" = (SELECT max(id) FROM "Town") WHERE slug = 'reindex-by-index'`,
      );
      await tx.exec(`DELETE FROM "PartnerSearch" WHERE slug = 'reindex-by-index'`);
      const [counts] = await tx.query<{ seq_scan: string; idx_tup_fetch: string }>(
        `SELECT seq_scan, idx_tup_fetch FROM pg_stat_xact_user_tables WHERE relname = 'search_entry'`,
      );
      return counts;
    });
    expect(Number(scans.seq_scan)).toBe(0);
    expect(Number(scans.idx_tup_fetch)).toBeGreaterThan(0);
    expect(Number(scans.idx_tup_fetch)).toBeLessThan(1_000);
  });

  it("looks a partner search's town up by key, also a town the statistics have not seen yet", async () => {
    // Statistics from before the town's first search: a join then scanned the towns from the first.
    await api.db.exec(`ANALYZE "PartnerSearch"`);
    const [search] = await api.db.query<{ id: number }>(
      `INSERT INTO "PartnerSearch" (slug, "townId", kind, "postedOn", description, status, "statusAsOf")
       SELECT 'statistics-not-seen', max(id), 'COOPERATION', current_date, '[]', 'OPEN', current_date FROM "Town"
       RETURNING id`,
    );
    try {
      const plan = JSON.stringify(
        await api.db.query(
          `EXPLAIN (FORMAT JSON) SELECT * FROM search_term WHERE entity_type = 'PARTNER_SEARCH' AND entity_id = ANY('{${search.id}}')`,
        ),
      );
      expect(plan).not.toContain("Merge Join");
      expect(plan).toContain('"Index Cond":"(id = s.\\"townId\\")"');
    } finally {
      await api.db.exec(`DELETE FROM "PartnerSearch" WHERE id = ${search.id}`);
    }
  });

  it("logs the records each committed write changed, with the version it committed as", async () => {
    const [town] = await api.db.query<{ id: number }>(`SELECT id FROM "Town" ORDER BY id DESC LIMIT 1`);
    const [network] = await api.db.query<{ id: number }>(`SELECT id FROM "Network" ORDER BY id DESC LIMIT 1`);
    const addName = `INSERT INTO search_entry (entity_type, entity_id, term) VALUES ('TOWN', ${town.id}, 'Xylotomous')`;
    const logged = (version: bigint) =>
      api.db.query<{ entity_type: string; entity_id: number }>(
        `SELECT entity_type, entity_id FROM search_entry_change WHERE version = $1 ORDER BY 1, 2`,
        [String(version)],
      );
    const { version: before } = await foldSearchText(apiReads(), "x");
    // A rolled-back write logs nothing; a committed one each record once, however many names.
    await api.db
      .transaction(async (tx) => {
        await tx.exec(
          `INSERT INTO search_entry (entity_type, entity_id, term) VALUES ('NETWORK', ${network.id}, 'Xylotomous')`,
        );
        throw new Error("rolled back");
      })
      .catch(() => {});
    await api.db.exec(`${addName}; ${addName.replace("Xylotomous", "Xylotomously")}`);
    expect(await logged(before + 1n)).toEqual([{ entity_type: "TOWN", entity_id: town.id }]);
    // An update names the record before and after.
    const [project] = await api.db.query<{ id: number }>(`SELECT id FROM "Project" ORDER BY id LIMIT 1`);
    await api.db.exec(
      `UPDATE search_entry SET entity_type = 'PROJECT', entity_id = ${project.id} WHERE term = 'Xylotomously'`,
    );
    expect(await logged(before + 2n)).toEqual([
      { entity_type: "PROJECT", entity_id: project.id },
      { entity_type: "TOWN", entity_id: town.id },
    ]);
    // Emptying the index names everything ('*'), in the version the truncation raised.
    const truncated = await api.db
      .transaction(async (tx) => {
        await tx.exec("TRUNCATE search_entry");
        const rows = await tx.query<{ entity_type: string; version: string }>(
          `SELECT entity_type, version FROM search_entry_change WHERE version > $1`,
          [String(before + 2n)],
        );
        throw Object.assign(new Error("rolled back"), { rows });
      })
      .catch((error: { rows: unknown }) => error.rows);
    expect(truncated).toEqual([{ entity_type: "*", version: String(before + 3n) }]);
  });

  it("patches a copy older than the last commit with the records changed since, ranking as PostgreSQL does", {
    timeout: 120_000,
  }, async () => {
    const copy = await loadSearchIndex(api.db.snapshot);
    // Names added to a town and to a record of another kind, a town's names gone, populations
    // changed (which moves records within a tier): all of it after the copy was loaded.
    const [passau] = await api.db.query<{ entity_id: number }>(
      `SELECT entity_id FROM search_entry WHERE entity_type = 'TOWN' AND term = 'Passau' LIMIT 1`,
    );
    const [network] = await api.db.query<{ id: number }>(`SELECT id FROM "Network" ORDER BY id LIMIT 1`);
    await api.db.exec(`
      INSERT INTO search_entry (entity_type, entity_id, term, lang, population, country_code) VALUES
        ('TOWN', ${passau.entity_id}, 'Pasovia', 'la', 52000, 'DE'),
        ('NETWORK', ${network.id}, 'Pasov Alliance', NULL, NULL, NULL);
      DELETE FROM search_entry WHERE entity_type = 'TOWN' AND term IN ('Wien', 'Vienna', 'Wenen');
      UPDATE search_entry SET population = 5000000 WHERE entity_type = 'TOWN' AND term IN ('Krakow', 'Kraków');`);
    const { version } = await foldSearchText(apiReads(), "x");
    const patched = await loadPatched(api.db.snapshot, copy);
    expect(patched?.version).toBe(version);
    const texts = ["Pasov", "Pasovia", "pa", "pas", "Passau", "Wien", "wi", "Vienna", "Krakow", "kra", "ka", "Luck"];
    const scopes: SearchScope[] = [
      ANY,
      { types: ["TOWN"], countries: null, lang: null },
      { types: ["NETWORK"], countries: null, lang: null },
      { types: null, countries: ["DE", "AT", "PL"], lang: "la" },
    ];
    const found = await expectRanksAsPostgres(patched!, api.db, texts, scopes);
    expect(found).toBeGreaterThan(40);
    // The copy itself still answers as it was: Vienna found, no Pasovia.
    const stale = await fromMemory(copy, api.db, "Pasovia", ANY, 10, 0);
    expect(stale.rows.some((row) => row.term === "Pasovia")).toBe(false);
  });

  it("answers a search right after a write from memory, patched, not from PostgreSQL's ranking", {
    timeout: 120_000,
  }, async () => {
    await warmSearchIndex(api.db);
    const [town] = await api.db.query<{ id: number; slug: string }>(`SELECT id, slug FROM "Town" ORDER BY id LIMIT 1`);
    const search = async (text: string) =>
      (
        await api.data<{ search: { results: { matchedName: string; entity: { slug: string } }[] } }>(
          `query($text: String!) { search(text: $text, types: [TOWN], first: 3) { results { matchedName entity { ... on Town { slug } } } } }`,
          { text },
        )
      ).search.results[0];
    await search("Quaggarium"); // folded once
    await api.db.exec(
      `INSERT INTO search_entry (entity_type, entity_id, term, population) VALUES ('TOWN', ${town.id}, 'Quaggarium', 1)`,
    );
    // The first search after the write patches the copy (one snapshot); the next is one statement,
    // the records with the version, as from a current copy. PostgreSQL's ranking would be three.
    expect(await search("Quaggarium")).toEqual({ matchedName: "Quaggarium", entity: { slug: town.slug } });
    api.statements.length = 0;
    expect(await search("Quaggarium")).toEqual({ matchedName: "Quaggarium", entity: { slug: town.slug } });
    expect(api.statements).toHaveLength(1);
  });

  it("leaves a copy older than more changes than a patch holds to PostgreSQL", { timeout: 120_000 }, async () => {
    const copy = await loadSearchIndex(api.db.snapshot);
    // One transaction changing the names of 2,100 towns logs 2,000 of them and then '*'.
    await api.db.exec(`UPDATE search_entry SET population = population
      WHERE entity_type = 'TOWN' AND entity_id IN (SELECT id FROM "Town" ORDER BY id LIMIT 2100)`);
    expect(await loadPatched(api.db.snapshot, copy)).toBeNull();
    // A copy loaded since is current, and has nothing to patch.
    const current = await loadSearchIndex(api.db.snapshot);
    expect((await loadPatched(api.db.snapshot, current))?.version).toBe(current.version);
  });

  it("leaves a copy the change log no longer reaches back to to PostgreSQL", async () => {
    const copy = await loadSearchIndex(api.db.snapshot);
    const [town] = await api.db.query<{ id: number }>(`SELECT id FROM "Town" ORDER BY id LIMIT 1`);
    await api.db.exec(
      `INSERT INTO search_entry (entity_type, entity_id, term) VALUES ('TOWN', ${town.id}, 'Prunella')`,
    );
    expect((await loadPatched(api.db.snapshot, copy))?.version).toBe(copy.version + 1n);
    // Pruned, as the migration prunes what is 1,000 versions old.
    await api.db.exec(`DELETE FROM search_entry_change WHERE version = ${copy.version + 1n}`);
    expect(await loadPatched(api.db.snapshot, copy)).toBeNull();
  });

  it("prunes the change log every hundredth version, keeping the last 1,000 versions", async () => {
    // As after long use: the next write commits as a hundredth version, and the log holds versions
    // 1,000 and 999 behind it.
    const [{ version }] = await api.db.query<{ version: string }>(
      `UPDATE data_version SET version = (version / 100 + 20) * 100 - 1 WHERE name = 'search_index' RETURNING version`,
    );
    const hundredth = BigInt(version) + 1n;
    await api.db.exec(
      `INSERT INTO search_entry_change VALUES (${hundredth - 1000n}, 'TOWN', 1), (${hundredth - 999n}, 'TOWN', 1)`,
    );
    const loggedBefore = async () =>
      (
        await api.db.query<{ version: string }>(
          `SELECT version FROM search_entry_change WHERE version < ${hundredth} ORDER BY version`,
        )
      ).map((row) => BigInt(row.version));
    const [town] = await api.db.query<{ id: number }>(`SELECT id FROM "Town" ORDER BY id LIMIT 1`);
    const write = (term: string) =>
      api.db.exec(`INSERT INTO search_entry (entity_type, entity_id, term) VALUES ('TOWN', ${town.id}, '${term}')`);
    await write("Prunelle");
    expect(await loggedBefore()).toEqual([hundredth - 999n]);
    // The next version prunes nothing, though the version 999 behind it is now 1,000 behind.
    await write("Prunier");
    expect(await loggedBefore()).toEqual([hundredth - 999n]);
  });
});
