-- Search and geography need these: accent-free matching (unaccent), typo tolerance
-- (pg_trgm) and radius queries (cube + earthdistance). PGlite ships all four.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";
CREATE EXTENSION IF NOT EXISTS "unaccent";
CREATE EXTENSION IF NOT EXISTS "cube";
CREATE EXTENSION IF NOT EXISTS "earthdistance";
