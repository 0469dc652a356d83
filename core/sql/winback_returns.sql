-- Return purchases (a client and the day it came back): for each, how far the
-- data reached before the upload holding that purchase (the team could see the
-- client lost when that reached its loss date: core.winback._returns), and the
-- revenue from the return purchase through the as-of date over the lines the
-- shared filters keep. Neither depends on L, so core.winback keeps them.
-- {filtered} is core.analysis.filtered_daily(). Read from the query's cursor:
-- returned_pairs (client_id, won_back_date). Bound, in order: the filter
-- values, then as_of.
WITH filtered AS ({filtered}),
returns AS (SELECT client_id, won_back_date FROM returned_pairs),
settings AS (SELECT ?::DATE AS as_of),
return_upload AS (
    -- The upload that brought the return purchase (the first, if several did).
    SELECT r.client_id, r.won_back_date, min(l.upload_id) AS upload_id
    FROM returns r
    JOIN lines l ON l.client_id = r.client_id AND l.date = r.won_back_date
    GROUP BY r.client_id, r.won_back_date
),
reach AS (
    -- How far the data reached before that upload (the log keeps the dates of
    -- uploads whose lines a later export replaced).
    SELECT ru.client_id, ru.won_back_date, max(u.date_max) AS reach_before
    FROM return_upload ru
    JOIN uploads u ON u.upload_id < ru.upload_id
    GROUP BY ru.client_id, ru.won_back_date
),
recovered AS (
    SELECT r.client_id, r.won_back_date, coalesce(sum(f.revenue), 0) AS revenue_since
    FROM returns r
    CROSS JOIN settings s
    LEFT JOIN filtered f
      ON f.client_id = r.client_id AND f.date >= r.won_back_date AND f.date <= s.as_of
    GROUP BY r.client_id, r.won_back_date
)
SELECT r.client_id, r.won_back_date, reach.reach_before, rc.revenue_since
FROM returns r
LEFT JOIN reach USING (client_id, won_back_date)
LEFT JOIN recovered rc USING (client_id, won_back_date)
