-- Reindexes only the records whose entries change. Every write of a record rewrote its entries,
-- though most writes change no name (a partner search's entry is its town's name): each such
-- rewrite raised the search index's version, so every server reloaded its copy, and writes
-- queued on the version's row as they committed. A record's entries are compared as a whole
-- (duplicates counted), and a record with any difference is rewritten as before.
CREATE OR REPLACE FUNCTION citynet_search_reindex(kind text, ids integer[]) RETURNS void
LANGUAGE sql AS $$
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
$$;
