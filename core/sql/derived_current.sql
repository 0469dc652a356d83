-- Which derived tables were last refreshed from the lines as they are now (same
-- number of lines, same newest upload), by their stamps: one row per stamped table
-- that is current. A store made by code older than a table has no stamp for it,
-- and one whose lines changed behind its back has stale stamps. core.store
-- refreshes only the touched clients when every stamp is current
-- (DERIVED_STAMPED); the grid reads client_months only when its stamp is.
SELECT b.stamped
FROM (
    SELECT 'client_days' AS stamped, line_count, last_upload FROM client_days_built
    UNION ALL
    SELECT 'client_months', line_count, last_upload FROM client_months_built
) b
WHERE b.line_count = (SELECT count(*) FROM lines)
  AND b.last_upload IS NOT DISTINCT FROM (SELECT max(upload_id) FROM uploads)
