-- The folded term (lower case, no accents), stored beside the term and indexed: a search
-- compares it four ways for every candidate name, and citynet_fold() ran again each time, a
-- call of unaccent() that PostgreSQL does not inline. The inserts of citynet_search_reindex()
-- name the other columns only, so the stored column is computed as each name is indexed.
ALTER TABLE search_entry ADD COLUMN folded text GENERATED ALWAYS AS (citynet_fold(term)) STORED;
DROP INDEX search_entry_term_trgm;
CREATE INDEX search_entry_folded_trgm ON search_entry USING gin (folded gin_trgm_ops);
