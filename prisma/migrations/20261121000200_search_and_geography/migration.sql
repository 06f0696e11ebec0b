-- CreateTable
CREATE TABLE "DatasetImport" (
    "dataset" TEXT NOT NULL,
    "completedAt" TIMESTAMPTZ(3) NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,

    CONSTRAINT "DatasetImport_pkey" PRIMARY KEY ("dataset")
);

-- unaccent() is only STABLE (its dictionary could change), so it cannot back an index; this
-- wrapper pins the dictionary and is IMMUTABLE, the standard way to index accent-free text.
CREATE FUNCTION citynet_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- Radius queries on towns: earth_box(...) @> ll_to_earth(...) uses this GiST index.
CREATE INDEX "Town_earth_idx" ON "Town" USING gist (ll_to_earth("latitude", "longitude"));
CREATE INDEX "Town_population_idx" ON "Town" ("population");

-- One searchable row per name of every record: towns with all their alternate names and
-- exonyms, and the multilingual names of organisations, programmes, networks, projects, events, partner
-- searches and funding calls. Refreshed after seeding and imports.
CREATE MATERIALIZED VIEW search_entry AS
  SELECT 'TOWN'::text AS entity_type, t.id AS entity_id, t.name AS term, NULL::text AS lang, t.population, t."countryCode" AS country_code
    FROM "Town" t
  UNION ALL
  SELECT 'TOWN', n."townId", n.name, n.lang, t.population, t."countryCode"
    FROM "TownName" n JOIN "Town" t ON t.id = n."townId"
  UNION ALL
  SELECT 'ORGANISATION', o.id, x->>'text', x->>'lang', NULL, o."countryCode"
    FROM "Organisation" o, jsonb_array_elements(o.names) x
  UNION ALL
  SELECT 'ORGANISATION', o.id, o.acronym, NULL, NULL, o."countryCode" FROM "Organisation" o WHERE o.acronym IS NOT NULL
  UNION ALL
  SELECT 'PROGRAMME', g.id, x->>'text', x->>'lang', NULL, NULL
    FROM "Programme" g, jsonb_array_elements(g.names) x
  UNION ALL
  SELECT 'PROGRAMME', g.id, g.acronym, NULL, NULL, NULL FROM "Programme" g WHERE g.acronym IS NOT NULL
  UNION ALL
  SELECT 'NETWORK', w.id, x->>'text', x->>'lang', NULL, w."homeCountryCode"
    FROM "Network" w, jsonb_array_elements(w.names) x
  UNION ALL
  SELECT 'PROJECT', p.id, x->>'text', x->>'lang', NULL, NULL
    FROM "Project" p, jsonb_array_elements(p.names) x
  UNION ALL
  SELECT 'EVENT', e.id, x->>'text', x->>'lang', NULL, h."countryCode"
    FROM "Event" e LEFT JOIN "Town" h ON h.id = e."hostTownId", jsonb_array_elements(e.names || coalesce(e.theme, '[]'::jsonb)) x
  UNION ALL
  SELECT 'PARTNER_SEARCH', s.id, t.name, NULL, t.population, t."countryCode"
    FROM "PartnerSearch" s JOIN "Town" t ON t.id = s."townId"
  UNION ALL
  SELECT 'FUNDING_CALL', f.id, x->>'text', x->>'lang', NULL, NULL
    FROM "FundingCall" f, jsonb_array_elements(f.names) x;

CREATE INDEX search_entry_term_trgm ON search_entry USING gin (citynet_fold(term) gin_trgm_ops);
CREATE INDEX search_entry_entity ON search_entry (entity_type, entity_id);
