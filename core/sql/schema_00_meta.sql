-- A counter bumped by every write, so caches know when the data changed.
CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value BIGINT);
INSERT INTO store_meta VALUES ('version', 0) ON CONFLICT DO NOTHING;
