-- The log of search-index changes is pruned by every hundredth version's transaction, not by
-- every one. The prune runs at the commit while the transaction holds the search_index row of
-- data_version, which every write of a searchable record raises: each commit waited for the one
-- before to delete the version that fell 1,000 behind, walking the index entries of those
-- deleted before it (0.25 ms of a partner-search create's wait, pg_stat_statements, 10 writers).
-- Pruned in hundreds, the log keeps the last 1,000 versions and about a hundred more;
-- search-index.ts patches a copy while the log holds the version after it, however far back.

CREATE OR REPLACE FUNCTION citynet_search_entry_logged() RETURNS trigger
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
      IF logged_count = 0 AND current_version % 100 = 0 THEN
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
