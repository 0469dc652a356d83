-- Refresh the per-client-per-day table from the stored lines, for the (client,
-- day) pairs in {day_scope} (TRUE for a full rebuild, or the pairs a change
-- touched). Every daily row belongs to one client and day, so recomputing
-- the rows of a pair from all the lines of that pair is exact.
DELETE FROM daily WHERE {day_scope};
INSERT INTO daily
SELECT client_id, date, manager, region, segment,
       sum(amount) AS revenue, sum(margin) AS margin, count(*) AS lines
FROM lines
WHERE {day_scope}
GROUP BY ALL
-- in date order, so that a read of recent days (an upload's refresh, a window) skips the row groups of older ones
ORDER BY date;
