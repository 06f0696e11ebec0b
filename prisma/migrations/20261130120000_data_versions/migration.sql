-- Versions of the data that server processes keep in memory (the cooperation graph, the search
-- index, the towns' places), each raised by every transaction that changes its tables, as it
-- commits. A process reads a version with the data in one snapshot, and a request reads it
-- first: a copy older than the version is stale, so no answer is older than the last commit.
-- This replaces cooperation_graph_version, the first of them.
CREATE TABLE data_version (
  name text PRIMARY KEY,
  version bigint NOT NULL
);
INSERT INTO data_version (name, version)
  SELECT 'cooperation_graph', version FROM cooperation_graph_version
  UNION ALL VALUES ('search_index', 1), ('town_places', 1);

-- Once per transaction and version: the town import writes some 300,000 search entries in one,
-- and a version raised per row would leave as many dead rows behind.
CREATE FUNCTION citynet_data_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
  DECLARE
    raised constant text := 'citynet.raised_' || TG_ARGV[0];
  BEGIN
    IF current_setting(raised, true) IS DISTINCT FROM txid_current()::text THEN
      UPDATE data_version SET version = version + 1 WHERE name = TG_ARGV[0];
      PERFORM set_config(raised, txid_current()::text, true);
    END IF;
    RETURN NULL;
  END $$;

-- Deferred to the commit, so that a version's row is locked only while a write commits (no write
-- waits on another for longer, none deadlocks on it). Only the columns the copies are made of
-- count: renaming an event leaves the graph as it is.
DO $$
DECLARE
  watched record;
BEGIN
  FOR watched IN SELECT * FROM (VALUES
    ('cooperation_graph', 'Membership', '"townId", "networkId"'),
    ('cooperation_graph', 'Event', '"hostTownId", "networkId", "projectId"'),
    ('cooperation_graph', 'ProjectTown', '"townId", "projectId"'),
    ('cooperation_graph', 'EventParticipation', '"townId", "eventId"'),
    ('cooperation_graph', 'AgreementSignatory', '"townId", "agreementId"'),
    ('search_index', 'search_entry', NULL),
    ('town_places', 'Town', '"latitude", "longitude", "population", "countryCode"')) AS t(data, table_name, columns)
  LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS cooperation_graph_changed ON %I', watched.table_name);
    EXECUTE format('DROP TRIGGER IF EXISTS cooperation_graph_truncated ON %I', watched.table_name);
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR DELETE OR UPDATE %s ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION citynet_data_changed(%L)',
      watched.data || '_changed', coalesce('OF ' || watched.columns, ''), watched.table_name, watched.data);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION citynet_data_changed(%L)',
      watched.data || '_truncated', watched.table_name, watched.data);
  END LOOP;
END $$;

DROP FUNCTION citynet_cooperation_graph_changed();
DROP TABLE cooperation_graph_version;
