-- A version of the cooperation graph (the town–context ties of LINKS_SQL), raised by every
-- transaction that changes them, as it commits: a process that keeps the graph in memory reads
-- the version with the ties in one snapshot and knows when its copy is stale.
CREATE TABLE cooperation_graph_version (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version bigint NOT NULL
);
INSERT INTO cooperation_graph_version (version) VALUES (1);

CREATE FUNCTION citynet_cooperation_graph_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE cooperation_graph_version SET version = version + 1;
    RETURN NULL;
  END $$;

-- Deferred to the commit, so that the version's row is locked only while a write commits (no
-- write waits on another for longer, none deadlocks on it). Only the columns the ties are made
-- of count: renaming an event leaves the graph as it is.
DO $$
DECLARE
  tie record;
BEGIN
  FOR tie IN SELECT * FROM (VALUES
    ('Membership', '"townId", "networkId"'),
    ('Event', '"hostTownId", "networkId", "projectId"'),
    ('ProjectTown', '"townId", "projectId"'),
    ('EventParticipation', '"townId", "eventId"'),
    ('AgreementSignatory', '"townId", "agreementId"')) AS t(table_name, columns)
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER cooperation_graph_changed AFTER INSERT OR DELETE OR UPDATE OF %s ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION citynet_cooperation_graph_changed()', tie.columns, tie.table_name);
    EXECUTE format('CREATE TRIGGER cooperation_graph_truncated AFTER TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION citynet_cooperation_graph_changed()', tie.table_name);
  END LOOP;
END $$;
