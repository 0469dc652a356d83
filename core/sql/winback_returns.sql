-- The clients whose latest loss was followed by a purchase: for each, whether
-- the team could have seen it lost (the uploads loaded before the one holding
-- the return purchase already reached its loss date), and the revenue from the
-- return purchase through the as-of date over the lines the shared filters keep.
-- {filtered} is core.analysis.filtered_daily(). Read from the query's cursor:
-- returned_pairs (client_id, won_back_date, loss_date). Bound, in order: the
-- filter values, then as_of.
WITH filtered AS ({filtered}),
returns AS (SELECT client_id, won_back_date, loss_date FROM returned_pairs),
settings AS (SELECT ?::DATE AS as_of),
return_upload AS (
    -- The upload that brought the return purchase (the first, if several did).
    SELECT r.client_id, min(l.upload_id) AS upload_id
    FROM returns r
    JOIN lines l ON l.client_id = r.client_id AND l.date = r.won_back_date
    GROUP BY r.client_id
),
reach AS (
    -- How far the data reached before that upload (the log keeps the dates of
    -- uploads whose lines a later export replaced).
    SELECT ru.client_id, max(u.date_max) AS reach_before
    FROM return_upload ru
    JOIN uploads u ON u.upload_id < ru.upload_id
    GROUP BY ru.client_id
),
recovered AS (
    SELECT r.client_id, coalesce(sum(f.revenue), 0) AS revenue_since
    FROM returns r
    CROSS JOIN settings s
    LEFT JOIN filtered f
      ON f.client_id = r.client_id AND f.date >= r.won_back_date AND f.date <= s.as_of
    GROUP BY r.client_id
)
SELECT r.client_id,
       coalesce(reach.reach_before >= r.loss_date, false) AS seen_lost,
       rc.revenue_since
FROM returns r
LEFT JOIN reach USING (client_id)
LEFT JOIN recovered rc USING (client_id)
