-- Refresh client_months from daily (after refresh_daily) for the (client, month)
-- pairs in {month_scope} (TRUE for a full rebuild, or the pairs holding a day a
-- change touched; {month_days_scope} is the same pairs as a condition over
-- daily). A row sums its client's days of that month only, so recomputing the
-- row of a pair from all of that pair's days is exact.
DELETE FROM client_months WHERE {month_scope};
INSERT INTO client_months
SELECT client_id, date_trunc('month', date)::DATE AS month,
       sum(revenue) AS revenue, sum(margin) AS margin, max(date) AS last_date
FROM daily
WHERE {month_days_scope}
GROUP BY ALL
-- in month order, so that a window's read skips the row groups of other months
ORDER BY month;
DELETE FROM client_months_built;
INSERT INTO client_months_built
SELECT (SELECT count(*) FROM lines), (SELECT max(upload_id) FROM uploads);
