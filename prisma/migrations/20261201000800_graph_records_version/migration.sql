-- The version of the records a neighbourhood names (towns with ties, networks, projects, events,
-- agreements), which server processes keep in memory per set of columns a document asks: raised
-- by every transaction that changes any of their columns, or the ties that choose which towns
-- they are, as it commits (citynet_data_changed, as the other copies' versions).
INSERT INTO data_version (name, version) VALUES ('graph_records', 1);

DO $$
DECLARE
  watched record;
BEGIN
  FOR watched IN SELECT * FROM (VALUES
    ('Town', NULL),
    ('Network', NULL),
    ('Project', NULL),
    ('Event', NULL),
    ('Agreement', NULL),
    ('Membership', '"townId", "networkId"'),
    ('ProjectTown', '"townId", "projectId"'),
    ('EventParticipation', '"townId", "eventId"'),
    ('AgreementSignatory', '"townId", "agreementId"')) AS t(table_name, columns)
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER graph_records_changed AFTER INSERT OR DELETE OR UPDATE %s ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION citynet_data_changed(%L)',
      coalesce('OF ' || watched.columns, ''), watched.table_name, 'graph_records');
    EXECUTE format('CREATE TRIGGER graph_records_truncated AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION citynet_data_changed(%L)',
      watched.table_name, 'graph_records');
  END LOOP;
END $$;
