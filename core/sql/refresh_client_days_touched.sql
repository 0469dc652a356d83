-- Refresh client_days (after refresh_daily) for the clients a change touched
-- (temp.touched_clients, from touched_clients.sql), from the first day it
-- touched on: a row depends only on its client's days up to it (previous day,
-- the 365 days ending on it) and on the next day, so for a client whose first
-- touched day is F the rows before F keep their figures, except the last one
-- (before_date), whose next day is the first one from F on (none when the
-- change left the client no day from F on). The rows from F on are
-- computed from the client's days since F - 364, the first one's previous day
-- being before_date when none of those is older, exactly as
-- refresh_client_days.sql does over all days (tests/test_fast_paths.py holds
-- the two equal).
DELETE FROM client_days cd USING temp.touched_clients t
WHERE cd.client_id = t.client_id AND cd.date >= t.from_date;
INSERT INTO client_days
SELECT client_id, date, previous_date, next_date, revenue, margin, revenue_365, margin_365
FROM (
    SELECT client_id,
           date,
           -- the day before the first touched one is the row kept before it, when that is older than the year read
           coalesce(lag(date) OVER by_day, before_date) AS previous_date,
           lead(date) OVER by_day AS next_date,
           revenue,
           margin,
           sum(revenue) OVER (by_day RANGE BETWEEN 364 PRECEDING AND CURRENT ROW) AS revenue_365,
           sum(margin) OVER (by_day RANGE BETWEEN 364 PRECEDING AND CURRENT ROW) AS margin_365,
           from_date
    FROM (
        SELECT d.client_id, d.date, d.date - DATE '2000-01-01' AS day_number, b.from_date, b.before_date,
               sum(d.revenue) AS revenue, sum(d.margin) AS margin
        FROM daily d
        JOIN temp.touched_clients b ON d.client_id = b.client_id
        WHERE d.date >= b.from_date - 364
          -- implied by the join; said outright, it lets DuckDB skip the row groups of earlier dates
          AND d.date >= (SELECT min(from_date) FROM temp.touched_clients) - 364
        GROUP BY d.client_id, d.date, b.from_date, b.before_date
    )
    WINDOW by_day AS (PARTITION BY client_id ORDER BY day_number)
)
WHERE date >= from_date;
-- (An update in place, not a delete and insert: both cost about as much at commit and
-- checkpoint, and the update reads less.)
UPDATE client_days cd SET next_date = n.next_date
FROM (
    -- an appended client's first new day follows its last stored one
    SELECT client_id, before_date, from_date AS next_date
    FROM temp.touched_clients
    WHERE appended AND before_date IS NOT NULL
    UNION ALL
    SELECT b.client_id, b.before_date, min(d.date)
    FROM temp.touched_clients b
    LEFT JOIN daily d ON d.client_id = b.client_id AND d.date >= b.from_date
    WHERE NOT b.appended AND b.before_date IS NOT NULL
    GROUP BY b.client_id, b.before_date
) n
WHERE cd.client_id = n.client_id AND cd.date = n.before_date;
DROP TABLE temp.touched_clients;
DELETE FROM client_days_built;
INSERT INTO client_days_built
SELECT (SELECT count(*) FROM lines), (SELECT max(upload_id) FROM uploads);
