-- The search index becomes a table kept current by triggers, in the transaction of each write:
-- a partner search, event or town name written through the API is found by the very next
-- search, where the materialized view waited for the next data load to be refreshed.

-- What is searchable, one row per name: the single definition both the initial fill and the
-- triggers read (each reads it for the entities a statement touched; the entity_type and
-- entity_id conditions reach inside every branch).
CREATE VIEW search_term AS
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

DROP MATERIALIZED VIEW search_entry;
CREATE TABLE search_entry (
  entity_type text NOT NULL,
  entity_id integer NOT NULL,
  term text,
  lang text,
  population integer,
  country_code char(2)
);
INSERT INTO search_entry SELECT * FROM search_term;
CREATE INDEX search_entry_term_trgm ON search_entry USING gin (citynet_fold(term) gin_trgm_ops);
CREATE INDEX search_entry_entity ON search_entry (entity_type, entity_id);

-- Replaces the index rows of these entities with what search_term says of them now.
CREATE FUNCTION citynet_search_reindex(kind text, ids integer[]) RETURNS void
  LANGUAGE sql AS $$
    DELETE FROM search_entry WHERE entity_type = kind AND entity_id = ANY(ids);
    INSERT INTO search_entry SELECT * FROM search_term WHERE entity_type = kind AND entity_id = ANY(ids);
  $$;

-- A statement trigger: reindexes the entities (TG_ARGV[0]) named by a column (TG_ARGV[1]) of
-- the rows the statement inserted, updated or deleted, once per statement (bulk imports too).
CREATE FUNCTION citynet_search_reindex_rows() RETURNS trigger
  LANGUAGE plpgsql AS $$
  DECLARE
    ids integer[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[1]) INTO ids;
    ELSIF TG_OP = 'DELETE' THEN
      EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[1]) INTO ids;
    ELSE
      EXECUTE format('SELECT array_agg(DISTINCT id) FROM (SELECT %1$I AS id FROM old_rows UNION SELECT %1$I FROM new_rows) r', TG_ARGV[1]) INTO ids;
    END IF;
    IF ids IS NOT NULL THEN
      PERFORM citynet_search_reindex(TG_ARGV[0], ids);
      -- A town's name, population and country also show in its partner searches and hosted events.
      IF TG_TABLE_NAME = 'Town' THEN
        PERFORM citynet_search_reindex('PARTNER_SEARCH', array(SELECT id FROM "PartnerSearch" WHERE "townId" = ANY(ids)));
        PERFORM citynet_search_reindex('EVENT', array(SELECT id FROM "Event" WHERE "hostTownId" = ANY(ids)));
      END IF;
    END IF;
    RETURN NULL;
  END $$;

DO $$
DECLARE
  indexed record;
BEGIN
  FOR indexed IN
    SELECT * FROM (VALUES
      ('Town', 'TOWN', 'id'), ('TownName', 'TOWN', 'townId'), ('Organisation', 'ORGANISATION', 'id'),
      ('Programme', 'PROGRAMME', 'id'), ('Network', 'NETWORK', 'id'), ('Project', 'PROJECT', 'id'),
      ('Event', 'EVENT', 'id'), ('PartnerSearch', 'PARTNER_SEARCH', 'id'), ('FundingCall', 'FUNDING_CALL', 'id')
    ) AS t(table_name, entity_type, id_column)
  LOOP
    EXECUTE format('CREATE TRIGGER search_index_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION citynet_search_reindex_rows(%L, %L)', indexed.table_name, indexed.entity_type, indexed.id_column);
    EXECUTE format('CREATE TRIGGER search_index_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION citynet_search_reindex_rows(%L, %L)', indexed.table_name, indexed.entity_type, indexed.id_column);
    EXECUTE format('CREATE TRIGGER search_index_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION citynet_search_reindex_rows(%L, %L)', indexed.table_name, indexed.entity_type, indexed.id_column);
  END LOOP;
END $$;
