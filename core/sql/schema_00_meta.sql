-- A counter bumped by every write, so caches know when the data changed, and the
-- value it had when the lines last changed (for what depends on the lines alone),
-- and when the lines or the loss reasons last changed (for the churn figures).
CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value BIGINT);
INSERT INTO store_meta VALUES ('version', 0) ON CONFLICT DO NOTHING;
INSERT INTO store_meta VALUES ('lines_version', 0) ON CONFLICT DO NOTHING;
INSERT INTO store_meta VALUES ('churn_version', 0) ON CONFLICT DO NOTHING;
