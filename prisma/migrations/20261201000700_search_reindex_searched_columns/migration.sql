-- An update that changes none of the columns the search index is made of no longer reindexes.
-- The statement trigger reindexed every updated record (a partner search's new description too,
-- whose entry is its town's name): 0.2 ms of each update even when nothing changed, and with
-- eight writers PostgreSQL's partner-search updates per second fell from 35,500 to 8,100
-- (pgbench): the reindex's plan over the eleven-branch view locks every searchable table and its
-- indexes, more locks than a backend's fast path holds, so concurrent writers queue on the lock
-- manager. Updates are now row triggers on the columns search_term reads of each table, taken
-- from the view's own dependencies so that the two cannot disagree, and fired only when one of
-- them changed. Inserts and deletes keep their statement triggers (bulk imports: once per
-- statement).

-- Reindexes these records, and for towns the partner searches and events that show their name,
-- population and country. (Whether they are towns is a flag: TG_TABLE_NAME passed on would give
-- the calls below its collation, "C", and search_entry's index cannot serve a "C" comparison.)
CREATE FUNCTION citynet_search_reindex_records(kind text, ids integer[], towns boolean) RETURNS void
  LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM citynet_search_reindex(kind, ids);
    IF towns THEN
      PERFORM citynet_search_reindex('PARTNER_SEARCH', array(SELECT id FROM "PartnerSearch" WHERE "townId" = ANY(ids)));
      PERFORM citynet_search_reindex('EVENT', array(SELECT id FROM "Event" WHERE "hostTownId" = ANY(ids)));
    END IF;
  END $$;

-- Inserts and deletes: the records (TG_ARGV[0]) named by a column (TG_ARGV[1]) of the rows.
CREATE OR REPLACE FUNCTION citynet_search_reindex_rows() RETURNS trigger
  LANGUAGE plpgsql AS $$
  DECLARE
    ids integer[];
  BEGIN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM %I', TG_ARGV[1],
      CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END) INTO ids;
    IF ids IS NOT NULL THEN
      PERFORM citynet_search_reindex_records(TG_ARGV[0], ids, TG_TABLE_NAME = 'Town');
    END IF;
    RETURN NULL;
  END $$;

-- An update of a searched column: the record the row names before and after.
CREATE FUNCTION citynet_search_reindex_row() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM citynet_search_reindex_records(TG_ARGV[0],
      ARRAY[(to_jsonb(OLD) ->> TG_ARGV[1])::int, (to_jsonb(NEW) ->> TG_ARGV[1])::int], TG_TABLE_NAME = 'Town');
    RETURN NULL;
  END $$;

-- (Re)creates each searchable table's update trigger on the columns search_term reads of it; a
-- migration that changes the view calls it again. The searchable tables, their records' kind and
-- the column naming the record are those of the insert triggers (their arguments).
CREATE FUNCTION citynet_search_update_triggers() RETURNS void
  LANGUAGE plpgsql AS $$
  DECLARE
    indexed record;
    searched text[];
  BEGIN
    FOR indexed IN
      SELECT t.tgrelid AS table_oid, t.tgrelid::regclass AS table_name, args[1] AS entity_type, args[2] AS id_column
        FROM pg_trigger t, string_to_array(encode(t.tgargs, 'escape'), '\000') AS args
       WHERE t.tgname = 'search_index_insert'
    LOOP
      SELECT array_agg(quote_ident(a.attname) ORDER BY a.attnum) INTO searched
        FROM pg_attribute a
       WHERE a.attrelid = indexed.table_oid
         AND a.attnum IN (SELECT d.refobjsubid FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
                           WHERE r.ev_class = 'search_term'::regclass AND d.refobjid = indexed.table_oid);
      EXECUTE format('DROP TRIGGER IF EXISTS search_index_update ON %s', indexed.table_name);
      EXECUTE format('CREATE TRIGGER search_index_update AFTER UPDATE OF %s ON %s FOR EACH ROW
        WHEN (ROW(%s) IS DISTINCT FROM ROW(%s)) EXECUTE FUNCTION citynet_search_reindex_row(%L, %L)',
        array_to_string(searched, ', '), indexed.table_name,
        (SELECT string_agg('OLD.' || c, ', ') FROM unnest(searched) AS c),
        (SELECT string_agg('NEW.' || c, ', ') FROM unnest(searched) AS c),
        indexed.entity_type, indexed.id_column);
    END LOOP;
  END $$;

SELECT citynet_search_update_triggers();
