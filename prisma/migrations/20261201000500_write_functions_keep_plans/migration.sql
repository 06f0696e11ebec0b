-- PostgreSQL 15 plans a non-inlined SQL function's statement again in every statement that calls
-- it; PL/pgSQL keeps its plans for the connection's life. Every write of a searchable record
-- runs citynet_search_reindex from its trigger (planning the eleven-branch search_term view:
-- 0.95 ms of a partner-search update's 1.76 ms, its execution 0.04 ms), and a partner search's
-- audit entry calls partner_search_snapshot twice (0.2 ms each). Same bodies, kept plans.
-- (PostgreSQL 18, the embedded database, keeps SQL functions' plans too.)

CREATE OR REPLACE FUNCTION citynet_search_reindex(kind text, ids integer[]) RETURNS void
LANGUAGE plpgsql
-- One plan for every kind: its branches for other kinds are skipped as it runs (a one-time
-- filter), while a custom plan per call would plan the whole view again each time.
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  WITH wanted AS MATERIALIZED (
    SELECT entity_id, term, lang, population, country_code FROM search_term
     WHERE entity_type = kind AND entity_id = ANY(ids)),
  indexed AS MATERIALIZED (
    SELECT entity_id, term, lang, population, country_code FROM search_entry
     WHERE entity_type = kind AND entity_id = ANY(ids)),
  changed AS MATERIALIZED (
    SELECT DISTINCT entity_id FROM (
      (SELECT * FROM wanted EXCEPT ALL SELECT * FROM indexed)
      UNION ALL
      (SELECT * FROM indexed EXCEPT ALL SELECT * FROM wanted)) AS difference),
  removed AS (
    DELETE FROM search_entry WHERE entity_type = kind AND entity_id IN (SELECT entity_id FROM changed))
  INSERT INTO search_entry (entity_type, entity_id, term, lang, population, country_code)
  SELECT kind, entity_id, term, lang, population, country_code FROM wanted
   WHERE entity_id IN (SELECT entity_id FROM changed);
END $$;

CREATE OR REPLACE FUNCTION partner_search_snapshot(s "PartnerSearch") RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN jsonb_build_object(
    'slug', s.slug,
    'townId', s."townId",
    'kind', s.kind,
    'description', s.description,
    'wantedPopulationMin', s."wantedPopulationMin",
    'wantedPopulationMax', s."wantedPopulationMax",
    'status', s.status,
    'statusAsOf', to_char(s."statusAsOf", 'YYYY-MM-DD'),
    'validUntil', to_char(s."validUntil", 'YYYY-MM-DD'),
    'version', s.version,
    'wantedCountries', coalesce(
      (SELECT jsonb_agg(c."countryCode" ORDER BY c."countryCode") FROM "PartnerSearchCountry" c
        WHERE c."partnerSearchId" = s.id), '[]'),
    'topics', coalesce(
      (SELECT jsonb_agg(t.slug ORDER BY t.slug) FROM "_PartnerSearchToTopic" j JOIN "Topic" t ON t.id = j."B"
        WHERE j."A" = s.id), '[]'));
END $$;
