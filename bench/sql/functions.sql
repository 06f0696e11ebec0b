-- The logic CityNet keeps in code, as SQL functions in a `bench` schema: PostGraphile exposes
-- them as query fields (its documented way to add custom queries) and the floor server calls
-- them directly. Same inputs, same ranking and scoring rules as CityNet's resolvers.
-- The view bench.link (CityNet's LINKS_SQL, the ties between towns) is created by run.ts first.
CREATE SCHEMA IF NOT EXISTS bench;

-- Towns by any name or spelling: exact > prefix > fuzzy (pg_trgm), then population.
CREATE OR REPLACE FUNCTION bench.search_towns(text text) RETURNS SETOF "Town" LANGUAGE sql STABLE AS $$
  WITH q AS (SELECT citynet_fold(text) AS q, replace(replace(replace(citynet_fold(text), '\', '\\'), '%', '\%'), '_', '\_') || '%' AS prefix),
  hits AS (
    SELECT e.entity_id, e.population,
           CASE WHEN e.folded = q.q THEN 3 WHEN e.folded LIKE q.prefix THEN 2 ELSE 1 END AS tier,
           similarity(e.folded, q.q) AS sim
      FROM search_entry e, q
     WHERE e.entity_type = 'TOWN' AND (e.folded % q.q OR e.folded LIKE q.prefix)
  ),
  best AS (SELECT DISTINCT ON (entity_id) * FROM hits ORDER BY entity_id, tier DESC, sim DESC)
  SELECT t.* FROM best JOIN "Town" t ON t.id = best.entity_id
   ORDER BY best.tier DESC, CASE WHEN best.tier = 1 THEN round(best.sim::numeric, 1) ELSE 0 END DESC, best.population DESC NULLS LAST, best.sim DESC, t.id
$$;

-- A filtered town list: one country, a population floor, largest first.
CREATE OR REPLACE FUNCTION bench.towns_filtered(country text, population_min int) RETURNS SETOF "Town" LANGUAGE sql STABLE AS $$
  SELECT * FROM "Town" WHERE "countryCode" = country AND population >= population_min ORDER BY population DESC NULLS LAST, id
$$;

CREATE TYPE bench.partner_suggestion AS (town_slug text, town_name text, population int, country_code text, score float8, distance_km float8, fit float8, themes text[], ties text[]);

-- Candidate partners for a published partner search, scored like CityNet's partnerSuggestions.
CREATE OR REPLACE FUNCTION bench.partner_suggestions(search_slug text, n int) RETURNS SETOF bench.partner_suggestion LANGUAGE sql STABLE AS $$
  WITH s AS (
    SELECT ps."townId" AS town_id, o."countryCode" AS country_code, o.latitude, o.longitude,
           ps."wantedPopulationMin" AS pmin, ps."wantedPopulationMax" AS pmax,
           (SELECT array_agg("countryCode") FROM "PartnerSearchCountry" WHERE "partnerSearchId" = ps.id) AS countries,
           coalesce((SELECT array_agg(st."B") FROM "_PartnerSearchToTopic" st WHERE st."A" = ps.id), '{}') AS topics
      FROM "PartnerSearch" ps JOIN "Town" o ON o.id = ps."townId" WHERE ps.slug = search_slug
  ),
  candidate AS (
    SELECT t.id, t.slug, t.name, t.population, t."countryCode",
           earth_distance(ll_to_earth(s.latitude, s.longitude), ll_to_earth(t.latitude, t.longitude)) / 1000 AS km,
           CASE WHEN s.pmin IS NULL OR s.pmax IS NULL OR t.population IS NULL THEN 0.5
                ELSE greatest(0, 1 - abs(t.population - (s.pmin + s.pmax) / 2.0) / greatest(1, (s.pmax - s.pmin) / 2.0)) END AS fit
      FROM "Town" t, s
     WHERE t.id <> s.town_id AND (s.pmin IS NULL OR t.population >= s.pmin) AND (s.pmax IS NULL OR t.population <= s.pmax)
       AND (s.countries IS NULL OR t."countryCode" = ANY(s.countries))
  ),
  theme AS (
    SELECT e."hostTownId" AS id, tp.slug FROM "Event" e JOIN "_EventToTopic" et ON et."A" = e.id JOIN "Topic" tp ON tp.id = et."B", s
     WHERE tp.id = ANY(s.topics) AND e."hostTownId" IS NOT NULL
    UNION SELECT p."townId", tp.slug FROM "PartnerSearch" p JOIN "_PartnerSearchToTopic" pt ON pt."A" = p.id JOIN "Topic" tp ON tp.id = pt."B", s
     WHERE tp.id = ANY(s.topics)
  ),
  tie AS (
    SELECT other."townId" AS id, 'network ' || n.slug AS what FROM "Membership" mine JOIN "Membership" other ON other."networkId" = mine."networkId"
      JOIN "Network" n ON n.id = mine."networkId", s WHERE mine."townId" = s.town_id AND other."townId" <> s.town_id
    UNION SELECT other."townId", 'project ' || p.slug FROM "ProjectTown" mine JOIN "ProjectTown" other ON other."projectId" = mine."projectId"
      JOIN "Project" p ON p.id = mine."projectId", s WHERE mine."townId" = s.town_id AND other."townId" <> s.town_id
  ),
  scored AS (
    SELECT c.*, th.themes, ti.ties,
           0.3 * c.fit + 0.3 / (1 + c.km / 150) + 0.1 * (c."countryCode" <> s.country_code)::int
           + CASE WHEN cardinality(s.topics) = 0 THEN 0 ELSE 0.2 * coalesce(cardinality(th.themes), 0) / cardinality(s.topics) END
           + 0.1 * (ti.ties IS NOT NULL)::int AS score
      FROM candidate c CROSS JOIN s
      LEFT JOIN (SELECT id, array_agg(slug ORDER BY slug) AS themes FROM theme GROUP BY id) th ON th.id = c.id
      LEFT JOIN (SELECT id, array_agg(what ORDER BY what) AS ties FROM tie GROUP BY id) ti ON ti.id = c.id
  )
  SELECT slug, name, population, "countryCode", round(score::numeric, 3)::float8, round(km::numeric, 3)::float8, fit, themes, ties
    FROM scored ORDER BY score DESC, population DESC NULLS LAST, id LIMIT n
$$;

-- The shortest paths of cooperation between two towns (bidirectional breadth-first search over
-- shared networks, projects, events and agreements), each path as JSON: towns and steps.
CREATE OR REPLACE FUNCTION bench.connection(from_slug text, to_slug text, max_hops int, n int) RETURNS SETOF jsonb LANGUAGE sql STABLE AS $$
  WITH RECURSIVE ends AS (SELECT (SELECT id FROM "Town" WHERE slug = from_slug) AS a, (SELECT id FROM "Town" WHERE slug = to_slug) AS b),
  link AS (SELECT * FROM bench.link),
  pair AS (SELECT DISTINCT a.town AS u, b.town AS v FROM link a JOIN link b ON a.kind = b.kind AND a.ctx = b.ctx AND a.town <> b.town),
  fwd (town, depth) AS (SELECT a, 0 FROM ends UNION SELECT p.v, f.depth + 1 FROM fwd f JOIN pair p ON p.u = f.town WHERE f.depth < max_hops),
  bwd (town, depth) AS (SELECT b, 0 FROM ends UNION SELECT p.u, w.depth + 1 FROM bwd w JOIN pair p ON p.v = w.town WHERE w.depth < max_hops),
  df AS (SELECT town, min(depth) AS d FROM fwd GROUP BY town),
  dt AS (SELECT town, min(depth) AS d FROM bwd GROUP BY town),
  on_path AS (SELECT df.town, df.d FROM df JOIN dt USING (town) WHERE df.d + dt.d = (SELECT d FROM df, ends WHERE town = ends.b)),
  edge AS (
    SELECT DISTINCT ON (a.town, b.town, a.kind, a.ctx) a.town AS from_town, b.town AS to_town,
           jsonb_build_object('kind', a.kind, 'ctx', a.ctx, 'fromTie', a.tie, 'toTie', b.tie) AS step
      FROM link a JOIN link b ON a.kind = b.kind AND a.ctx = b.ctx AND a.town <> b.town
      JOIN on_path pa ON pa.town = a.town JOIN on_path pb ON pb.town = b.town AND pb.d = pa.d + 1
     ORDER BY a.town, b.town, a.kind, a.ctx, a.rank + b.rank
  ),
  walk (town, towns, steps) AS (
    SELECT a, ARRAY[a], ARRAY[]::jsonb[] FROM ends
    UNION ALL SELECT e.to_town, w.towns || e.to_town, w.steps || e.step FROM walk w JOIN edge e ON e.from_town = w.town
  ),
  found AS (SELECT towns, steps FROM walk, ends WHERE town = ends.b ORDER BY steps::text LIMIT n)
  SELECT jsonb_build_object(
           'hops', cardinality(f.steps),
           'towns', (SELECT jsonb_agg(jsonb_build_object('slug', t.slug, 'name', t.name) ORDER BY i) FROM unnest(f.towns) WITH ORDINALITY AS x(id, i) JOIN "Town" t ON t.id = x.id),
           'steps', (SELECT jsonb_agg(s.step || jsonb_build_object('via', coalesce(
                        (SELECT jsonb_build_object('slug', slug, 'names', names) FROM "Network" WHERE s.step->>'kind' = 'NETWORK' AND id = (s.step->>'ctx')::int),
                        (SELECT jsonb_build_object('slug', slug, 'names', names) FROM "Project" WHERE s.step->>'kind' = 'PROJECT' AND id = (s.step->>'ctx')::int),
                        (SELECT jsonb_build_object('slug', slug, 'names', names) FROM "Event" WHERE s.step->>'kind' = 'EVENT' AND id = (s.step->>'ctx')::int),
                        (SELECT jsonb_build_object('slug', slug, 'names', names) FROM "Agreement" WHERE s.step->>'kind' = 'AGREEMENT' AND id = (s.step->>'ctx')::int))) ORDER BY i)
                       FROM unnest(f.steps) WITH ORDINALITY AS s(step, i)))
    FROM found f
$$;

-- A town's neighbourhood (1–2 hops): the ties of the towns reached to the contexts that lead
-- somewhere, with the towns' and contexts' names, as CityNet's neighbourhood answers it.
CREATE OR REPLACE FUNCTION bench.neighbourhood(town_slug text, hops int) RETURNS SETOF jsonb LANGUAGE sql STABLE AS $$
  WITH RECURSIVE link AS (SELECT * FROM bench.link),
  reach (town, depth) AS (
    SELECT (SELECT id FROM "Town" WHERE slug = town_slug), 0
    UNION
    SELECT b.town, r.depth + 1 FROM reach r JOIN link a ON a.town = r.town JOIN link b ON b.kind = a.kind AND b.ctx = a.ctx WHERE r.depth < hops
  ),
  tie AS (
    SELECT DISTINCT l.town, l.kind, l.ctx, l.tie FROM link l
     WHERE l.town IN (SELECT town FROM reach)
       AND (l.kind, l.ctx) IN (SELECT a.kind, a.ctx FROM link a JOIN reach r ON r.town = a.town WHERE r.depth < hops)
  )
  SELECT jsonb_build_object(
           'tie', tie.tie,
           'town', jsonb_build_object('slug', t.slug, 'name', t.name),
           'context', coalesce(
             (SELECT jsonb_build_object('kind', 'NETWORK', 'slug', slug, 'names', names) FROM "Network" WHERE tie.kind = 'NETWORK' AND id = tie.ctx),
             (SELECT jsonb_build_object('kind', 'PROJECT', 'slug', slug, 'names', names) FROM "Project" WHERE tie.kind = 'PROJECT' AND id = tie.ctx),
             (SELECT jsonb_build_object('kind', 'EVENT', 'slug', slug, 'names', names) FROM "Event" WHERE tie.kind = 'EVENT' AND id = tie.ctx),
             (SELECT jsonb_build_object('kind', 'AGREEMENT', 'slug', slug, 'names', names) FROM "Agreement" WHERE tie.kind = 'AGREEMENT' AND id = tie.ctx)))
    FROM tie JOIN "Town" t ON t.id = tie.town
   ORDER BY tie.kind, tie.ctx, tie.town, tie.tie
$$;

-- For the SDK's curated pages: a record's citations as a computed column (PostGraphile exposes
-- "<Table>_<name>"(row) functions as fields of the table's type), each the one query of
-- bench.citations, and a town's events from or until a day, in CityNet's event order.
CREATE OR REPLACE FUNCTION bench.citations(subject "SubjectType", subject_id int) RETURNS SETOF "Citation" LANGUAGE sql STABLE AS $$
  SELECT * FROM "Citation" WHERE "subjectType" = subject AND "subjectId" = subject_id ORDER BY id
$$;
CREATE OR REPLACE FUNCTION bench."Town_sources"(t "Town") RETURNS SETOF "Citation" LANGUAGE sql STABLE AS $$ SELECT * FROM bench.citations('TOWN', t.id) $$;
CREATE OR REPLACE FUNCTION bench."Membership_sources"(m "Membership") RETURNS SETOF "Citation" LANGUAGE sql STABLE AS $$ SELECT * FROM bench.citations('MEMBERSHIP', m.id) $$;
CREATE OR REPLACE FUNCTION bench."Network_sources"(n "Network") RETURNS SETOF "Citation" LANGUAGE sql STABLE AS $$ SELECT * FROM bench.citations('NETWORK', n.id) $$;
CREATE OR REPLACE FUNCTION bench."Project_sources"(p "Project") RETURNS SETOF "Citation" LANGUAGE sql STABLE AS $$ SELECT * FROM bench.citations('PROJECT', p.id) $$;
-- A project's events and agreements (their foreign keys have no index, so PostGraphile offers no relation).
CREATE OR REPLACE FUNCTION bench."Project_events"(p "Project") RETURNS SETOF "Event" LANGUAGE sql STABLE AS $$
  SELECT * FROM "Event" WHERE "projectId" = p.id ORDER BY "dateStart" NULLS LAST, id
$$;
CREATE OR REPLACE FUNCTION bench."Project_agreements"(p "Project") RETURNS SETOF "Agreement" LANGUAGE sql STABLE AS $$
  SELECT * FROM "Agreement" WHERE "projectId" = p.id ORDER BY id
$$;
-- A town's events ending on or after from_day and starting on or before to_day (either may be
-- null), earliest first, or latest first as CityNet's past events.
CREATE OR REPLACE FUNCTION bench.town_events(town_slug text, from_day date, to_day date, latest_first boolean) RETURNS SETOF "Event" LANGUAGE sql STABLE AS $$
  SELECT e.* FROM "Event" e JOIN "Town" t ON t.id = e."hostTownId"
   WHERE t.slug = town_slug AND (from_day IS NULL OR e."dateEnd" >= from_day) AND (to_day IS NULL OR e."dateStart" <= to_day)
   ORDER BY CASE WHEN latest_first THEN e."dateStart" END DESC NULLS LAST, CASE WHEN latest_first THEN e."startsAt" END DESC NULLS LAST,
            e."dateStart" NULLS LAST, e."startsAt" NULLS LAST, e.id
$$;

-- What CityNet writes beside a partner search it creates or updates (a CONTRIBUTION source naming
-- the writer, its contribution, the citation of the fields written, the audit entry with the
-- record before and after), as a PostGraphile user would add it: a trigger. It fires only for the
-- bench's audited writes (their description begins "Audited"), so PostGraphile's generated
-- mutation alone and CityNet's own writes stay as they are.
CREATE OR REPLACE FUNCTION bench.partner_search_audited() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    source_id int;
  BEGIN
    INSERT INTO "Source" (key, kind, title)
      VALUES ('contribution:' || gen_random_uuid(), 'CONTRIBUTION', 'Contributed by Bench writes (TOWN_EDITOR, town)')
      RETURNING id INTO source_id;
    INSERT INTO "Contribution" ("createdAt", "sourceId", actor, "actorName", role, "actingForTownId")
      VALUES (clock_timestamp(), source_id, 'bench', 'Bench writes', 'TOWN_EDITOR', NEW."townId");
    INSERT INTO "Citation" ("sourceId", "subjectType", "subjectId", field, quote)
      VALUES (source_id, 'PARTNER_SEARCH', NEW.id, CASE TG_OP WHEN 'INSERT' THEN 'kind, description' ELSE 'description' END, '');
    INSERT INTO "AuditEntry" (at, actor, "actorName", role, scope, mutation, "recordType", "recordId", before, after, "requestId")
      VALUES (clock_timestamp(), 'bench', 'Bench writes', 'TOWN_EDITOR', 'town',
              CASE TG_OP WHEN 'INSERT' THEN 'createPartnerSearch' ELSE 'updatePartnerSearch' END, 'PartnerSearch', NEW.id,
              CASE TG_OP WHEN 'UPDATE' THEN partner_search_snapshot(OLD) END, partner_search_snapshot(NEW), gen_random_uuid()::text);
    RETURN NULL;
  END $$;
CREATE TRIGGER bench_partner_search_audited AFTER INSERT OR UPDATE ON "PartnerSearch"
  FOR EACH ROW WHEN (NEW.description -> 0 ->> 'text' LIKE 'Audited %') EXECUTE FUNCTION bench.partner_search_audited();
