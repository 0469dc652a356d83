-- Refresh client_days (after refresh_daily) for the clients a change touched,
-- from the first day it touched on: a row depends only on its client's days
-- up to it (previous day, the 365 days ending on it) and on the next day, so
-- for a client whose first touched day is F the rows before F keep their
-- figures, except the last one, whose next day is looked up again. The rows
-- from F on are computed from the client's days since the earlier of F - 364
-- and that last day before F, exactly as refresh_client_days.sql does over
-- all days (tests/test_fast_paths.py holds the two equal).
CREATE TEMP TABLE touched_from AS
SELECT client_id, min(date) AS from_date FROM temp.touched_days GROUP BY client_id;
DELETE FROM client_days cd USING temp.touched_from t
WHERE cd.client_id = t.client_id AND cd.date >= t.from_date;
CREATE TEMP TABLE touched_before AS
SELECT t.client_id, t.from_date, max(cd.date) AS before_date
FROM temp.touched_from t
LEFT JOIN client_days cd ON cd.client_id = t.client_id
GROUP BY t.client_id, t.from_date;
INSERT INTO client_days
SELECT client_id, date, previous_date, next_date, revenue, margin, revenue_365, margin_365
FROM (
    SELECT client_id,
           date,
           lag(date) OVER by_day AS previous_date,
           lead(date) OVER by_day AS next_date,
           revenue,
           margin,
           sum(revenue) OVER (by_day RANGE BETWEEN 364 PRECEDING AND CURRENT ROW) AS revenue_365,
           sum(margin) OVER (by_day RANGE BETWEEN 364 PRECEDING AND CURRENT ROW) AS margin_365,
           from_date
    FROM (
        SELECT d.client_id, d.date, d.date - DATE '2000-01-01' AS day_number, b.from_date,
               sum(d.revenue) AS revenue, sum(d.margin) AS margin
        FROM daily d
        JOIN temp.touched_before b ON d.client_id = b.client_id
        WHERE d.date >= coalesce(least(b.from_date - 364, b.before_date), b.from_date - 364)
        GROUP BY d.client_id, d.date, b.from_date
    )
    WINDOW by_day AS (PARTITION BY client_id ORDER BY day_number)
)
WHERE date >= from_date;
UPDATE client_days cd SET next_date = n.next_date
FROM (
    SELECT b.client_id, b.before_date, min(d.date) AS next_date
    FROM temp.touched_before b
    LEFT JOIN daily d ON d.client_id = b.client_id AND d.date >= b.from_date
    WHERE b.before_date IS NOT NULL
    GROUP BY b.client_id, b.before_date
) n
WHERE cd.client_id = n.client_id AND cd.date = n.before_date;
DROP TABLE temp.touched_from;
DROP TABLE temp.touched_before;
DELETE FROM client_days_built;
INSERT INTO client_days_built
SELECT (SELECT count(*) FROM lines), (SELECT max(upload_id) FROM uploads);
