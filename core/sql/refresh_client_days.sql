-- Refresh client_days from daily (after refresh_daily) for the clients in
-- {client_scope}: each client's purchase days with the day before and after and the
-- basis of the 365 calendar days ending on (and including) the day, exactly as
-- churn_spans.sql computes them from the unfiltered daily table. Every row
-- depends on its own client's days only.
DELETE FROM client_days WHERE {client_scope};
INSERT INTO client_days
SELECT client_id,
       date,
       lag(date) OVER by_day,
       lead(date) OVER by_day,
       revenue,
       margin,
       sum(revenue) OVER (by_day RANGE BETWEEN 364 PRECEDING AND CURRENT ROW),
       sum(margin) OVER (by_day RANGE BETWEEN 364 PRECEDING AND CURRENT ROW)
FROM (
    SELECT client_id, date, date - DATE '2000-01-01' AS day_number,
           sum(revenue) AS revenue, sum(margin) AS margin
    FROM daily
    WHERE {client_scope}
    GROUP BY client_id, date
)
WINDOW by_day AS (PARTITION BY client_id ORDER BY day_number);
DELETE FROM client_days_built;
INSERT INTO client_days_built
SELECT (SELECT count(*) FROM lines), (SELECT max(upload_id) FROM uploads);
