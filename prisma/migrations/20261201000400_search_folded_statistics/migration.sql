-- A search's `folded % q` is estimated from the column's histogram: with the default 100
-- buckets, one bucket bound that happens to resemble the text makes the estimate 1% of the
-- table (3,400 names instead of ~70), and PostgreSQL then scans all of search_entry instead of
-- its trigram index, depending on which rows ANALYZE sampled. 1,000 buckets keep the estimate
-- within the index's reach; ANALYZE of the table still takes under a second.
ALTER TABLE search_entry ALTER COLUMN folded SET STATISTICS 1000;
