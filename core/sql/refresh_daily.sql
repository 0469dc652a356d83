-- Rebuild the per-client-per-day table from the stored lines.
DELETE FROM daily;
INSERT INTO daily
SELECT client_id, date, manager, region, segment,
       sum(amount) AS revenue, sum(margin) AS margin, count(*) AS lines
FROM lines
GROUP BY ALL;
