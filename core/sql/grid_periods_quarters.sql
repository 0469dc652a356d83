-- The same rows as grid_periods_daily.sql for quarters, summed from client_months
-- (grid_periods_months.sql says when): a quarter's basis and last purchase are
-- those of its months.
SELECT client_id, date_trunc('quarter', month) AS period,
       coalesce(sum({basis}), 0) AS basis, max(last_date) AS last_purchase
FROM client_months
WHERE month >= (SELECT min(window_start) FROM as_of_dates)
  AND month < (SELECT max(as_of_period) FROM as_of_periods)
GROUP BY ALL
