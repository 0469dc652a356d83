-- Whether the derived tables were last refreshed from the lines as they are
-- now (same number of lines, same newest upload): false for a store made by
-- code older than client_days, or whose lines changed behind its back. Only
-- then may a change refresh just the clients it touched.
SELECT coalesce((
    SELECT b.line_count = (SELECT count(*) FROM lines)
           AND b.last_upload IS NOT DISTINCT FROM (SELECT max(upload_id) FROM uploads)
    FROM client_days_built b
), false)
