-- Which records' names each version of the search index changed. A server whose copy in memory
-- is older than the last commit patches it with those records' names (search-index.ts) instead
-- of leaving every search to PostgreSQL until a new copy is built: with a partner search written
-- every few seconds, the copy was never current.
CREATE TABLE search_entry_change (
  -- The search_index version whose commit made the change.
  version bigint NOT NULL,
  -- '*' (with id 0): more changed than a patch holds (a town import), or search_entry was
  -- truncated; a copy older than this version has to be rebuilt.
  entity_type text NOT NULL,
  entity_id int NOT NULL,
  PRIMARY KEY (version, entity_type, entity_id)
);

-- At the commit, after search_index_changed (triggers of an event fire in the order of their
-- names) has raised the version this transaction commits as. A transaction logs at most 2,000
-- changes, then '*'; its first change prunes what no copy patches any more (1,000 versions back).
-- Both bounds are search-index.ts's MAX_PATCHED and KEPT_VERSIONS.
CREATE FUNCTION citynet_search_entry_logged() RETURNS trigger
  LANGUAGE plpgsql AS $$
  DECLARE
    -- "<transaction id>:<changes logged>", for the transaction that set it.
    setting constant text := 'citynet.search_changes_logged';
    logged constant text[] := string_to_array(current_setting(setting, true), ':');
    this_transaction constant text := txid_current()::text;
    logged_count constant int := CASE WHEN logged[1] = this_transaction THEN logged[2]::int ELSE 0 END;
    current_version bigint;
  BEGIN
    IF logged_count > 2000 THEN
      RETURN NULL;
    END IF;
    SELECT version INTO current_version FROM data_version WHERE name = 'search_index';
    IF logged_count = 2000 THEN
      INSERT INTO search_entry_change VALUES (current_version, '*', 0) ON CONFLICT DO NOTHING;
    ELSE
      IF logged_count = 0 THEN
        DELETE FROM search_entry_change WHERE version <= current_version - 1000;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_entry_change VALUES (current_version, NEW.entity_type, NEW.entity_id) ON CONFLICT DO NOTHING;
      END IF;
      IF TG_OP <> 'INSERT' THEN
        INSERT INTO search_entry_change VALUES (current_version, OLD.entity_type, OLD.entity_id) ON CONFLICT DO NOTHING;
      END IF;
    END IF;
    PERFORM set_config(setting, this_transaction || ':' || (logged_count + 1), true);
    RETURN NULL;
  END $$;

CREATE CONSTRAINT TRIGGER search_index_logged AFTER INSERT OR DELETE OR UPDATE ON search_entry
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION citynet_search_entry_logged();

-- After search_index_truncated has raised the version (it fires first, by name).
CREATE FUNCTION citynet_search_entry_truncation_logged() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO search_entry_change
      SELECT version, '*', 0 FROM data_version WHERE name = 'search_index'
      ON CONFLICT DO NOTHING;
    RETURN NULL;
  END $$;

CREATE TRIGGER search_index_truncation_logged AFTER TRUNCATE ON search_entry
  FOR EACH STATEMENT EXECUTE FUNCTION citynet_search_entry_truncation_logged();
